import type { ForgeFeature } from './forge-event.js';
import type { FilterChange, SubscriptionProblem, SubscriptionVerb } from './parse-subscription.js';
import { actionOf, FEATURE_ACTIONS, featuresOf, nearest, nearestAction, nearestFeatureWord } from './parse-subscription-words.js';
import { ALL_FEATURES } from './subscription.js';

type FilterKey = keyof FilterChange;
type Problem = SubscriptionProblem | undefined;

/** The features and filters after the repository. */
export interface Words {
  features?: ForgeFeature[];
  filters: FilterChange;
}

const KEYS = new Map<string, FilterKey>(Object.entries({
  '+label': 'labels', label: 'labels', '+labels': 'labels', labels: 'labels',
  '-label': 'excludeLabels', '-labels': 'excludeLabels', '-author': 'excludeActors', '-authors': 'excludeActors',
  bots: 'bots', bot: 'bots', actions: 'actions', action: 'actions', digest: 'digest',
}));

const EXPECTED: Record<FilterKey, string> = {
  labels: '+label:bug', excludeLabels: '-label:wontfix', excludeActors: '-author:dependabot[bot]',
  bots: 'bots:off / bots:on', actions: 'actions:opened,closed', digest: 'digest:daily / digest:weekly / digest:off',
};
const INSTEAD: Partial<Record<FilterKey, string>> = { bots: 'bots:on', digest: 'digest:off', actions: 'actions:all' };
const SWITCHES: Record<string, boolean> = { on: true, true: true, yes: true, 开: true, off: false, false: false, no: false, 关: false };
const DIGESTS: Record<string, FilterChange['digest']> = { daily: 'daily', 每日: 'daily', 每天: 'daily', weekly: 'weekly', 每周: 'weekly', off: 'off', 关: 'off' };

const TOKEN = /(?:"[^"]*"?|“[^”]*”?|[^\s、，；;"“])+/gu;
const VALUE = /"([^"]*)"?|“([^”]*)”?|([^,，、"“]+)/gu;

/** Splits the words after the verb; quotes keep a label with spaces in one word (`+label:"good first issue"`). */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function valuesOf(value: string): string[] {
  return [...value.matchAll(VALUE)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim()).filter(Boolean);
}

interface Given {
  /** The word as written, key normalised (`+label:bug`). */
  token: string;
  value: string;
  values: string[];
}
type Reader = (given: Given, filters: FilterChange) => Problem;

const isProblem = (value: unknown): value is SubscriptionProblem => typeof value === 'object' && value !== null && 'problem' in value;
const lookup = <T>(table: Record<string, T>, word: string): T | undefined => (Object.hasOwn(table, word) ? table[word] : undefined);

function readSwitch<T>(table: Record<string, T>, given: Given, key: FilterKey): T | SubscriptionProblem {
  const found = lookup(table, given.value.toLowerCase());
  if (found !== undefined) return found;
  const near = nearest(given.value.toLowerCase(), Object.keys(table).filter((word) => /^[a-z]+$/.test(word)));
  return { problem: 'bad-value', value: given.token, expected: EXPECTED[key], ...(near ? { suggestion: `${given.token.split(':')[0]}:${near}` } : {}) };
}

function readActions({ token, values }: Given): string[] | 'all' | SubscriptionProblem {
  if (values.length === 1 && /^(?:all|\*|全部|所有)$/i.test(values[0]!)) return 'all';
  const actions: string[] = [];
  for (const value of values) {
    const action = actionOf(value);
    const near = action ? undefined : nearestAction(value);
    if (!action) return { problem: 'bad-value', value: token, expected: EXPECTED.actions, ...(near ? { suggestion: token.replace(value, near) } : {}) };
    if (!actions.includes(action)) actions.push(action);
  }
  return actions;
}

const listReader = (key: 'labels' | 'excludeLabels' | 'excludeActors'): Reader => ({ values }, filters) => {
  filters[key] = [...(filters[key] ?? []), ...values];
  return undefined;
};

const settle = <T>(read: T | SubscriptionProblem, apply: (value: T) => void): Problem => (isProblem(read) ? read : void apply(read));

const READERS: Record<FilterKey, Reader> = {
  labels: listReader('labels'),
  excludeLabels: listReader('excludeLabels'),
  excludeActors: listReader('excludeActors'),
  bots: (given, filters) => settle(readSwitch(SWITCHES, given, 'bots'), (bots) => (filters.bots = bots)),
  digest: (given, filters) => settle(readSwitch(DIGESTS, given, 'digest'), (digest) => (filters.digest = digest)),
  actions: (given, filters) => settle(readActions(given), (actions) => (filters.actions = actions)),
};

function readFilter(token: string, filters: FilterChange, seen: Map<FilterKey, string>): Problem {
  const normal = token.replace(/^＋/, '+').replace(/^[－—–]/, '-').replace('：', ':');
  const colon = normal.indexOf(':');
  const name = (colon < 0 ? normal : normal.slice(0, colon)).toLowerCase();
  const value = colon < 0 ? '' : normal.slice(colon + 1);
  const key = KEYS.get(name);
  if (!key) return unknownFilter(token, name, colon < 0 ? undefined : value);
  const values = valuesOf(value);
  if (values.length === 0) return { problem: 'bad-value', value: token, expected: EXPECTED[key] };
  seen.set(key, normal);
  return READERS[key]({ token: normal, value, values }, filters);
}

function unknownFilter(token: string, name: string, value: string | undefined): SubscriptionProblem {
  // `+bug` is a label without its key.
  if (value === undefined && /^[+-]./.test(name)) return { problem: 'unknown-filter', value: token, suggestion: `${name[0]}label:${name.slice(1)}` };
  const near = nearest(name, [...KEYS.keys()]);
  return { problem: 'unknown-filter', value: token, ...(near ? { suggestion: `${near}:${value ?? ''}` } : {}) };
}

function readFeature(token: string, features: Set<ForgeFeature>): Problem {
  for (const word of token.split(',').filter(Boolean)) {
    const named = featuresOf(word);
    if (!named) {
      const near = nearestFeatureWord(word);
      return { problem: 'unknown-feature', value: word, ...(near ? { suggestion: near } : {}) };
    }
    named.forEach((feature) => features.add(feature));
  }
  return undefined;
}

function check(words: Words, verb: SubscriptionVerb, seen: Map<FilterKey, string>): Problem {
  if (verb === 'unsubscribe') {
    const key = (['bots', 'digest', 'actions'] as const).find((k) => seen.has(k));
    return key ? { problem: 'not-removable', value: seen.get(key)!, instead: INSTEAD[key]! } : undefined;
  }
  const { actions } = words.filters;
  const named = words.features;
  if (!Array.isArray(actions) || !named) return undefined;
  const unfit = actions.find((action) => !named.some((feature) => FEATURE_ACTIONS[feature].includes(action)));
  return unfit ? { problem: 'bad-value', value: seen.get('actions')!, expected: named.map((f) => `${f}: ${FEATURE_ACTIONS[f].join(',')}`).join('; ') } : undefined;
}

/** Reads features (`工单`, `pulls`, `all`…) and filters (`+label:bug`, `bots:off`…), or says what is wrong. */
export function readWords(tokens: readonly string[], verb: SubscriptionVerb): Words | SubscriptionProblem {
  const features = new Set<ForgeFeature>();
  const filters: FilterChange = {};
  const seen = new Map<FilterKey, string>();
  for (const token of tokens) {
    const problem = /^[+\-＋－—–]|[:：]/u.test(token) ? readFilter(token, filters, seen) : readFeature(token, features);
    if (problem) return problem;
  }
  const words: Words = { filters, ...(features.size ? { features: ALL_FEATURES.filter((f) => features.has(f)) } : {}) };
  return check(words, verb, seen) ?? words;
}
