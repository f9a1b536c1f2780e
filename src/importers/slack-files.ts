import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { openFile } from './read-input.js';

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
export async function exportFiles(path: string, onBytes?: (bytes: number) => void): Promise<ExportFiles> {
  return (await stat(path)).isDirectory() ? folderFiles(path, onBytes) : zipFiles(path, onBytes);
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

async function zipFiles(path: string, onBytes?: (bytes: number) => void): Promise<ExportFiles> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  const entries = await new Promise<yauzl.Entry[]>((resolve, reject) => {
    const found: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      found.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(found));
    zip.once('error', reject);
    zip.readEntry();
  });
  const files = entries
    .filter((entry) => !entry.fileName.endsWith('/'))
    .map((entry) => ({
      name: stripTopFolder(entry.fileName, entries),
      open: async () => {
        const stream = await zip.openReadStreamPromise(entry);
        stream.once('end', () => onBytes?.(entry.compressedSize));
        return stream;
      },
    }));
  return { files, close: () => zip.close() };
}

/** Zips made by compressing the export folder itself hold `Export Name/general/…`: drop that level. */
function stripTopFolder(name: string, entries: yauzl.Entry[]): string {
  const top = entries[0]?.fileName.split('/')[0];
  const wrapped = top !== undefined && entries.every((entry) => entry.fileName.startsWith(`${top}/`)) && entries.some((entry) => /^[^/]+\/(users|channels)\.json$/.test(entry.fileName));
  return wrapped ? name.slice(top.length + 1) : name;
}
