/** How `github.poll` is written: `false`, `true`, a duration such as `60s`, `2m`, `500ms`, or a number of seconds. */
export type PollSetting = boolean | string | number | undefined;

export const DEFAULT_POLL_MS = 60_000;

/** A duration such as `60s`: a number and one of ms, s, m, h. */
const POLL_DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds of a duration such as `60s`, or undefined when it is not one. */
function durationMs(text: string): number | undefined {
  const match = POLL_DURATION.exec(text.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2]!]! : NaN;
  return ms > 0 ? ms : undefined;
}

/**
 * How often to poll the forge, or undefined for never. Unset means: poll (every minute) when no
 * webhook secret is set, since then no webhook can be trusted; a set secret means webhooks arrive.
 */
export function pollIntervalMs(poll: PollSetting, webhookSecret: string | undefined): number | undefined {
  if (poll === false) return undefined;
  if (poll === undefined) return webhookSecret ? undefined : DEFAULT_POLL_MS;
  if (poll === true) return DEFAULT_POLL_MS;
  return typeof poll === 'number' ? (poll > 0 && Number.isFinite(poll) ? poll * 1000 : undefined) : durationMs(poll);
}
