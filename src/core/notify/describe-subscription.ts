import type { Locale } from '../types.js';
import type { ForgeFeature } from './forge-event.js';
import { say } from './subscribe-strings.js';
import type { Subscription } from './subscription.js';

/** The features in the room's language, joined as a list: `工单、PR、发布` / `issues, pulls, releases`. */
export function describeFeatures(features: readonly ForgeFeature[], locale: Locale): string {
  return features.map((feature) => say(locale, `feature.${feature}`)).join(say(locale, 'describe.and'));
}

function featureList(sub: Pick<Subscription, 'features' | 'filters'>, locale: Locale): string {
  const and = say(locale, 'describe.and');
  return sub.features
    .map((feature) => {
      const name = say(locale, `feature.${feature}`);
      const actions = sub.filters.actions?.[feature];
      return actions?.length ? say(locale, 'describe.actions', { feature: name, actions: actions.join(and) }) : name;
    })
    .join(and);
}

function filterParts(sub: Pick<Subscription, 'filters'>, locale: Locale): string[] {
  const { labels, excludeLabels, excludeActors, bots, digest } = sub.filters;
  const or = say(locale, 'describe.or');
  const parts: string[] = [];
  if (labels?.length) parts.push(say(locale, 'describe.onlyLabels', { labels: labels.join(or) }));
  if (excludeLabels?.length) parts.push(say(locale, 'describe.notLabels', { labels: excludeLabels.join(or) }));
  if (excludeActors?.length) parts.push(say(locale, 'describe.notBy', { actors: excludeActors.join(or) }));
  if (bots === false) parts.push(say(locale, 'describe.noBots'));
  if (digest) parts.push(say(locale, digest === 'daily' ? 'describe.daily' : 'describe.weekly'));
  return parts;
}

/**
 * What a subscription lets through, on one line in the room's language:
 * `octo/hello：工单、PR、发布；只含标签 bug；不含 dependabot[bot]；不含机器人` /
 * `octo/hello: issues, pulls, releases; only label bug; not by dependabot[bot]; no bots`.
 * Actions show after their feature: `工单（opened、closed）` / `issues (opened, closed)`.
 */
export function describeSubscription(sub: Pick<Subscription, 'repo' | 'features' | 'filters'>, locale: Locale): string {
  const head = say(locale, 'describe.head', { repo: sub.repo, features: featureList(sub, locale) });
  return [head, ...filterParts(sub, locale)].join(say(locale, 'describe.parts'));
}
