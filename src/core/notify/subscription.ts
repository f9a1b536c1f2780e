import type { ForgeEvent, ForgeFeature } from './forge-event.js';

export const ALL_FEATURES: readonly ForgeFeature[] = ['issues', 'pulls', 'releases', 'comments', 'discussions'];
export const DEFAULT_FEATURES: readonly ForgeFeature[] = ['issues', 'pulls', 'releases'];

/** What a subscription lets through beyond its features. Absent means no restriction. */
export interface SubscriptionFilters {
  /** Only events on issues/PRs carrying any of these labels. */
  labels?: string[];
  /** Never events on issues/PRs carrying any of these labels. */
  excludeLabels?: string[];
  /** Never events by these actors (e.g. `dependabot[bot]`). */
  excludeActors?: string[];
  /** `false` drops every event whose actor is a bot. */
  bots?: boolean;
  /** Only these actions, per feature (e.g. issues: opened, closed). */
  actions?: Partial<Record<ForgeFeature, string[]>>;
  /** A summary once a day or week instead of live messages. */
  digest?: 'daily' | 'weekly';
}

export interface Subscription {
  id: number;
  roomId: number;
  repo: string;
  features: ForgeFeature[];
  filters: SubscriptionFilters;
}

const lower = (values: readonly string[] | undefined) => values?.map((value) => value.toLowerCase());

/** True when the subscription wants this event. */
export function letsThrough(subscription: Pick<Subscription, 'repo' | 'features' | 'filters'>, event: ForgeEvent): boolean {
  const { filters } = subscription;
  if (subscription.repo.toLowerCase() !== event.repo.toLowerCase() || !subscription.features.includes(event.feature)) return false;
  if (filters.bots === false && event.actor.isBot) return false;
  if (lower(filters.excludeActors)?.includes(event.actor.login.toLowerCase())) return false;
  const labels = event.labels.map((label) => label.toLowerCase());
  if (lower(filters.excludeLabels)?.some((label) => labels.includes(label))) return false;
  const wanted = lower(filters.labels);
  if (wanted?.length && !wanted.some((label) => labels.includes(label))) return false;
  const actions = filters.actions?.[event.feature];
  return !actions?.length || actions.includes(event.action);
}
