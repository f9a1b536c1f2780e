import type { Database, Statement } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ArchiveReader } from '../src/core/archive/archive-reader.js';
import { loadConfig } from '../src/config/load.js';
import { openStore } from '../src/store/open-store.js';
import { openSqlite } from '../src/store/sqlite.js';
import type { MessageInput, Store } from '../src/store/store.js';
import { archiveSettings } from '../src/web/routes/archive-source.js';
import { publishSite } from '../src/web/views/archive-publish.js';
import type { Benchmark, BenchReport } from './benchmark.js';
import { archiveCorpus, archiveQueries } from './archive-corpus.js';
import { percentile } from './measure.js';
import { withTempDir } from './temp-dir.js';

const MESSAGES = Number(process.env.BENCH_ARCHIVE_MESSAGES ?? 1_000_000);
const QUERIES = 300;
/** Queries run untimed before each pass (the same ones for the index and the LIKE scan). */
const WARM_UP = 20;
const TARGET_P99_MS = 50;
/** Keep the corpus in this file and reuse it on the next run (it is built once: minutes at 1,000,000). */
const KEEP_DB = process.env.BENCH_ARCHIVE_DB;
/** `0` skips the static publish (search only, for quick iterations). */
const PUBLISH = process.env.BENCH_ARCHIVE_PUBLISH !== '0';

/** The room of a corpus kept by an earlier run (BENCH_ARCHIVE_DB), if it holds `size` messages. */
function keptRoom(file: string, size: number): number | undefined {
  if (!existsSync(file)) return undefined;
  const { database } = openSqlite(file);
  try {
    const row = database.prepare(`select r.id as id, count(m.id) as n from rooms r join messages m on m.room_id = r.id where r.platform = 'bench' and r.external_id = 'room' group by r.id`).get() as { id: number; n: number } | undefined;
    if (row && row.n === size) return row.id;
    throw new Error(`${file} is not a corpus of ${size} messages (${row?.n ?? 0}): remove it`);
  } finally {
    database.close();
  }
}

async function fill(store: Store, size: number): Promise<number> {
  const room = await store.rooms.upsert({ platform: 'bench', externalId: 'room', kind: 'group', topic: 'bench' });
  const members = await Promise.all(Array.from({ length: 300 }, (_, i) => store.members.upsert({ platform: 'bench', externalId: `u${i}`, name: `成员${i}` })));
  let batch: MessageInput[] = [];
  for (const m of archiveCorpus(size)) {
    batch.push({ roomId: room.id, senderId: members[m.sender]!.id, platformMsgId: m.id, kind: 'text', text: m.text, ts: new Date(m.ts), isSelf: false, conversationId: m.conversation });
    if (batch.length === 5000) {
      const inputs = batch;
      batch = [];
      await store.transaction((tx) => tx.messages.insertMany(inputs));
    }
  }
  if (batch.length) await store.transaction((tx) => tx.messages.insertMany(batch));
  await store.archive.setRoomPublic(room.id, true);
  return room.id;
}

/** One live search as the web page runs it: the index, then the messages it shows. */
async function liveSearch(store: Store, text: string): Promise<void> {
  const page = await store.search.search({ text, limit: 20, offset: 0 });
  await store.archive.messagesById(page.hits.map((h) => h.messageId));
}

/** The baseline: what one writes without an index, newest first, the same 20 rows and the same privacy filter; every word must occur (one LIKE per word, as the index ANDs them). */
function likeScanner(database: Database, roomId: number): (text: string) => void {
  const statements = new Map<number, Statement>();
  const statement = (words: number) => {
    const likes = Array.from({ length: words }, () => 'm.text like ?').join(' and ');
    return database.prepare(`select m.id, m.text from messages m join rooms r on r.id = m.room_id join members s on s.id = m.sender_id
      where m.room_id = ? and ${likes} and r.archive_public = 1 and m.is_self = 0 and m.command is null and m.recalled_at is null and s.archive_optout = 0
      order by m.ts desc limit 20`);
  };
  return (text) => {
    const words = text.split(/\s+/).filter(Boolean);
    let scan = statements.get(words.length);
    if (!scan) statements.set(words.length, (scan = statement(words.length)));
    scan.all(roomId, ...words.map((word) => `%${word}%`));
  };
}

async function timeLikeScans(file: string, roomId: number, terms: readonly string[]): Promise<number[]> {
  const { database } = openSqlite(file);
  try {
    return await timeQueries(terms, likeScanner(database, roomId));
  } finally {
    database.close();
  }
}

/** Milliseconds of each query, after the same warm-up for every pass. */
async function timeQueries(terms: readonly string[], query: (text: string) => Promise<unknown> | unknown): Promise<number[]> {
  for (const text of terms.slice(0, WARM_UP)) await query(text);
  const times: number[] = [];
  for (const text of terms) {
    const start = performance.now();
    await query(text);
    times.push(performance.now() - start);
  }
  return times;
}

export const archive: Benchmark = {
  name: 'archive',
  async run(): Promise<BenchReport> {
    return withTempDir(async (dir) => {
      const file = KEEP_DB ?? join(dir, 'archive.db');
      const kept = keptRoom(file, MESSAGES);
      const store = await openStore(file);
      try {
        const fillStart = performance.now();
        const roomId = kept ?? (await fill(store, MESSAGES));
        const fillSeconds = (performance.now() - fillStart) / 1000;
        const indexStart = performance.now();
        await store.search.sync();
        const indexSeconds = (performance.now() - indexStart) / 1000;
        const stored = kept === undefined ? `stored in ${fillSeconds.toFixed(1)} s` : `kept from an earlier run (${file})`;
        const terms = archiveQueries(QUERIES);
        const search = await timeQueries(terms, (text) => liveSearch(store, text));
        const like = await timeLikeScans(file, roomId, terms);
        const reader = new ArchiveReader(store, { ...archiveSettings(loadConfig({ env: {} }), 60_000), baseUrl: 'https://example.org/chat' });
        const publish: string[][] = [];
        if (PUBLISH) {
          const publishStart = performance.now();
          const report = await publishSite(store, reader, join(dir, 'site'));
          const publishSeconds = (performance.now() - publishStart) / 1000;
          const againStart = performance.now();
          const again = await publishSite(store, reader, join(dir, 'site'));
          const againSeconds = (performance.now() - againStart) / 1000;
          publish.push(
            [`static publish (${report.conversations.toLocaleString('en')} conversations, ${report.written.toLocaleString('en')} files)`, `${publishSeconds.toFixed(1)} s`, '', ''],
            [`publish again, nothing changed (${again.unchanged.toLocaleString('en')} unchanged, ${again.written} written)`, `${againSeconds.toFixed(1)} s`, '', ''],
          );
        }
        const p99 = percentile(search, 99);
        return {
          setup: `${MESSAGES.toLocaleString('en')} messages (Chinese, English, mixed) in one public room on SQLite, ${stored}; index ${kept === undefined ? 'built' : 'brought up to date'} in ${indexSeconds.toFixed(1)} s; the same ${search.length} queries (frequent, middling and rare words, one and two words) through the index and through a LIKE scan with one '%word%' per word (all must match), each pass after the same ${WARM_UP} warm-up queries`,
          table: [
            ['pass', 'p50 ms', 'p99 ms', 'ratio to baseline (p50)'],
            ['search (FTS5, jieba words, ranked, 20 hits + their messages)', percentile(search, 50).toFixed(2), p99.toFixed(2), (percentile(search, 50) / percentile(like, 50)).toFixed(4)],
            ["LIKE '%word%' per word newest first, limit 20 (baseline)", percentile(like, 50).toFixed(2), percentile(like, 99).toFixed(2), '1'],
            ...publish,
          ],
          targets: [{ description: `search p99 < ${TARGET_P99_MS} ms (${p99.toFixed(1)} ms)`, met: p99 < TARGET_P99_MS }],
        };
      } finally {
        await store.close();
      }
    });
  },
};
