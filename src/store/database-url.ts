/**
 * Why `url` names no database OSSChat can open, or undefined when it does: a file path, `sqlite:…`
 * or `postgres(ql)://…`. Any other scheme (`mysql://`, `http://`) and a PostgreSQL URL with a typo
 * (`postgres//host/db`, `postgres:/host`) are refused, never taken for the name of a SQLite file.
 */
export function databaseUrlProblem(url: string): string | undefined {
  if (/^sqlite:/.test(url)) return url.replace(/^sqlite:(\/\/)?/, '') === '' ? 'sqlite: names no file' : undefined;
  if (/^postgres(ql)?:\/\/./.test(url)) return URL.canParse(url) ? undefined : 'not a valid postgres:// URL';
  if (/^postgres(ql)?(:|\/\/)/i.test(url)) return 'looks like a PostgreSQL URL but does not start with postgres:// or postgresql://';
  // One letter before the colon is a Windows drive (C:\data\osschat.db), not a scheme.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1];
  if (scheme) return `${scheme}: is not a database OSSChat supports`;
  return undefined;
}

export const DATABASE_URL_FORMS = 'a file path (./data/osschat.db), sqlite:PATH, or postgres://USER:PASSWORD@HOST:5432/NAME';
