import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A small real filesystem (tmpfs) for the SQLite database, which the disk-full fault fills. */
export interface SmallDisk {
  dir: string;
  /** Fills the filesystem to the last byte; `free` gives the space back. */
  fill(): void;
  free(): void;
  unmount(): void;
}

/** Mounts a tmpfs under `parent`, or says why not and returns undefined (the fault is then skipped). */
export function mountSmallDisk(parent: string, size = '96m'): SmallDisk | undefined {
  const dir = join(parent, 'disk');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    console.error('chaos: cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): the disk-full fault is skipped');
    return undefined;
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'w');
      const chunk = Buffer.alloc(1024 * 1024, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
      fillLastBytes(filler);
    },
    free: () => rmSync(filler, { force: true }),
    // Lazy: a killed bot may still hold its files for a moment.
    unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'ignore' }),
  };
}

/** The last megabyte, a page at a time, so that no SQLite page fits. */
function fillLastBytes(file: string): void {
  const fd = openSync(file, 'a');
  try {
    for (;;) writeSync(fd, Buffer.alloc(4096, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}
