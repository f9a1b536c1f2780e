import type { Forge } from '../forge/forge.js';
import type { FaqService } from './faq/faq-service.js';
import type { Locale, Room } from './types.js';

/** Who may open issues from chat. */
export type IssueAllow = 'everyone' | 'members' | 'admins';
export type IssueCategory = 'bug' | 'feature' | 'docs' | 'question';

export interface IssueSettings {
  allow: IssueAllow;
  /** Platform ids allowed when `allow` is `members` (admins always are). */
  members: readonly string[];
  /** Messages taken by 以上开工单 without N: those since the last command, at most this many. */
  defaultCount: number;
  maxCount: number;
  /** Labels on every issue opened from chat. */
  labels: readonly string[];
  categories: Readonly<Record<IssueCategory, readonly string[]>>;
  timeZone: string;
  /** Look for possible duplicates before filing. */
  searchDuplicates: boolean;
  /** How many issues and comments a member (in all rooms) and a room may write within a sliding window; count 0: no limit. */
  quota: Readonly<Record<'perMember' | 'perRoom', QuotaWindow>>;
  /** Personal data hidden in issues (secrets always are). */
  redact: { phones: boolean; emails: boolean };
}

export interface QuotaWindow {
  count: number;
  minutes: number;
}

/** What configuration says about a room (the database may override the repo: bound in chat). */
export interface RoomSettings {
  repo?: string;
  locale?: Locale;
  /** A `rooms:` entry of the configuration matches the room: the self-hosted configuration owns it. */
  configured?: boolean;
}

/** Everything features need beyond the message log: the forge, settings, identity. */
export interface Services {
  forge?: Forge;
  /** The knowledge base, when the deployment has one. */
  faq?: FaqService;
  issues: IssueSettings;
  roomSettings(room: Room): RoomSettings;
  /** Names the bot answers to in `@bot issue …`. */
  botNames: readonly string[];
  /** `/comment` may reach the repositories a room subscribes to, not only its bound one (`notify.commentOnSubscribed`). */
  commentOnSubscribed?: boolean;
  version: string;
  /** The public archive: its address, and whether configuration makes a room public. */
  archive?: { baseUrl?: string; configured(room: Room): boolean };
}
