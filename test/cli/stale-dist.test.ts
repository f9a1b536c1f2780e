import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

const run = promisify(execFile);
const NODE_MODULES = join(BIN, '..', '..', 'node_modules');

/**
 * A checkout laid out as the project's (bin/osschat.js itself, node_modules for tsx) whose
 * dist/cli/main.js and src/cli/main.ts say which of them ran.
 */
function checkout(): { root: string; touch: (path: string, secondsAgo: number) => void; osschat: () => Promise<string> } {
  const root = mkdtempSync(join(tmpdir(), 'osschat-bin-'));
  for (const folder of ['bin', 'dist/cli', 'src/cli/deep']) mkdirSync(join(root, folder), { recursive: true });
  copyFileSync(BIN, join(root, 'bin/osschat.js'));
  symlinkSync(NODE_MODULES, join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(root, 'dist/cli/main.js'), "process.stdout.write('dist');\n");
  writeFileSync(join(root, 'src/cli/main.ts'), "const ran: string = 'src';\nprocess.stdout.write(ran);\n");
  writeFileSync(join(root, 'src/cli/deep/helper.ts'), 'export {};\n');
  const touch = (path: string, secondsAgo: number) => {
    const when = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(join(root, path), when, when);
  };
  // A build made after the last change of the sources.
  for (const path of ['src/cli/deep/helper.ts', 'src/cli/deep', 'src/cli/main.ts', 'src/cli', 'src']) touch(path, 120);
  touch('dist/cli/main.js', 60);
  return { root, touch, osschat: async () => (await run(process.execPath, [join(root, 'bin/osschat.js')])).stdout };
}

describe('bin/osschat.js never runs a stale dist/', () => {
  it('runs dist/ when it was built after the last change of src/', async () => {
    expect(await checkout().osschat()).toBe('dist');
  });

  it('runs the sources (tsx) when a file deep in src/ changed after the build', async () => {
    const { touch, osschat } = checkout();
    touch('src/cli/deep/helper.ts', 1);
    expect(await osschat()).toBe('src');
  });

  it('runs the sources when a file of src/ was deleted after the build (its folder changed)', async () => {
    const { root, touch, osschat } = checkout();
    rmSync(join(root, 'src/cli/deep/helper.ts'));
    touch('src/cli/deep', 1);
    expect(await osschat()).toBe('src');
  });

  it('runs the sources without dist/, and dist/ alone when the package ships no src/', async () => {
    const bare = checkout();
    rmSync(join(bare.root, 'dist'), { recursive: true });
    expect(await bare.osschat()).toBe('src');
    const installed = checkout();
    rmSync(join(installed.root, 'src'), { recursive: true });
    expect(await installed.osschat()).toBe('dist');
  });
});
