import semver from 'semver';

export interface LockEntry {
  version?: string;
  dev?: boolean;
  engines?: { node?: string } | string[];
}

/**
 * What `npm ci` reports as EBADENGINE, decided from the lockfile for the oldest Node we claim
 * (package.json `engines`, "Node.js 20 or newer" in the README), not only the Node running the test.
 */
export function runtimeEngineConflicts(lock: { packages: Record<string, LockEntry> }, nodeRange: string): string[] {
  const oldest = semver.minVersion(nodeRange)!.version;
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.dev && !Array.isArray(entry.engines) && entry.engines?.node)
    .filter(([, entry]) => !semver.satisfies(oldest, (entry.engines as { node: string }).node))
    .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${(entry.engines as { node: string }).node}`);
}
