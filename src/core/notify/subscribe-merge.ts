import type { ForgeFeature } from './forge-event.js';
import type { FilterChange } from './parse-subscription.js';
import { FEATURE_ACTIONS } from './parse-subscription-words.js';
import { ALL_FEATURES, DEFAULT_FEATURES, type Subscription, type SubscriptionFilters } from './subscription.js';

/** What a subscription lets through, without its ids. */
export type SubscriptionState = Pick<Subscription, 'features' | 'filters'>;

/** A subscribe or unsubscribe command's features (absent when it names none) and filters. */
export interface SubscriptionChange {
  features?: ForgeFeature[];
  filters: FilterChange;
}

type ListKey = 'labels' | 'excludeLabels' | 'excludeActors';

const has = (list: readonly string[] | undefined, value: string) => list?.some((item) => item.toLowerCase() === value.toLowerCase()) ?? false;
const without = (list: readonly string[] | undefined, values: readonly string[]) => list?.filter((item) => !has(values, item));
const union = (list: readonly string[] | undefined, values: readonly string[]) =>
  values.reduce<string[]>((all, value) => (has(all, value) ? all : [...all, value]), [...(list ?? [])]);
const ordered = (features: Iterable<ForgeFeature>) => ALL_FEATURES.filter((feature) => [...features].includes(feature));

// Drops empty lists, empty action tables and the actions of features no longer subscribed.
function compact(filters: SubscriptionFilters, features: readonly ForgeFeature[]): SubscriptionFilters {
  const actions = Object.fromEntries(Object.entries(filters.actions ?? {}).filter(([feature, list]) => features.includes(feature as ForgeFeature) && list?.length));
  const out: SubscriptionFilters = { ...filters, actions };
  for (const key of ['labels', 'excludeLabels', 'excludeActors', 'actions'] as const) {
    const value = out[key];
    if (!value || (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0)) delete out[key];
  }
  return out;
}

function addLists(filters: SubscriptionFilters, change: FilterChange): SubscriptionFilters {
  const out = { ...filters };
  // A label wanted is no longer excluded, and the other way round: the latest word wins.
  if (change.labels) Object.assign(out, { labels: union(out.labels, change.labels), excludeLabels: without(out.excludeLabels, change.labels) });
  if (change.excludeLabels) Object.assign(out, { excludeLabels: union(out.excludeLabels, change.excludeLabels), labels: without(out.labels, change.excludeLabels) });
  if (change.excludeActors) out.excludeActors = union(out.excludeActors, change.excludeActors);
  return out;
}

function setSwitches(filters: SubscriptionFilters, change: FilterChange): SubscriptionFilters {
  const out = { ...filters };
  // Absent means no restriction, so bots:on and digest:off remove the key.
  if (change.bots !== undefined) change.bots ? delete out.bots : (out.bots = false);
  if (change.digest !== undefined) change.digest === 'off' ? delete out.digest : (out.digest = change.digest);
  return out;
}

// Each target feature keeps the actions it knows; one that knows none of them is left as it was.
function setActions(filters: SubscriptionFilters, actions: FilterChange['actions'], targets: readonly ForgeFeature[]): SubscriptionFilters {
  if (actions === undefined) return filters;
  const table = { ...filters.actions };
  for (const feature of targets) {
    const fit = actions === 'all' ? [] : actions.filter((action) => FEATURE_ACTIONS[feature].includes(action));
    if (actions === 'all' || fit.length) table[feature] = fit;
  }
  return { ...filters, actions: table };
}

/**
 * The subscription after a subscribe command: features named replace the old ones (the defaults
 * for a new subscription that names none); labels and authors are added; `bots:`, `digest:` and
 * `actions:` replace. `actions:` applies to the features named in the same command, or to every
 * subscribed feature when it names none.
 */
export function applySubscribe(current: SubscriptionState | undefined, change: SubscriptionChange): SubscriptionState {
  const features = ordered(change.features ?? current?.features ?? DEFAULT_FEATURES);
  const listed = addLists(current?.filters ?? {}, change.filters);
  const filters = setActions(setSwitches(listed, change.filters), change.filters.actions, change.features ?? features);
  return { features, filters: compact(filters, features) };
}

/**
 * The subscription after an unsubscribe command, or `undefined` when nothing is left: the whole
 * subscription goes when the command names neither features nor filters. Labels and authors named
 * are taken out of the filters.
 */
export function applyUnsubscribe(current: SubscriptionState, change: SubscriptionChange): SubscriptionState | undefined {
  const removing = change.features ?? [];
  const lists: ListKey[] = ['labels', 'excludeLabels', 'excludeActors'];
  if (removing.length === 0 && lists.every((key) => !change.filters[key]?.length)) return undefined;
  const features = current.features.filter((feature) => !removing.includes(feature));
  if (features.length === 0) return undefined;
  const filters = { ...current.filters };
  for (const key of lists) if (change.filters[key]) filters[key] = without(filters[key], change.filters[key]);
  return { features, filters: compact(filters, features) };
}
