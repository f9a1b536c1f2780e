import { bad } from './import-record.js';
import type { PlannedRecord } from './import-plan.js';
import { countBad, type ImportReport } from './import-report.js';
import type { ImportWriter } from './import-writer.js';
import { writeSavingTheRest } from './refused-records.js';

/** The database failed a write for a reason of its own (not a record's): nothing of the batch is saved. */
export class WriteFailed extends Error {}

/**
 * The records read since the last write, with their place in the export, so that a record the
 * database refuses is reported where the user can find it.
 */
export class PendingBatch {
  private records: PlannedRecord[] = [];
  private ordinals: number[] = [];

  constructor(
    private readonly writer: ImportWriter,
    private readonly report: ImportReport,
    private readonly onBatch?: (report: ImportReport) => void,
  ) {}

  /** Adds the export's `ordinal`-th record; returns how many records wait. */
  add(record: PlannedRecord, ordinal: number): number {
    this.records.push(record);
    this.ordinals.push(ordinal);
    return this.records.length;
  }

  /** Writes what waits and adds it to the report; throws WriteFailed when the database fails. */
  async flush(): Promise<void> {
    const { records, ordinals } = this;
    this.records = [];
    this.ordinals = [];
    if (records.length > 0) await this.write(records, ordinals);
    this.onBatch?.(this.report);
  }

  private async write(records: PlannedRecord[], ordinals: number[]): Promise<void> {
    let result: Awaited<ReturnType<typeof writeSavingTheRest>>;
    try {
      result = await writeSavingTheRest(this.writer, records);
    } catch (error) {
      throw new WriteFailed((error as Error).message, { cause: error });
    }
    this.report.added += result.counts.added;
    this.report.duplicates += result.counts.duplicates;
    for (const { index, reason } of result.refused) countBad(this.report, bad(positionOf(records[index]!, ordinals[index]!), `the database refused it: ${reason}`));
  }
}

function positionOf(record: PlannedRecord, ordinal: number): string {
  return `record ${ordinal} (${record.room.topic ?? record.room.id}, message ${record.id})`;
}
