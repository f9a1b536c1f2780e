/** Thrown by a job that may not run yet (a rate limit): it waits until `until`, and the attempt does not count. */
export class Deferred extends Error {
  override readonly name = 'Deferred';
  constructor(readonly until: Date) {
    super(`deferred until ${until.toISOString()}`);
  }
}
