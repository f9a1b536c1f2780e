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
export function mountSmallDisk(parent: string, size: string): SmallDisk | undefined {
  const dir = join(parent, 'disk');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    // CI sets OSSCHAT_REQUIRE_TMPFS=1: there the fault must run, never be skipped in silence.
    if (process.env.OSSCHAT_REQUIRE_TMPFS === '1') throw new Error('the disk-full fault needs a tmpfs (OSSCHAT_REQUIRE_TMPFS=1) but mount -t tmpfs failed: run as root or with CAP_SYS_ADMIN');
    console.warn(`SKIPPED the disk-full fault: cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN); OSSCHAT_REQUIRE_TMPFS=1 makes this a failure`);
    return undefined;
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      // Megabytes, then pages for the last one, so that no SQLite page fits.
      for (const size of [1024 * 1024, 4096]) writeUntilFull(filler, size);
    },
    free: () => rmSync(filler, { force: true }),
    // Lazy: a killed bot may still hold its files for a moment.
    unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'ignore' }),
  };
}

/** Appends chunks of `size` bytes to `file` until the filesystem says ENOSPC. */
function writeUntilFull(file: string, size: number): void {
  const fd = openSync(file, 'a');
  const chunk = Buffer.alloc(size, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}
