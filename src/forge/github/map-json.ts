/** A JSON object: what a webhook payload and its nested objects are, once checked. */
export type Json = Record<string, unknown>;

/** True for a plain object (not null, not an array). */
export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `key`, if there is one. */
export function objectAt(o: Json | undefined, key: string): Json | undefined {
  const value = o?.[key];
  return isJson(value) ? value : undefined;
}

/** The string at `key`, if it has more than whitespace. */
export function textAt(o: Json | undefined, key: string): string | undefined {
  const value = o?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The positive integer at `key` (issue, PR and discussion numbers). */
export function numberAt(o: Json | undefined, key: string): number | undefined {
  const value = o?.[key];
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** The `login` of the account at `key` (`sender`, `user`, `assignee`…). */
export function loginAt(o: Json | undefined, key: string): string | undefined {
  return textAt(objectAt(o, key), 'login');
}

/** The web address at `key`, if it is an http(s) URL on one line. */
export function webUrlAt(o: Json | undefined, key: string): string | undefined {
  const value = textAt(o, key);
  return value && /^https?:\/\/\S+$/i.test(value) ? value : undefined;
}

/** The names of the labels on an issue, PR or discussion; anything malformed is skipped. */
export function labelNames(o: Json | undefined): string[] {
  const labels = o?.['labels'];
  if (!Array.isArray(labels)) return [];
  return labels.flatMap((label: unknown) => {
    const name = typeof label === 'string' ? label : isJson(label) ? label['name'] : undefined;
    return typeof name === 'string' && name.trim() !== '' ? [name] : [];
  });
}

/** A copy without the keys whose value is `undefined`, so events carry only what they know. */
export function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)) as T;
}
