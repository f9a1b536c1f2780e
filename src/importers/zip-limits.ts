import { Transform, type TransformCallback } from 'node:stream';

const MiB = 1024 * 1024;

/** How much of a zip an import reads: a small zip can unpack to terabytes (a zip bomb). */
export interface ZipLimits {
  /** Files in the zip. */
  maxEntries: number;
  /** Unpacked bytes of one file. */
  maxEntryBytes: number;
  /** Unpacked bytes of all files together. */
  maxTotalBytes: number;
}

/**
 * A Slack export is one small JSON file per channel and day, plus users.json and channels.json
 * (about 150 MiB for 100,000 members). Genuine exports above these are raised from the command line.
 */
export const ZIP_LIMITS: ZipLimits = { maxEntries: 100_000, maxEntryBytes: 256 * MiB, maxTotalBytes: 8192 * MiB };

/** Which limit an export went over, with what the user needs to raise it. */
export type LimitBreach =
  | { kind: 'entries'; count: number; limit: number }
  | { kind: 'total'; bytes: number; limit: number }
  | { kind: 'entry'; entry: string; bytes: number; limit: number }
  /** The entry unpacked past the size its header declares: damaged, or built to get past the checks. */
  | { kind: 'declared'; entry: string; declared: number };

export class ExportLimitError extends Error {
  constructor(readonly breach: LimitBreach) {
    super(describeBreach(breach));
  }
}

function describeBreach(breach: LimitBreach): string {
  switch (breach.kind) {
    case 'entries':
      return `the zip holds ${breach.count} files, over the limit of ${breach.limit}`;
    case 'total':
      return `the zip unpacks to ${breach.bytes} bytes, over the limit of ${breach.limit}`;
    case 'entry':
      return `${breach.entry} unpacks to ${breach.bytes} bytes, over the limit of ${breach.limit} for one file`;
    case 'declared':
      return `${breach.entry} unpacks to more than the ${breach.declared} bytes its zip header declares`;
  }
}

/** The count a zip's end record declares: checked before its entries are listed. */
export function checkEntryCount(count: number, limits: ZipLimits): void {
  if (count > limits.maxEntries) throw new ExportLimitError({ kind: 'entries', count, limit: limits.maxEntries });
}

/**
 * Checks the sizes a zip's central directory declares, before anything is unpacked. It looks at
 * every entry first, so the breach names the largest file and the whole total (what to raise to).
 */
export function checkDeclaredSizes(entries: readonly { fileName: string; uncompressedSize: number }[], limits: ZipLimits): void {
  checkEntryCount(entries.length, limits);
  let total = 0;
  let largest = entries[0];
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > largest!.uncompressedSize) largest = entry;
  }
  if (largest && largest.uncompressedSize > limits.maxEntryBytes) throw new ExportLimitError({ kind: 'entry', entry: largest.fileName, bytes: largest.uncompressedSize, limit: limits.maxEntryBytes });
  if (total > limits.maxTotalBytes) throw new ExportLimitError({ kind: 'total', bytes: total, limit: limits.maxTotalBytes });
}

/**
 * Passes an entry's unpacked bytes on and fails as soon as they go past its declared size.
 * Every declared size was checked against the limits, so this bounds the actual ones too.
 */
export function declaredSizeGuard(entry: string, declared: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > declared) done(new ExportLimitError({ kind: 'declared', entry, declared }));
      else done(null, chunk);
    },
  });
}
