import { exportRoom } from '../core/export-room.js';
import { openStore } from '../store/open-store.js';
import { configOrExit } from './shared.js';

export async function exportCommand(options: { room: string; format: string; config?: string }): Promise<void> {
  if (options.format !== 'jsonl') {
    process.stderr.write(`unknown format "${options.format}": only jsonl is supported\n`);
    process.exit(2);
  }
  const config = configOrExit(options.config);
  const store = await openStore(config.database.url);
  try {
    const lines = await exportRoom(store, options.room);
    if (!lines) {
      process.stderr.write(`no room named "${options.room}": give its topic or id (see /healthz or the log)\n`);
      process.exitCode = 1;
      return;
    }
    for await (const line of lines) {
      if (!process.stdout.write(`${line}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  } finally {
    await store.close();
  }
}
