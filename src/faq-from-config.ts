import type { Config } from './config/schema.js';
import { createFaqIndex, DEFAULT_SYNONYMS } from './core/faq/index.js';
import { createFaqService, type FaqService } from './core/faq/faq-service.js';
import { createJiebaSegmenter } from './search/jieba-segmenter.js';
import type { Store } from './store/store.js';

/** The knowledge base from the store, indexed with jieba and the configured words and synonyms. */
export async function faqFromConfig(config: Config, store: Store): Promise<FaqService | undefined> {
  const settings = config.faq;
  if (!settings.enabled) return undefined;
  const index = createFaqIndex({ segmenter: createJiebaSegmenter(settings.words), synonyms: [...DEFAULT_SYNONYMS, ...settings.synonyms] });
  const { threshold, margin, cooldownMinutes } = settings;
  return createFaqService(index, { threshold, margin, cooldownMs: cooldownMinutes * 60_000 }, await store.faq.list());
}
