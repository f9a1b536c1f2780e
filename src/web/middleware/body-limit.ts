import type { Context, MiddlewareHandler } from 'hono';

/** GitHub caps a webhook payload at 25 MB; everything else (forms, JSON) is small. */
export const BODY_LIMIT_DEFAULTS = { maxBodyBytes: 1024 * 1024, maxWebhookBodyBytes: 25 * 1024 * 1024 } as const;

export interface BodyLimitOptions {
  /** The most bytes a request to `path` may carry. */
  maxBytes: (path: string) => number;
}

/**
 * Refuses a request body over its limit before reading it (declared Content-Length) or as soon as a
 * streamed body passes the limit; never holds more than the limit in memory. After the 413,
 * @hono/node-server discards what is still coming (at most 64 MB or 500 ms), then closes the connection.
 */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler {
  return async (c, next) => {
    const transferEncoding = c.req.header('transfer-encoding');
    const limit = options.maxBytes(c.req.path);
    const declared = declaredLength(c.req.header('content-length'), transferEncoding);
    if (declared !== undefined) return declared > limit ? tooLarge(c, limit) : next();
    // Without either header HTTP/1.1 has no body. Headers first: touching `raw.body` turns
    // @hono/node-server's lightweight request into a web stream, which halved webhook throughput.
    if (transferEncoding === undefined) return next();
    const body = c.req.raw.body;
    if (!body) return next();
    const read = await readAtMost(body, limit);
    if (read === 'too-large') return tooLarge(c, limit);
    c.req.raw = new Request(c.req.raw, { body: read });
    return next();
  };
}

/** Content-Length when it alone frames the body (Node's parser then never delivers more). */
function declaredLength(contentLength: string | undefined, transferEncoding: string | undefined): number | undefined {
  if (transferEncoding !== undefined || contentLength === undefined || !/^\d+$/.test(contentLength)) return undefined;
  return Number(contentLength);
}

async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | 'too-large'> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Stop reading without cancelling: cancelling destroys the socket before the 413 is written.
    if (size > limit) return (reader.releaseLock(), 'too-large');
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(c: Context, limit: number): Response {
  return c.text(`request body is larger than the limit of ${limit} bytes\n`, 413);
}
