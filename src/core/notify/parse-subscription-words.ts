import type { ForgeFeature } from './forge-event.js';
import { ALL_FEATURES } from './subscription.js';

// A Map, not an object literal: a word such as `constructor` must not find a prototype member.
const FEATURE_WORDS = new Map<string, ForgeFeature | 'all'>(Object.entries({
  issues: 'issues', issue: 'issues', 工单: 'issues', 议题: 'issues',
  pulls: 'pulls', pull: 'pulls', pr: 'pulls', prs: 'pulls', pull_requests: 'pulls', 'pull-requests': 'pulls', pullrequests: 'pulls', 合并请求: 'pulls', 拉取请求: 'pulls',
  releases: 'releases', release: 'releases', 发布: 'releases', 发版: 'releases', 版本: 'releases',
  comments: 'comments', comment: 'comments', 评论: 'comments',
  discussions: 'discussions', discussion: 'discussions', 讨论: 'discussions',
  all: 'all', 全部: 'all', 所有: 'all',
}));

/** The actions a feature's events can carry (GitHub's names; `merged` is a PR closed by merging). */
export const FEATURE_ACTIONS: Readonly<Record<ForgeFeature, readonly string[]>> = {
  issues: ['opened', 'closed', 'reopened', 'labeled', 'unlabeled', 'assigned', 'unassigned', 'edited', 'deleted', 'transferred', 'pinned', 'unpinned', 'locked', 'unlocked', 'milestoned', 'demilestoned'],
  pulls: ['opened', 'closed', 'merged', 'reopened', 'labeled', 'unlabeled', 'assigned', 'unassigned', 'edited', 'ready_for_review', 'converted_to_draft', 'review_requested', 'review_request_removed', 'submitted', 'synchronize', 'locked', 'unlocked'],
  releases: ['published', 'created', 'released', 'prereleased', 'edited', 'deleted', 'unpublished'],
  comments: ['created', 'edited', 'deleted'],
  discussions: ['created', 'answered', 'unanswered', 'closed', 'reopened', 'labeled', 'unlabeled', 'edited', 'deleted', 'category_changed', 'pinned', 'unpinned', 'locked', 'unlocked', 'transferred'],
};

const KNOWN_ACTIONS = [...new Set(Object.values(FEATURE_ACTIONS).flat())];

const ACTION_WORDS = new Map<string, string>(Object.entries({
  新建: 'opened', 打开: 'opened', 开启: 'opened', 关闭: 'closed', 重开: 'reopened', 重新打开: 'reopened',
  合并: 'merged', 已合并: 'merged', 发布: 'published', 回答: 'answered', 已回答: 'answered',
}));

/** The features a word names (`工单` → issues, `all` → every feature), or undefined. */
export function featuresOf(word: string): readonly ForgeFeature[] | undefined {
  const feature = FEATURE_WORDS.get(word.toLowerCase());
  if (feature === undefined) return undefined;
  return feature === 'all' ? ALL_FEATURES : [feature];
}

/** GitHub's name for an action word (`opened`, or a Chinese word such as 关闭), or undefined. */
export function actionOf(word: string): string | undefined {
  const lower = word.toLowerCase();
  return KNOWN_ACTIONS.includes(lower) ? lower : ACTION_WORDS.get(word);
}

/** The feature word closest to a misspelt one, for a did-you-mean. */
export const nearestFeatureWord = (word: string): string | undefined => nearest(word.toLowerCase(), [...FEATURE_WORDS.keys()]);

/** The action closest to a misspelt one, for a did-you-mean. */
export const nearestAction = (word: string): string | undefined => nearest(word.toLowerCase(), KNOWN_ACTIONS);

/** The candidate within a small edit distance of `word` (none for words under three characters). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const limit = word.length < 3 ? 0 : Math.min(2, Math.max(1, Math.floor(word.length / 3)));
  let best: { candidate: string; distance: number } | undefined;
  // The distance is at least the difference in length: a long word costs nothing.
  for (const candidate of candidates.filter((c) => Math.abs(c.length - word.length) <= limit)) {
    const distance = editDistance(word, candidate);
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

// Optimal string alignment: a swapped pair of letters (lable → label) counts as one edit.
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
