import { describe, expect, it } from 'vitest';
import { createFaqIndex } from '../../src/core/faq/index.js';
import { PAIR_FEATURES } from '../../src/core/faq/pair-features.js';
import { questionShape } from '../../src/core/faq/question-shape.js';
import { logistic, rerankScores } from '../../src/core/faq/rerank.js';
import { DEFAULT_RERANK_MODEL } from '../../src/core/faq/rerank-model.js';
import { bigramJaccard, charCoverage, longestCommonRun, longestCommonSubsequence } from '../../src/core/faq/text-overlap.js';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.js';
import { OSS_KB } from './oss-kb.js';

const chars = (text: string): string[] => [...text];

describe('text overlap', () => {
  it('measures shared runs, subsequences, coverage and bigram Jaccard', () => {
    expect(longestCommonRun(chars('怎么安装插件'), chars('插件怎么安装'))).toBe(4);
    expect(longestCommonSubsequence(chars('abcde'), chars('axcye'))).toBe(3);
    expect(charCoverage(chars('aab'), chars('ab'))).toBeCloseTo(2 / 3);
    expect(bigramJaccard(chars('abc'), chars('abd'))).toBeCloseTo(1 / 3);
    expect(bigramJaccard(chars('a'), chars('a'))).toBe(1);
  });
});

describe('questionShape', () => {
  it('tells the kind of question and the numbers asked about', () => {
    const how = questionShape(['怎么', '安装']);
    const why = questionShape(['为什么', '安装']);
    expect(how.asks).not.toBe(0);
    expect(how.asks & why.asks).toBe(0);
    expect(questionShape(['第', '3', '章']).numbers).toBe('3');
    expect(how.chars).toEqual(['怎', '么', '安', '装']);
  });
});

describe('reranker', () => {
  it('ships a model fitted on the current features', () => {
    expect(DEFAULT_RERANK_MODEL.features).toEqual(PAIR_FEATURES);
    expect(DEFAULT_RERANK_MODEL.ranker.weights).toHaveLength(PAIR_FEATURES.length);
    expect(DEFAULT_RERANK_MODEL.decider.weights).toHaveLength(PAIR_FEATURES.length + 1);
  });

  it('is a logistic model, and scores the same question 1 whatever the weights', () => {
    expect(logistic({ bias: 0, weights: [] }, [])).toBe(0.5);
    expect(logistic({ bias: 1, weights: [2] }, [-0.5])).toBe(0.5);
    const features = PAIR_FEATURES.map(() => 0);
    expect(rerankScores(DEFAULT_RERANK_MODEL, { blend: 1, features })).toEqual({ rank: 1, confidence: 1 });
  });

  it('refuses a model fitted on other features', () => {
    const model = { ...DEFAULT_RERANK_MODEL, features: ['blend'] };
    expect(() => createFaqIndex({ segmenter: createJiebaSegmenter(), reranker: model })).toThrow(RangeError);
  });

  it('explains the candidates it reranks, and keeps the results best first', () => {
    const index = createFaqIndex({ segmenter: createJiebaSegmenter() });
    for (const entry of OSS_KB) index.add(entry);
    const explained = index.explain('OSSChat 怎么安装');
    expect(explained[0]).toMatchObject({ id: 'install' });
    expect(explained[0]?.features).toHaveLength(PAIR_FEATURES.length);
    const results = index.search('OSSChat 怎么安装', 5);
    expect(results[0]).toMatchObject({ id: 'install' });
    expect(results[0]!.score).toBeGreaterThan(0.75);
    for (let i = 1; i < results.length; i++) expect(results[i]!.score).toBeLessThanOrEqual(results[i - 1]!.score);
  });
});
