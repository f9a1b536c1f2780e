import { isDeepStrictEqual } from 'node:util';
import { ReloadingFaq } from '../core/faq/faq-reload.js';
import type { FaqService } from '../core/faq/faq-service.js';
import type { Logger } from '../core/logger.js';
import { faqBuilder } from '../faq-from-config.js';
import type { Store } from '../store/store.js';
import type { Config } from './schema.js';

type FaqSettings = Config['faq'];

/**
 * The FAQ the configuration asks for now: built when `faq.enabled`, rebuilt over the stored entries when its
 * settings change (words, synonyms, thresholds), none when turned off. Its entries follow the store by themselves.
 */
export class ConfiguredFaq {
  /** Where the dashboard reports its edits: whichever FAQ is current. */
  readonly index: Pick<FaqService, 'put' | 'remove'> = { put: (entry) => this.faq?.put(entry), remove: (id) => this.faq?.remove(id) };

  private constructor(private faq: ReloadingFaq | undefined, private settings: FaqSettings, private readonly store: Store, private readonly log: Logger) {}

  static async create(settings: FaqSettings, store: Store, log: Logger): Promise<ConfiguredFaq> {
    const faq = settings.enabled ? await ReloadingFaq.create(store.faq, faqBuilder(settings), { log }) : undefined;
    return new ConfiguredFaq(faq, settings, store, log);
  }

  /** The FAQ to answer from, or undefined when it is turned off. */
  get current(): FaqService | undefined {
    return this.faq;
  }

  async configure(settings: FaqSettings): Promise<void> {
    if (isDeepStrictEqual(settings, this.settings)) return;
    this.settings = settings;
    if (!settings.enabled) this.faq = undefined;
    else if (this.faq) await this.faq.rebuild(faqBuilder(settings));
    else this.faq = await ReloadingFaq.create(this.store.faq, faqBuilder(settings), { log: this.log });
  }
}
