export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/** Slices a list like GitHub (`per_page` ≤ 100, default 30) and builds its `Link` header. */
export function paginate<T>(items: T[], requestUrl: URL): Page<T> {
  const perPage = Math.min(Math.max(Number(requestUrl.searchParams.get('per_page') ?? 30) || 30, 1), 100);
  const page = Math.max(Number(requestUrl.searchParams.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (n: number, rel: string): string => {
    const url = new URL(requestUrl);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(n));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [link(page - 1, 'prev'), link(1, 'first')] : []),
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
  ];
  return { items: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
}
