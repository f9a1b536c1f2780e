import type { Logger } from '../logger.js';
import type { StoredFaqEntry } from './faq-entry.js';
import type { FaqService } from './faq-service.js';

/** Where the knowledge base lives (the store's `faq`): its entries, and a value that changes with them. */
export interface FaqSource {
  version(): Promise<string>;
  list(): Promise<StoredFaqEntry[]>;
}

/** Builds the service (index and settings) over entries: the configuration's `faq` settings. */
export type FaqBuilder = (entries: readonly StoredFaqEntry[]) => FaqService;

export interface ReloadingFaqOptions {
  log: Logger;
  /** Least time between two looks at the store's version (default 500 ms): a busy room does not ask at every question. */
  checkEveryMs?: number;
  now?: () => number;
}

// What the index depends on: content (updatedAt) and the votes that set the entry's penalty.
const signature = (entry: StoredFaqEntry) => `${entry.updatedAt.getTime()}:${entry.helpful}:${entry.notHelpful}`;

/**
 * The bot's FAQ for its whole life. Its entries follow the store: before answering, `refresh` compares the
 * store's FAQ version with the one last loaded and, when another process (`osschat faq import`, the dashboard,
 * a worker) changed entries, applies what changed. Its settings follow the configuration: `rebuild` swaps in an
 * index built with new words, synonyms or thresholds.
 */
export class ReloadingFaq implements FaqService {
  private readonly known = new Map<string, string>();
  private loaded = '';
  private checkedAt = -Infinity;
  private running: Promise<void> | undefined;
  private failing = false;

  private constructor(private service: FaqService, private readonly source: FaqSource, private readonly options: ReloadingFaqOptions) {}

  static async create(source: FaqSource, build: FaqBuilder, options: ReloadingFaqOptions): Promise<ReloadingFaq> {
    // The version is read before the entries: a write in between makes the next refresh look again, never miss it.
    const version = await source.version();
    const entries = await source.list();
    const faq = new ReloadingFaq(build(entries), source, options);
    faq.remember(entries, version);
    return faq;
  }

  get settings(): FaqService['settings'] {
    return this.service.settings;
  }

  ask(text: string): ReturnType<FaqService['ask']> {
    return this.service.ask(text);
  }

  put(entry: StoredFaqEntry): void {
    this.service.put(entry);
    this.known.set(entry.id, signature(entry));
  }

  remove(id: string): void {
    this.service.remove(id);
    this.known.delete(id);
  }

  /** Catches up with entries other processes changed; at most one look per `checkEveryMs`, one at a time. */
  refresh(): Promise<void> {
    const now = (this.options.now ?? Date.now)();
    if (this.running) return this.running;
    if (now - this.checkedAt < (this.options.checkEveryMs ?? 500)) return Promise.resolve();
    this.checkedAt = now;
    this.running = this.catchUp()
      .catch((error: unknown) => this.reportFailure(error))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Replaces the index with one built by `build` (new settings) over the entries in the store now. */
  async rebuild(build: FaqBuilder): Promise<void> {
    // A catch-up under way would otherwise put what it read into the new index after the swap.
    await this.running;
    const version = await this.source.version();
    const entries = await this.source.list();
    this.service = build(entries);
    this.known.clear();
    this.remember(entries, version);
  }

  private async catchUp(): Promise<void> {
    const version = await this.source.version();
    if (this.failing) this.options.log.info({}, 'faq: the knowledge base can be read again');
    this.failing = false;
    if (version === this.loaded) return;
    const entries = await this.source.list();
    const changed = entries.filter((entry) => this.known.get(entry.id) !== signature(entry));
    const present = new Set(entries.map((entry) => entry.id));
    const gone = [...this.known.keys()].filter((id) => !present.has(id));
    changed.forEach((entry) => this.put(entry));
    gone.forEach((id) => this.remove(id));
    this.loaded = version;
    if (changed.length || gone.length) this.options.log.info({ changed: changed.length, removed: gone.length, entries: entries.length }, 'faq: entries changed in the store, index updated');
  }

  private remember(entries: readonly StoredFaqEntry[], version: string): void {
    for (const entry of entries) this.known.set(entry.id, signature(entry));
    this.loaded = version;
  }

  // Answers go on from the index as it is; the log says once that the store could not be read, and when it can again.
  private reportFailure(error: unknown): void {
    if (!this.failing) this.options.log.warn({ err: error }, 'faq: cannot read the knowledge base to look for changes; answering from the index as it is');
    this.failing = true;
  }
}
