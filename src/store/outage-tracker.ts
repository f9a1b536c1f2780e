import type { DatabaseOutage } from './store.js';
import { outageOf } from './transient-error.js';

export interface OutageHooks {
  /** Called when an outage begins or ends (undefined), e.g. to change the SQLite busy timeout. */
  onChange?: (outage: DatabaseOutage | undefined, previous: DatabaseOutage | undefined) => void;
}

/**
 * Remembers the outage the last transaction ran into, until one succeeds again: what the health
 * check reports, and what the hooks act on when it begins and ends.
 */
export class OutageTracker {
  private current: DatabaseOutage | undefined;

  /** `where` names the database in the log (a path, or "PostgreSQL": never a password). */
  constructor(private readonly where: string, private readonly hooks: OutageHooks = {}) {}

  describe(error: unknown): DatabaseOutage | undefined {
    return outageOf(error, this.where);
  }

  get outage(): DatabaseOutage | undefined {
    return this.current;
  }

  async watch<T>(write: () => Promise<T>): Promise<T> {
    try {
      const result = await write();
      if (this.current) this.change(undefined);
      return result;
    } catch (error) {
      const outage = this.describe(error);
      if (outage && outage.kind !== this.current?.kind) this.change(outage);
      throw error;
    }
  }

  private change(outage: DatabaseOutage | undefined): void {
    const previous = this.current;
    this.current = outage;
    this.hooks.onChange?.(outage, previous);
  }
}
