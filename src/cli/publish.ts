import { resolve } from 'node:path';
import { ArchiveReader } from '../core/archive/archive-reader.js';
import type { PublishReport } from '../core/archive/publish-report.js';
import { openStore } from '../store/open-store.js';
import { applyConfiguredRooms, archiveSettings } from '../web/routes/archive-source.js';
import { publishSite } from '../web/views/archive-publish.js';
import { configOrExit } from './shared.js';

interface PublishOptions {
  out: string;
  room?: string;
  baseUrl?: string;
  config?: string;
}

function summary(report: PublishReport, seconds: number): string {
  const lines = [
    `published ${report.rooms} room(s), ${report.conversations} conversations: ${report.written} files written, ${report.unchanged} unchanged, ${report.removed} removed (${seconds.toFixed(1)} s)`,
    ...report.rebuilt.map((room) => `placed the messages of "${room}" in conversations first (imported log)`),
    ...report.notes.map((note) => `note: ${note}`),
    ...report.errors.map((error) => `error: ${error}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `osschat publish --out DIR [--room NAME] [--base-url URL]`: the public archive as a static site. */
export async function publishCommand(options: PublishOptions): Promise<void> {
  const config = configOrExit(options.config);
  const store = await openStore(config.database.url);
  const started = performance.now();
  try {
    await applyConfiguredRooms(store, config);
    const settings = archiveSettings(config, 60_000);
    const baseUrl = options.baseUrl?.replace(/\/+$/, '') ?? settings.baseUrl;
    if (baseUrl !== undefined && !/^https?:\/\/\S+$/.test(baseUrl)) {
      process.stderr.write(`--base-url ${baseUrl}: expected an absolute address such as https://example.github.io/chat\n`);
      process.exitCode = 2;
      return;
    }
    const reader = new ArchiveReader(store, { ...settings, ...(baseUrl ? { baseUrl } : {}) });
    const room = options.room === undefined ? undefined : await reader.findRoom(options.room);
    if (options.room !== undefined && !room) {
      process.stderr.write(`no public room named "${options.room}": give the topic or id of a room opted in with 公开存档 开 / /archive on (or archive.rooms)\n`);
      process.exitCode = 1;
      return;
    }
    const report = await publishSite(store, reader, resolve(options.out), room);
    process.stdout.write(summary(report, (performance.now() - started) / 1000));
    if (report.errors.length) process.exitCode = 1;
  } finally {
    await store.close();
  }
}
