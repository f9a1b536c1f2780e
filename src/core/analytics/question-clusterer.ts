import type { Analyzed } from '../faq/analyzer.js';
import type { QuestionCluster } from './analytics-report.js';
import { memoizeShortTexts } from './short-text-memo.js';

interface Cluster {
  id: number;
  count: number;
  /** The first wording's content words and their grams: what later wordings are compared with. */
  terms: Set<string>;
  grams: Set<string>;
  /** 能 and 不能 ask opposite things: a negated wording never joins a plain one. */
  negated: boolean;
  examples: string[];
  answer?: string;
}

interface QuestionShape {
  terms: Set<string>;
  grams: Set<string>;
  negated: boolean;
}

export interface ClusterSettings {
  /** Similarity in [0, 1] from which two questions are the same question. */
  threshold: number;
  /** Examples kept per cluster. */
  examples: number;
  /** Clusters held at most; past it the oldest single questions are forgotten. */
  capacity: number;
}

export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = { threshold: 0.5, examples: 3, capacity: 50_000 };
/** Clusters remembered per word for candidate lookup; the newest win. */
const POSTINGS_PER_TERM = 64;

/**
 * Groups near-duplicate questions in one pass (leader clustering): a question joins the most
 * similar cluster sharing a word with it when the similarity reaches the threshold, else starts one.
 * Similarity blends the overlap of content words (after synonyms, question words left out)
 * and of their characters, so paraphrases (怎么安装 / 如何安装) meet and typos still match.
 */
export class QuestionClusterer {
  private readonly clusters = new Map<number, Cluster>();
  private readonly postings = new Map<string, number[]>();
  private nextId = 1;

  constructor(
    private readonly analyze: (text: string) => Analyzed,
    private readonly settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS,
  ) {}

  /** Files a question; returns its cluster id, or undefined when it has no meaningful word. */
  add(text: string): number | undefined {
    const shape = this.shapeOf(text);
    if (!shape) return undefined;
    const { terms, grams, negated } = shape;
    const best = this.mostSimilar(terms, grams, negated);
    if (best) {
      best.count++;
      if (best.examples.length < this.settings.examples && !best.examples.includes(text)) best.examples.push(text);
      return best.id;
    }
    return this.open(text, terms, grams, negated).id;
  }

  /** What a wording is compared by; remembered for short texts, which recur. */
  private readonly shapeOf = memoizeShortTexts((text: string): QuestionShape | undefined => {
    const analyzed = this.analyze(text);
    const terms = contentTerms(analyzed.terms.keys());
    return terms.size === 0 ? undefined : { terms, grams: gramsOf(terms), negated: analyzed.negated };
  });

  /** Keeps the first reply given to a question of the cluster. */
  answer(clusterId: number, text: string): void {
    const cluster = this.clusters.get(clusterId);
    if (cluster && cluster.answer === undefined) cluster.answer = text;
  }

  /** Clusters asked at least twice, most asked first. */
  repeated(limit: number): QuestionCluster[] {
    return [...this.clusters.values()]
      .filter((cluster) => cluster.count >= 2)
      .sort((a, b) => b.count - a.count || a.id - b.id)
      .slice(0, limit)
      .map((cluster) => ({
        count: cluster.count,
        examples: cluster.examples,
        terms: [...cluster.terms],
        ...(cluster.answer !== undefined ? { answer: cluster.answer } : {}),
      }));
  }

  private mostSimilar(terms: Set<string>, grams: Set<string>, negated: boolean): Cluster | undefined {
    let best: Cluster | undefined;
    let bestScore = this.settings.threshold;
    const seen = new Set<number>();
    for (const term of terms) {
      for (const id of this.postings.get(term) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const cluster = this.clusters.get(id);
        if (!cluster || cluster.negated !== negated) continue;
        const score = 0.5 * overlap(terms, cluster.terms) + 0.5 * overlap(grams, cluster.grams);
        if (score >= bestScore) [best, bestScore] = [cluster, score];
      }
    }
    return best;
  }

  private open(text: string, terms: Set<string>, grams: Set<string>, negated: boolean): Cluster {
    const cluster: Cluster = { id: this.nextId++, count: 1, terms, grams, negated, examples: [text] };
    this.clusters.set(cluster.id, cluster);
    for (const term of terms) {
      const list = this.postings.get(term) ?? [];
      list.push(cluster.id);
      if (list.length > POSTINGS_PER_TERM) list.shift();
      this.postings.set(term, list);
    }
    if (this.clusters.size > this.settings.capacity) this.forgetSingles();
    return cluster;
  }

  /** Drops the oldest clusters of one question until a fifth of the capacity is free. */
  private forgetSingles(): void {
    const target = Math.floor(this.settings.capacity * 0.8);
    for (const [id, cluster] of this.clusters) {
      if (this.clusters.size <= target) break;
      if (cluster.count === 1) this.clusters.delete(id);
    }
  }
}

/** Words that say how something is asked, not what: 怎么安装 and 如何安装 ask the same, 怎么安装 and 怎么卸载 do not. */
const QUESTION_WORDS = new Set([
  '怎么', '怎么样', '怎么办', '为什么', '什么', '哪里', '哪个', '什么时候', '是否', '有没有', '能', '吗', '呢', '请问', '谁',
  'how', 'why', 'what', 'when', 'where', 'which', 'who', 'can', 'could', 'should', 'would', 'will', 'is', 'are', 'to',
]);

function contentTerms(terms: Iterable<string>): Set<string> {
  const content = new Set<string>();
  for (const term of terms) if (!QUESTION_WORDS.has(term)) content.add(term);
  return content;
}

const LATIN = /^[a-z0-9._+#'-]+$/;

/** Latin words whole, other words as their characters and character pairs (so 安装/安装包 overlap, osschat/oss do not). */
function gramsOf(terms: Set<string>): Set<string> {
  const grams = new Set<string>();
  for (const term of terms) {
    if (LATIN.test(term)) {
      grams.add(term);
      continue;
    }
    const chars = [...term];
    for (let i = 0; i < chars.length; i++) {
      grams.add(chars[i]!);
      if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!);
    }
  }
  return grams;
}

/** Dice coefficient of two sets. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return (2 * shared) / (a.size + b.size);
}
