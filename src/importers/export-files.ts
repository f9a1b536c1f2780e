import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import { openFile } from './read-input.js';
import { checkDeclaredSizes, checkEntryCount, declaredSizeGuard, ZIP_LIMITS, type ZipLimits } from './zip-limits.js';

/** A file of a Slack export, named by its path inside the export (`general/2024-01-02.json`). */
export interface ExportFile {
  name: string;
  open(): Promise<Readable>;
}

export interface ExportFiles {
  files: ExportFile[];
  close(): void;
}

/** The files of an export folder, or of a .zip of one (read entry by entry, never unpacked). */
export async function exportFiles(path: string, options: { onBytes?: (bytes: number) => void; zipLimits?: ZipLimits } = {}): Promise<ExportFiles> {
  return (await stat(path)).isDirectory() ? folderFiles(path, options.onBytes) : zipFiles(path, options.zipLimits ?? ZIP_LIMITS, options.onBytes);
}

async function folderFiles(root: string, onBytes?: (bytes: number) => void): Promise<ExportFiles> {
  const files: ExportFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.push({ name: relative(root, full).split(sep).join('/'), open: async () => openFile(full, onBytes) });
    }
  };
  await walk(root);
  return { files, close: () => undefined };
}

/** Sizes are checked as declared before anything is unpacked, and as unpacked while reading. */
async function zipFiles(path: string, limits: ZipLimits, onBytes?: (bytes: number) => void): Promise<ExportFiles> {
  // yauzl's own size check is off: the guard below fails with an error that names the entry.
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: false });
  let entries: yauzl.Entry[];
  try {
    checkEntryCount(zip.entryCount, limits);
    entries = await listEntries(zip);
    checkDeclaredSizes(entries, limits);
  } catch (error) {
    zip.close();
    throw error;
  }
  const prefix = wrapperPrefix(entries);
  const files = entries
    .filter((entry) => !entry.fileName.endsWith('/'))
    .map((entry) => ({
      name: entry.fileName.slice(prefix),
      open: async () => {
        const raw = await zip.openReadStreamPromise(entry);
        raw.once('end', () => onBytes?.(entry.compressedSize));
        const guarded = declaredSizeGuard(entry.fileName, entry.uncompressedSize);
        // A failed guard stops the inflating at once; the reader sees the guard's error.
        pipeline(raw, guarded, () => undefined);
        return guarded;
      },
    }));
  return { files, close: () => zip.close() };
}

/** The central directory's entries (at most the count checked above: yauzl reads no more). */
function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise<yauzl.Entry[]>((resolve, reject) => {
    const found: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      found.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(found));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/**
 * Zips made by compressing the export folder itself hold `Export Name/general/…`: the length of
 * that level's prefix, to drop from every name (0 when there is none). Computed once per zip.
 */
function wrapperPrefix(entries: yauzl.Entry[]): number {
  const top = entries[0]?.fileName.split('/')[0];
  const wrapped = top !== undefined && entries.every((entry) => entry.fileName.startsWith(`${top}/`)) && entries.some((entry) => /^[^/]+\/(users|channels)\.json$/.test(entry.fileName));
  return wrapped ? top.length + 1 : 0;
}
