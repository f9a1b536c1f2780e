import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes an import will read: the file's size, or every file's below a folder. */
export async function inputSize(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true })) total += await inputSize(join(path, entry.name));
  return total;
}
