/** FAQ ids are global; a tenant's entries carry its prefix, so no tenant can name (or overwrite) another's. */
export function tenantFaqPrefix(tenantId: number): string {
  return `t${tenantId}-`;
}

export function tenantFaqId(tenantId: number, localId: string): string {
  const prefix = tenantFaqPrefix(tenantId);
  return localId.startsWith(prefix) ? localId : `${prefix}${localId}`;
}

export function ownsFaqId(tenantId: number, id: string): boolean {
  return id.startsWith(tenantFaqPrefix(tenantId)) && id.length > tenantFaqPrefix(tenantId).length;
}
