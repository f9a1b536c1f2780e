import type { WriteCounts } from './import-writer.js';
import type { PlannedRecord } from './import-plan.js';

/** A record of a batch the store would not take: its index in the batch and the store's reason. */
export interface Refusal {
  index: number;
  reason: string;
}

export interface BatchWriter {
  write(records: PlannedRecord[]): Promise<WriteCounts>;
}

/**
 * Error codes that blame the statement's data, not the database: PostgreSQL classes 22 (data
 * exception, such as a NUL in text) and 23 (constraint), 54000 (a value too large for an index);
 * SQLite constraint, too-big and type-mismatch results.
 */
const RECORD_FAULT = /^(22|23|54000$)|^SQLITE_(CONSTRAINT|TOOBIG|MISMATCH)/;

/** True when the store refused the write because of what a record holds (so other records may be taken). */
export function blamesRecord(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && RECORD_FAULT.test(code);
}

/**
 * Writes a batch. When the store refuses it because of a record, halves it until each refused
 * record stands alone, and saves every other record: one bad record never costs its batch. A
 * failure that does not blame a record (the database is away, the disk is full) is thrown.
 */
export async function writeSavingTheRest(writer: BatchWriter, records: PlannedRecord[]): Promise<{ counts: WriteCounts; refused: Refusal[] }> {
  try {
    return { counts: await writer.write(records), refused: [] };
  } catch (error) {
    if (!blamesRecord(error)) throw error;
    if (records.length === 1) return { counts: { added: 0, duplicates: 0 }, refused: [{ index: 0, reason: (error as Error).message }] };
    const half = Math.ceil(records.length / 2);
    const first = await writeSavingTheRest(writer, records.slice(0, half));
    const second = await writeSavingTheRest(writer, records.slice(half));
    return {
      counts: { added: first.counts.added + second.counts.added, duplicates: first.counts.duplicates + second.counts.duplicates },
      refused: [...first.refused, ...second.refused.map((refusal) => ({ ...refusal, index: refusal.index + half }))],
    };
  }
}
