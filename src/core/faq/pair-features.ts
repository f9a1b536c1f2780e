import type { IndexedQuestion, IndexState } from './index-state.js';
import type { PreparedQuery } from './query.js';
import type { QuestionShape } from './question-shape.js';
import { bigramJaccard, charCoverage, longestCommonRun, longestCommonSubsequence } from './text-overlap.js';

/** The names of the features the reranker weighs, in the order of the vectors. */
export const PAIR_FEATURES = [
  'blend', 'coverage', 'words', 'chars',
  'queryUnmatched', 'questionUnmatched', 'queryRarestUnmatched', 'questionRarestUnmatched',
  'queryCharsCovered', 'questionCharsCovered', 'bigramJaccard', 'commonRun', 'commonSubsequence',
  'lengthRatio', 'negationDiffers', 'numbersDiffer', 'kindsDiffer', 'kindsDisjoint',
] as const;

/** The engine's similarities of one question to the query (see `blendScore`). */
export interface BaseSimilarity {
  blend: number;
  coverage: number;
  words: number;
  chars: number;
}

/** Word-level mismatch: IDF shares of each side's words the other lacks, and the rarest of them. */
function unmatchedWords(state: IndexState, doc: IndexedQuestion, query: PreparedQuery): number[] {
  const maxIdf = state.termIdf.get(-1) || 1;
  let shared = 0, queryRarest = 0, questionRarest = 0;
  for (const term of query.terms) {
    if (term.id >= 0 && doc.terms.includes(term.id)) shared += term.idf;
    else queryRarest = Math.max(queryRarest, term.idf);
  }
  for (const term of doc.terms) {
    if (!query.terms.some((key) => key.id === term)) questionRarest = Math.max(questionRarest, state.termIdf.get(term));
  }
  const share = (total: number): number => (total > 0 ? Math.max(0, total - shared) / total : 0);
  return [share(query.termWeight), share(doc.termWeight), queryRarest / maxIdf, questionRarest / maxIdf];
}

/** Character-level agreement of the two canonical texts. */
function charAgreement(query: QuestionShape, doc: QuestionShape): number[] {
  const [a, b] = [query.chars, doc.chars];
  const shorter = Math.min(a.length, b.length) || 1;
  const longer = Math.max(a.length, b.length) || 1;
  return [
    charCoverage(a, b), charCoverage(b, a), bigramJaccard(a, b),
    longestCommonRun(a, b) / shorter, longestCommonSubsequence(a, b) / longer, shorter / longer,
  ];
}

/** Flags for the differences that flip intent: negation, numbers, the kind of question. */
function intentFlags(query: PreparedQuery, queryShape: QuestionShape, doc: IndexedQuestion): number[] {
  const [a, b] = [queryShape.asks, doc.shape.asks];
  return [
    Number(query.negated !== doc.negated),
    Number(queryShape.numbers !== doc.shape.numbers),
    Number(a !== b),
    Number(a !== 0 && b !== 0 && (a & b) === 0),
  ];
}

/**
 * The reranker's view of one (query, question) pair. Nothing relative to the other candidates:
 * how far the best leads depends on the size of the knowledge base more than on the question.
 */
export function pairFeatures(state: IndexState, query: PreparedQuery, queryShape: QuestionShape, doc: IndexedQuestion, base: BaseSimilarity): number[] {
  return [
    base.blend, base.coverage, base.words, base.chars,
    ...unmatchedWords(state, doc, query),
    ...charAgreement(queryShape, doc.shape),
    ...intentFlags(query, queryShape, doc),
  ];
}
