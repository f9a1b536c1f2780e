export { disentangle } from './disentangle.js';
export { FEATURE_NAMES, type ThreadWeights } from './features.js';
export { scoreLinks, type LinkScore } from './score-links.js';
export { Threader, type ThreaderOptions } from './threader.js';
export type { ThreadLink, ThreadMessage } from './types.js';
