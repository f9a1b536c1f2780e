import { open, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import { openFile } from './read-input.js';
import { checkDeclaredSizes, checkEntryCount, declaredSizeGuard, ZIP_LIMITS, type ZipLimits } from './zip-limits.js';

/** A file of an export folder or zip, named by its path inside it (`general/2024-01-02.json`). */
export interface ExportFile {
  name: string;
  open(): Promise<Readable>;
}

export interface ExportFiles {
  /** Every file's name, the ones not kept included. */
  names: string[];
  /** The files kept (all of them unless `keep` chose). */
  files: ExportFile[];
  close(): void;
}

export interface ExportFilesOptions {
  onBytes?: (bytes: number) => void;
  zipLimits?: ZipLimits;
  /** Chooses, from every file's name, the files to read: only those are checked against the size limits. */
  keep?: (names: string[]) => string[];
}

/** The files of an export folder, or of a .zip of one (read entry by entry, never unpacked). */
export async function exportFiles(path: string, options: ExportFilesOptions = {}): Promise<ExportFiles> {
  return (await stat(path)).isDirectory() ? folderFiles(path, options) : zipFiles(path, options);
}

/** True when the file starts like a zip (a local file header, or the end record of an empty zip), whatever its name. */
export async function isZipFile(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && ((buffer[2] === 3 && buffer[3] === 4) || (buffer[2] === 5 && buffer[3] === 6));
  } finally {
    await file.close();
  }
}

async function folderFiles(root: string, { onBytes, keep }: ExportFilesOptions): Promise<ExportFiles> {
  const all: ExportFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else all.push({ name: relative(root, full).split(sep).join('/'), open: async () => openFile(full, onBytes) });
    }
  };
  await walk(root);
  const names = all.map((file) => file.name);
  const kept = keep ? new Set(keep(names)) : undefined;
  return { names, files: kept ? all.filter((file) => kept.has(file.name)) : all, close: () => undefined };
}

/** Sizes are checked as declared before anything is unpacked, and as unpacked while reading. */
async function zipFiles(path: string, { onBytes, keep, zipLimits: limits = ZIP_LIMITS }: ExportFilesOptions): Promise<ExportFiles> {
  // yauzl's own size check is off: the guard below fails with an error that names the entry.
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: false });
  try {
    checkEntryCount(zip.entryCount, limits);
    const entries = (await listEntries(zip)).filter((entry) => !entry.fileName.endsWith('/'));
    const prefix = wrapperPrefix(entries);
    const names = entries.map((entry) => entry.fileName.slice(prefix));
    const kept = keep ? new Set(keep(names)) : undefined;
    const read = kept ? entries.filter((_, i) => kept.has(names[i]!)) : entries;
    checkDeclaredSizes(read, limits);
    const files = read.map((entry) => ({ name: entry.fileName.slice(prefix), open: () => openEntry(zip, entry, onBytes) }));
    return { names, files, close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, onBytes?: (bytes: number) => void): Promise<Readable> {
  const raw = await zip.openReadStreamPromise(entry);
  raw.once('end', () => onBytes?.(entry.compressedSize));
  const guarded = declaredSizeGuard(entry.fileName, entry.uncompressedSize);
  // A failed guard stops the inflating at once; the reader sees the guard's error.
  pipeline(raw, guarded, () => undefined);
  return guarded;
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
