import { PAIR_FEATURES } from './pair-features.js';
import type { FaqRerankModel } from './types.js';

/**
 * Written by scripts/faq-eval-fit.ts (logistic regressions, L2 1 on standardised features)
 * from the tuning half of lcqmc-dev (seed 20240601): the engine's best 10 candidates of each
 * query, labelled by whether each is the expected entry. Only general features; no corpus text.
 */
export const DEFAULT_RERANK_MODEL: FaqRerankModel = {
  features: PAIR_FEATURES,
  ranker: {
    bias: -19.9692,
    weights: [
      11.2279, // blend
      -3.42678, // coverage
      9.57277, // words
      3.23136, // chars
      3.85516, // queryUnmatched
      4.98205, // questionUnmatched
      1.13059, // queryRarestUnmatched
      0.978518, // questionRarestUnmatched
      1.45183, // queryCharsCovered
      2.80699, // questionCharsCovered
      -1.14583, // bigramJaccard
      -2.99793, // commonRun
      0.81233, // commonSubsequence
      -1.06428, // lengthRatio
      1.019, // negationDiffers
      0.354129, // numbersDiffer
      -0.00328815, // kindsDiffer
      -0.306517, // kindsDisjoint
    ],
  },
  decider: {
    bias: -11.9818,
    weights: [
      5.76877, // blend
      -2.27605, // coverage
      6.51737, // words
      2.51382, // chars
      1.91617, // queryUnmatched
      2.82055, // questionUnmatched
      0.840078, // queryRarestUnmatched
      0.813973, // questionRarestUnmatched
      0.71524, // queryCharsCovered
      1.6126, // questionCharsCovered
      -1.16993, // bigramJaccard
      -1.88984, // commonRun
      0.718583, // commonSubsequence
      -1.56713, // lengthRatio
      0.3109, // negationDiffers
      -0.0888164, // numbersDiffer
      0.0468633, // kindsDiffer
      -0.193125, // kindsDisjoint
      2.54952, // ranker
    ],
  },
};
