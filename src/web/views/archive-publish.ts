import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArchiveReader } from '../../core/archive/archive-reader.js';
import { emptyPublishReport, type PublishReport } from '../../core/archive/publish-report.js';
import { rebuildRoomThreads } from '../../core/threads/rebuild-room.js';
import type { Room } from '../../core/types.js';
import { createIndexSegmenter } from '../../search/index-segmenter.js';
import type { Store } from '../../store/store.js';
import { roomSite, siteRoot, type SiteFile } from './archive-site.js';

const MANIFEST = '.osschat-publish.json';

interface Manifest {
  version: 1;
  files: Record<string, string>;
}

function readManifest(out: string): Manifest {
  try {
    const parsed = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as Manifest;
    return parsed.version === 1 && parsed.files ? parsed : { version: 1, files: {} };
  } catch {
    return { version: 1, files: {} };
  }
}

/** Removes `folder` (relative to `out`) and its parents while they are empty. */
function removeEmptyFolders(out: string, folder: string): void {
  for (let at = folder; at !== '.' && at !== ''; at = dirname(at)) {
    const full = join(out, at);
    if (!existsSync(full) || readdirSync(full).length > 0) return;
    rmdirSync(full);
  }
}

const roomOf = (path: string) => path.match(/^(\d+)\//)?.[1];

/**
 * Writes the static archive into `out`, incrementally: a page is rewritten only when its content
 * hash changed; pages of rooms no longer public, and pages that are gone, are removed.
 */
export async function publishSite(store: Store, reader: ArchiveReader, out: string, only?: Room): Promise<PublishReport> {
  const report = emptyPublishReport();
  const rooms = await store.archive.publicRooms();
  const targets = only ? rooms.filter((room) => room.id === only.id) : rooms;
  if (!reader.settings.baseUrl) report.notes.push('archive.baseUrl is not set: no Atom feeds and no sitemap (they need absolute addresses); pass --base-url or set archive.baseUrl');
  for (const room of targets) {
    if ((await store.archive.unplacedCount(room.id)) === 0) continue;
    await rebuildRoomThreads(store, room);
    report.rebuilt.push(room.topic ?? String(room.id));
  }
  const old = readManifest(out);
  const files: Record<string, string> = {};
  const write = (file: SiteFile) => {
    const hash = createHash('sha256').update(file.content).digest('hex');
    files[file.path] = hash;
    const target = join(out, file.path);
    if (old.files[file.path] === hash && existsSync(target)) return void report.unchanged++;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    report.written++;
  };
  const options = { reader, store, segmenter: createIndexSegmenter() };
  for (const room of targets) {
    for await (const file of roomSite(options, room)) {
      if (file.path.includes('/c/')) report.conversations++;
      write(file);
    }
    report.rooms++;
  }
  for await (const file of siteRoot(options, rooms)) write(file);
  const publicIds = new Set(rooms.map((room) => String(room.id)));
  const redone = new Set(targets.map((room) => String(room.id)));
  for (const path of Object.keys(old.files)) {
    if (path in files) continue;
    const room = roomOf(path);
    // Another room's pages stay when only one room is published, as long as that room is still public.
    if (room !== undefined && publicIds.has(room) && !redone.has(room)) {
      files[path] = old.files[path]!;
      continue;
    }
    rmSync(join(out, path), { force: true });
    removeEmptyFolders(out, dirname(path));
    report.removed++;
  }
  for (const room of new Set(Object.keys(old.files).map(roomOf))) if (room !== undefined && !publicIds.has(room)) rmSync(join(out, room), { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, MANIFEST), JSON.stringify({ version: 1, files }));
  return report;
}
