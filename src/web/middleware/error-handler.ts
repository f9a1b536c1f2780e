import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../../core/logger.js';

const CLIENT_GONE = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/** A client that hangs up mid-request is routine: one debug line, no stack; anything else is logged as an error. */
export function errorHandler(log: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    const where = { method: c.req.method, path: c.req.path };
    if (c.req.raw.signal.aborted || CLIENT_GONE.has((error as NodeJS.ErrnoException).code ?? '')) {
      log.debug(where, 'request aborted by the client');
      return c.body(null, 400);
    }
    log.error({ ...where, err: error }, 'request failed');
    return c.text('internal error\n', 500);
  };
}
