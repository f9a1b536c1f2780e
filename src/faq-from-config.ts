import type { Config } from './config/schema.js';
import { createFaqIndex, DEFAULT_SYNONYMS } from './core/faq/index.js';
import type { FaqBuilder } from './core/faq/faq-reload.js';
import { createFaqService, type FaqService } from './core/faq/faq-service.js';
import { createJiebaSegmenter } from './search/jieba-segmenter.js';
import type { Store } from './store/store.js';

/** An index with jieba, the configured words and synonyms, and the configured thresholds, over the given entries. */
export function faqBuilder(settings: Config['faq']): FaqBuilder {
  const { threshold, margin, cooldownMinutes } = settings;
  return (entries) => {
    const index = createFaqIndex({ segmenter: createJiebaSegmenter(settings.words), synonyms: [...DEFAULT_SYNONYMS, ...settings.synonyms] });
    return createFaqService(index, { threshold, margin, cooldownMs: cooldownMinutes * 60_000 }, entries);
  };
}

/** The knowledge base from the store, indexed as configured. */
export async function faqFromConfig(config: Config, store: Store): Promise<FaqService | undefined> {
  if (!config.faq.enabled) return undefined;
  return faqBuilder(config.faq)(await store.faq.list());
}
