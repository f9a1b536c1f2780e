/** A configuration problem, told in one line: the key, what was expected, and how to fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly key: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`config error: ${key}: ${problem} — ${fix}`);
  }
}
