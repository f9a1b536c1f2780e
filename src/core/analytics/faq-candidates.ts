import { stringify } from 'yaml';
import type { QuestionCluster } from './analytics-report.js';

/** Tag of a candidate whose answer is still to be written: edit it before importing. */
export const NEEDS_ANSWER_TAG = 'needs-answer';

const PLACEHOLDER = { 'zh-CN': '（待补充答案）', en: '(answer to be written)' } as const;

/**
 * Repeated questions as an `osschat faq import` YAML knowledge base: one entry per cluster, its
 * wordings as paraphrases, the first reply another member gave as the draft answer (or a
 * placeholder tagged `needs-answer`).
 */
export function faqCandidatesYaml(clusters: readonly QuestionCluster[], locale: keyof typeof PLACEHOLDER = 'zh-CN'): string {
  const entries = clusters.map((cluster, index) => ({
    id: `candidate-${index + 1}`,
    questions: cluster.examples,
    answer: cluster.answer?.trim() || PLACEHOLDER[locale],
    tags: cluster.answer?.trim() ? ['candidate', `asked-${cluster.count}`] : ['candidate', NEEDS_ANSWER_TAG, `asked-${cluster.count}`],
  }));
  const header = `# FAQ candidates: questions asked more than once (${clusters.length}). Check each answer, then: osschat faq import FILE\n`;
  return header + (entries.length > 0 ? stringify(entries, { lineWidth: 0 }) : '[]\n');
}
