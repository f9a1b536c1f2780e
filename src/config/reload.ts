import { isDeepStrictEqual } from 'node:util';
import type { Config } from './schema.js';

/** Top-level keys a running bot takes from a changed configuration; a change anywhere else waits for a restart. */
export const LIVE_KEYS = ['locale', 'rooms', 'faq', 'dashboard'] as const satisfies readonly (keyof Config)[];

export interface ConfigChange {
  /** Settings changed and now in use (`rooms`, `faq.threshold`…). */
  applied: string[];
  /** Settings changed that take effect at the next start; the running process keeps their old values. */
  needRestart: string[];
}

const isLive = (key: string) => (LIVE_KEYS as readonly string[]).includes(key);
const isSection = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The settings that differ, named to the second level (`web.port`, `rooms`). */
export function changedSettings(before: Config, after: Config): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].flatMap((key) => {
    const [old, next] = [(before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key]];
    if (isDeepStrictEqual(old, next)) return [];
    if (!isSection(old) || !isSection(next)) return [key];
    const inner = new Set([...Object.keys(old), ...Object.keys(next)]);
    return [...inner].filter((name) => !isDeepStrictEqual(old[name], next[name])).map((name) => `${key}.${name}`);
  });
}

/** The running configuration with the live settings of `next` swapped in, and what changed. */
export function applyLiveSettings(current: Config, next: Config): { config: Config; change: ConfigChange } {
  const changed = changedSettings(current, next);
  const topOf = (setting: string) => setting.split('.')[0]!;
  const live = Object.fromEntries(LIVE_KEYS.map((key) => [key, next[key]]));
  return {
    config: Object.freeze({ ...current, ...live }) as Config,
    change: { applied: changed.filter((setting) => isLive(topOf(setting))), needRestart: changed.filter((setting) => !isLive(topOf(setting))) },
  };
}

type Listener = (config: Config, change: ConfigChange) => void | Promise<void>;

/** The configuration of a running process: read by the parts that follow changes, replaced by `apply`. */
export class LiveConfig {
  private readonly listeners: Listener[] = [];

  constructor(private config: Config) {}

  get current(): Config {
    return this.config;
  }

  /** Called after each change that applied something, with the new configuration. */
  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** `derive` of the configuration in use, computed again only after a change. */
  derived<T>(derive: (config: Config) => T): () => T {
    let from = this.config;
    let value = derive(from);
    return () => {
      if (from !== this.config) [from, value] = [this.config, derive(this.config)];
      return value;
    };
  }

  /** Takes the live settings of `next`; the others keep their running values until a restart. */
  async apply(next: Config): Promise<ConfigChange> {
    const { config, change } = applyLiveSettings(this.config, next);
    if (change.applied.length === 0) return change;
    this.config = config;
    for (const listener of this.listeners) await listener(config, change);
    return change;
  }
}
