/** Stable error codes: the log gets the detail, the user gets the advice behind `userMessage`. */
export type ErrorCode =
  | 'config'
  | 'database'
  | 'chat-unavailable'
  | 'bad-input'
  | 'not-found'
  | 'forge-unauthorized'
  | 'forge-forbidden'
  | 'forge-not-found'
  | 'forge-not-installed'
  | 'forge-invalid'
  | 'forge-unavailable'
  | 'forge-rate-limited';

export class OsschatError extends Error {
  override readonly name = 'OsschatError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { retryable?: boolean; userMessage?: string; cause?: unknown; /** The group was already told what went wrong. */ told?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
  }

  /** The outbox retries only errors that say they are retryable. */
  get retryable(): boolean {
    return this.options.retryable ?? false;
  }
}
