import type { EventSet } from './events.js';

/** One way of writing the events into a fresh database file at `path`. */
export interface Variant {
  name: string;
  /** Seconds the writes took (setup and close excluded); the file is verified afterwards. */
  run(set: EventSet, path: string): Promise<number>;
}
