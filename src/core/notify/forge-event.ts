/** What a subscription is about: GitHub's Slack app calls these features. */
export type ForgeFeature = 'issues' | 'pulls' | 'releases' | 'comments' | 'discussions';

/**
 * A forge event as the core sees it, whatever forge sent it: enough to route it to the rooms
 * subscribed to the repository, filter it, and render it.
 */
export interface ForgeEvent {
  /** The forge's delivery id (GitHub: X-GitHub-Delivery): a redelivery carries the same one. */
  deliveryId: string;
  /** The forge's event name, e.g. `issues`, `pull_request`, `release`. */
  name: string;
  /** What happened: `opened`, `closed`, `reopened`, `labeled`, `assigned`, `created`, `merged` (a PR closed by merging), `ready_for_review`, `review_requested`, `submitted`, `published`, `answered`. */
  action: string;
  feature: ForgeFeature;
  /** owner/name */
  repo: string;
  actor: { login: string; isBot: boolean };
  /** Issue, PR or discussion number, when the event is about one. */
  number?: number;
  /** Title of the issue, PR, discussion, or release name. */
  title?: string;
  /** Web address a person opens (the comment's, the review's or the release's when that is the subject). */
  url: string;
  /** Markdown of the body, comment or review, as the forge sent it (renderers strip it). */
  body?: string;
  /** Labels currently on the issue or PR. */
  labels: string[];
  /** Who opened the issue, PR or discussion. */
  author?: string;
  /** The detail of the action: the label added, the assignee, the requested reviewer, the review state, the release tag. */
  detail?: { label?: string; assignee?: string; reviewer?: string; reviewState?: string; tag?: string };
  /** A comment on a PR (GitHub sends PR comments as issue_comment). */
  onPullRequest?: boolean;
  /** What happened, named alike by a webhook and by polling: with polling on, one event notifies once whichever way it came. */
  key?: string;
}
