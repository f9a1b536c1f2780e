const KEY = /^[A-Za-z0-9._:/+=-]+$/;
const LAST_LINE_MARKER = /^<!-- osschat:([A-Za-z0-9._:/+=-]+) -->$/;

/** The hidden line that ends every issue body OSSChat files: `<!-- osschat:${key} -->`. */
export function markerOf(key: string): string {
  if (!KEY.test(key)) throw new RangeError(`an issue marker key is letters, digits and ._:/+=- only: ${JSON.stringify(key)}`);
  return `<!-- osschat:${key} -->`;
}

/**
 * The key of the marker on the body's last non-blank line, or `undefined`. A marker anywhere
 * else (say, quoted from chat) does not count; OSSChat also escapes `<!--` in quoted text.
 */
export function findMarker(body: string): string | undefined {
  const lines = body.replace(/\r\n?/g, '\n').trimEnd().split('\n');
  return LAST_LINE_MARKER.exec(lines[lines.length - 1]?.trim() ?? '')?.[1];
}
