import { z } from 'zod';
import { DEFAULT_FAQ_SETTINGS } from '../core/faq/decide.js';
import { parseSubscriptionSpec } from '../core/notify/subscription-spec.js';
import { pollIntervalMs } from '../core/notify/poll-settings.js';
import { BODY_LIMIT_DEFAULTS } from '../web/middleware/body-limit.js';
import { DEFAULT_MAX_LINE_BYTES } from '../chat/stdio/bounded-lines.js';
import { parseProxySpec } from '../web/routes/auth-proxy-spec.js';
import { DATABASE_URL_FORMS, databaseUrlProblem } from '../store/database-url.js';

const repoName = z
  .string()
  .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, 'expected "owner/name", e.g. "wechaty/wechaty"');

const locale = z.enum(['zh-CN', 'en']);

const roomMatch = z.union([
  z.strictObject({ topic: z.string().min(1).describe('Room topic (group name), matched exactly') }),
  z.strictObject({ id: z.string().min(1).describe('Platform room id') }),
]);

const roomEntry = z.strictObject({
  match: roomMatch.describe('Which room: { topic: "…" } or { id: "…" }'),
  repo: repoName.optional().describe('Repository where issues opened in this room go (owner/name)'),
  locale: locale.optional().describe('Language of the bot in this room; defaults to the top-level locale'),
  subscribe: z
    .array(z.string().refine((spec) => parseSubscriptionSpec(spec).ok, 'expected "owner/repo [issues pulls releases comments discussions] [+label:NAME -label:NAME -author:LOGIN bots:off digest:daily]"'))
    .optional()
    .describe('GitHub events this room receives, written as after /subscribe in chat; a subscription changed in chat wins'),
});

const database = z.strictObject({
  url: z
    .string()
    .min(1)
    .superRefine((url, ctx) => {
      const problem = databaseUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; expected ${DATABASE_URL_FORMS}` });
    })
    .default('./data/osschat.db')
    .describe('SQLite file path or sqlite: URL (default), or postgres://… for PostgreSQL. Env: DATABASE_URL'),
});

const web = z.strictObject({
  host: z.string().min(1).default('127.0.0.1').describe('Address the web server listens on; 0.0.0.0 to expose it'),
  port: z.number().int().min(0).max(65535).default(8080).describe('Web server port. Env: PORT'),
  baseUrl: z.url().optional().describe('Public URL of the web server, e.g. https://osschat.example.org; the dashboard\'s GitHub sign-in returns to BASE/auth/callback. Env: OSSCHAT_BASE_URL'),
  sessionSecret: z.string().min(32).optional().describe('Secret (32+ characters) that signs dashboard session cookies; generated into ./data/session-secret when unset. Env: OSSCHAT_SESSION_SECRET'),
  trustProxy: z
    .array(z.string().refine((spec) => parseProxySpec(spec) !== undefined, 'expected an IP address or CIDR range, e.g. 127.0.0.1 or 10.0.0.0/8'))
    .default([])
    .describe('Reverse proxies (addresses or CIDR ranges) trusted to name the client in X-Forwarded-For; the sign-in limiter keys on that client. Default none: the socket address'),
  maxBodyBytes: z.number().int().min(1024).default(BODY_LIMIT_DEFAULTS.maxBodyBytes).describe('Largest request body (bytes) of any route but the webhook; larger ones get 413 before they are read'),
  maxWebhookBodyBytes: z.number().int().min(1024).default(BODY_LIMIT_DEFAULTS.maxWebhookBodyBytes).describe('Largest GitHub webhook body (bytes); GitHub caps payloads at 25 MB'),
});

const wechaty = z.strictObject({
  name: z.string().min(1).default('osschat').describe('Wechaty instance name; the login session is kept in NAME.memory-card.json'),
  puppet: z
    .string()
    .min(1)
    .default('wechaty-puppet-wechat4u')
    .describe('Wechaty puppet module, as in Wechaty docs (e.g. wechaty-puppet-service). Env: WECHATY_PUPPET'),
  token: z
    .string()
    .min(1)
    .optional()
    .describe('Puppet service token, needed by wechaty-puppet-service. Env: WECHATY_PUPPET_SERVICE_TOKEN'),
});

const stdio = z.strictObject({
  maxLineBytes: z.number().int().min(1024).default(DEFAULT_MAX_LINE_BYTES).describe('Longest stdio JSON line (bytes); a longer one is skipped with an error naming its line number'),
});

const chat = z.strictObject({
  adapter: z.enum(['wechaty', 'stdio']).default('wechaty').describe('Chat platform adapter; --chat overrides it'),
  platform: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'expected lower-case letters, digits and dashes')
    .default('stdio')
    .describe('Platform name stored with rooms and members when the stdio adapter bridges another platform'),
  botNames: z
    .array(z.string().min(1))
    .default(['OSSChat'])
    .describe('Names the bot answers to in "@name issue 5" (the logged-in WeChat name is added automatically)'),
  ownerIsAdmin: z
    .boolean()
    .default(true)
    .describe('A group\'s owner and admins, as the platform reports them (WeChat: the group owner), may run the commands meant for a group\'s own admins (bind code, archive on/off) in that group; false: only bot admins may'),
  wechaty: wechaty.default(wechaty.parse({})),
  stdio: stdio.default(stdio.parse({})),
});

const github = z.strictObject({
  token: z.string().min(1).optional().describe('Personal access token used to open issues. Env: GITHUB_TOKEN'),
  appId: z.string().min(1).optional().describe('GitHub App id (instead of a token). Env: GITHUB_APP_ID'),
  privateKey: z.string().min(1).optional().describe('GitHub App private key (PEM). Env: GITHUB_PRIVATE_KEY'),
  webhookSecret: z.string().min(1).optional().describe('Secret that signs GitHub webhooks. Env: GITHUB_WEBHOOK_SECRET'),
  apiUrl: z
    .url()
    .default('https://api.github.com')
    .describe('GitHub API base URL (GitHub Enterprise Server or any compatible API). Env: GITHUB_API_URL'),
  oauthClientId: z.string().min(1).optional().describe('Client id of the GitHub OAuth app (or GitHub App) used to sign in to the dashboard; the dashboard is off without it. Env: GITHUB_OAUTH_CLIENT_ID'),
  oauthClientSecret: z.string().min(1).optional().describe('Client secret of that OAuth app. Env: GITHUB_OAUTH_CLIENT_SECRET'),
  webUrl: z.url().optional().describe('GitHub web URL for OAuth sign-in (https://github.com, or your GitHub Enterprise Server); derived from apiUrl when unset. Env: GITHUB_WEB_URL'),
  retries: z.number().int().min(0).max(10).default(3).describe('Retries of a GitHub call that failed with 5xx or a network error, before the outbox takes over'),
  retryBaseMs: z.number().int().min(1).default(1000).describe('Base delay of those retries: waits 1, 4, 9… times this'),
  timeoutMs: z.number().int().min(100).default(30_000).describe('Time budget of one GitHub call, retries included'),
  lateWriteMs: z.number().int().min(0).default(10_000).describe('How long GitHub may still carry out a creation whose answer was lost (it stops requests after 10 s); the bot waits that long, then looks for it, before it creates again'),
  poll: z
    .union([z.boolean(), z.string(), z.number()])
    .optional()
    .refine((poll) => poll === undefined || typeof poll === 'boolean' || pollIntervalMs(poll, undefined) !== undefined, 'expected a duration such as 60s, 2m or 500ms (a bare number is seconds), true, or false')
    .describe('Poll GitHub for events instead of receiving webhooks (a bot with no public address): how often, e.g. 60s (GitHub\'s X-Poll-Interval wins when longer), or false. Unset: every 60s when no webhookSecret is set'),
});

const webhooks = z.strictObject({
  path: z.string().regex(/^\/[\w\-/]*$/, 'expected a path such as /webhooks/github').default('/webhooks/github').describe('Where GitHub delivers webhooks (set the same secret as github.webhookSecret)'),
});

const notify = z.strictObject({
  subscribe: z.enum(['admins', 'everyone']).default('admins').describe('Who may subscribe a room to a repository and change its filters'),
  commentOnSubscribed: z
    .boolean()
    .default(false)
    .describe('Let /comment reach the repositories a room subscribes to; off: only the room\'s bound repository (comments need the same permission as issues)'),
  minIntervalMs: z.number().int().min(0).default(3000).describe('Least time between two notifications in one room (WeChat bans bots that post bursts)'),
  perHour: z.number().int().min(1).default(20).describe('Most notifications per room per hour; more are folded into one digest message'),
  digestTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time such as 09:00')
    .default('09:00')
    .describe('Local time (issues.timeZone) when daily digests go out; weekly ones go out on Mondays at this time'),
});

const faq = z.strictObject({
  enabled: z.boolean().default(true).describe('Answer repeated questions from the knowledge base (osschat faq import FILE)'),
  threshold: z.number().min(0).max(1).default(DEFAULT_FAQ_SETTINGS.threshold).describe('Lowest match score (0–1) answered in a group; higher is more careful'),
  margin: z.number().min(0).max(1).default(DEFAULT_FAQ_SETTINGS.margin).describe('How far the best match must lead the next different answer'),
  cooldownMinutes: z.number().min(0).default(60).describe('The same answer is not repeated in a room within this time'),
  synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]).describe('Extra groups of interchangeable words, canonical form first, e.g. [[osschat, 机器人]]'),
  words: z.array(z.string().min(1)).default([]).describe('Extra words the Chinese segmenter keeps whole (project names, jargon)'),
});

const archive = z.strictObject({
  baseUrl: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'expected an absolute address such as https://chat.example.org/archive')
    .optional()
    .describe('Public address of the archive (the live /archive or the published static site): used in feeds, the sitemap and issues opened from public rooms'),
  names: z.enum(['full', 'initials', 'pseudonym']).default('initials').describe('How people are named in the archive: full names, initials (张*, J.D.) or stable pseudonyms (网友3fa2c1)'),
  pseudonymSalt: z.string().default('').describe('Secret mixed into pseudonyms so nobody can tell who is behind one; set it before publishing with names: pseudonym'),
  rooms: z.array(z.string().min(1)).default([]).describe('Rooms (topic or id) public by configuration, besides those opted in with 公开存档 开 / /archive on'),
  timeZone: z.string().optional().describe('Time zone of the archive\'s days; defaults to issues.timeZone'),
});

const dashboard = z.strictObject({
  admins: z
    .array(z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'expected a GitHub login such as octocat'))
    .default([])
    .describe('GitHub logins that see this installation\'s own rooms (bound in osschat.yaml or in chat), their jobs and health in the dashboard; anyone else sees only the communities they administer'),
});

const outbox = z.strictObject({
  maxAttempts: z.number().int().min(1).max(100).default(8).describe('Attempts of a durable job (issue creation, a message to send) before it is marked failed'),
  retryBaseMs: z.number().int().min(1).default(2000).describe('Delay before the 2nd attempt; each later one waits twice as long (at most 10 minutes)'),
  leaseMs: z.number().int().min(1000).default(60_000).describe('How long a worker holds a job; a job whose worker died runs again elsewhere after this (keep it above the longest job)'),
  pollMs: z.number().int().min(10).default(1000).describe('How often a worker looks for due jobs enqueued by other processes'),
});

const labelList = z.array(z.string().min(1));

const issues = z.strictObject({
  allow: z
    .enum(['everyone', 'members', 'admins'])
    .default('everyone')
    .describe('Who may open issues from chat: everyone, members (listed below, plus admins) or admins'),
  members: z.array(z.string().min(1)).default([]).describe('Platform member ids allowed when allow is "members"'),
  defaultCount: z.number().int().min(1).max(1000).default(10).describe('以上开工单 without N takes the current conversation; where the log has no conversations yet (messages from before threading), the messages since the last command, at most this many'),
  maxCount: z.number().int().min(1).max(1000).default(100).describe('The largest N accepted in 以上N条开工单'),
  labels: labelList.default([]).describe('Labels put on every issue opened from chat'),
  categories: z
    .strictObject({
      bug: labelList.default(['bug']).describe('Labels for #缺陷 / #bug'),
      feature: labelList.default(['enhancement']).describe('Labels for #需求 / #feature'),
      docs: labelList.default(['documentation']).describe('Labels for #文档 / #docs'),
      question: labelList.default(['question']).describe('Labels for #帮助 / #question'),
    })
    .default({ bug: ['bug'], feature: ['enhancement'], docs: ['documentation'], question: ['question'] }),
  timeZone: z
    .string()
    .refine(isTimeZone, 'expected an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai')
    .describe('Time zone of the times in issue transcripts and of digest times'),
  searchDuplicates: z.boolean().default(true).describe('Look for possibly related open issues before filing'),
  quota: z
    .strictObject({
      perMember: quotaWindow(5, 10).describe('Issues and comments one member may write through the bot within the window, in all rooms together (admins are exempt)'),
      perRoom: quotaWindow(20, 60).describe('Issues and comments one room may write through the bot within the window'),
    })
    .default({ perMember: { count: 5, minutes: 10 }, perRoom: { count: 20, minutes: 60 } })
    .describe('Rate limits on what chat writes to GitHub; over a limit the bot says when to try again'),
  redact: z
    .strictObject({
      phones: z.boolean().default(true).describe('Hide phone numbers in issues opened from chat (title and transcript)'),
      emails: z.boolean().default(true).describe('Hide e-mail addresses in issues opened from chat (title and transcript)'),
    })
    .default({ phones: true, emails: true })
    .describe('Personal data hidden in issues; secrets (tokens, keys, passwords), WeChat ids and ID-card numbers are always hidden'),
});

function quotaWindow(count: number, minutes: number) {
  return z
    .strictObject({
      count: z.number().int().min(0).default(count).describe('How many within the window; 0 means no limit'),
      minutes: z.number().int().min(1).max(10_080).default(minutes).describe('Length of the sliding window in minutes'),
    })
    .default({ count, minutes });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const log = z.strictObject({
  level: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Log level. Env: LOG_LEVEL'),
});

export const configSchema = z
  .strictObject({
    locale: locale.default('zh-CN').describe('Default language of the bot: zh-CN or en'),
    admins: z
      .array(z.string().min(1))
      .default([])
      .describe('Platform member ids of the bot\'s admins (as /whois and osschat export show them); admins claimed with a code or added with /admins or osschat admins add are kept in the database and count too'),
    rooms: z
      .array(roomEntry)
      .default([])
      .describe('Rooms with settings; rooms can also be bound in chat by an admin')
      .meta({ examples: [[{ match: { topic: 'OSSChat 开发者群' }, repo: 'owner/name', locale: 'zh-CN', subscribe: ['owner/name issues pulls releases -author:dependabot[bot]'] }]] }),
    database: database.default(database.parse({})),
    web: web.default(web.parse({})),
    chat: chat.default(chat.parse({})),
    github: github.default(github.parse({})),
    issues: issues.default(issues.parse({})),
    outbox: outbox.default(outbox.parse({})),
    webhooks: webhooks.default(webhooks.parse({})),
    notify: notify.default(notify.parse({})),
    faq: faq.default(faq.parse({})),
    archive: archive.default(archive.parse({})),
    dashboard: dashboard.default(dashboard.parse({})),
    log: log.default(log.parse({})),
  })
  .superRefine(requireSecrets);

type Draft = z.output<typeof configSchema>;

/** Secrets that a chosen feature cannot work without: named with the key and where to set it. */
function requireSecrets(config: Draft, ctx: z.RefinementCtx): void {
  const need = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (config.chat.wechaty.puppet === 'wechaty-puppet-service' && !config.chat.wechaty.token) {
    need(['chat', 'wechaty', 'token'], 'required by wechaty-puppet-service');
  }
  if (config.github.appId && !config.github.privateKey) need(['github', 'privateKey'], 'required when github.appId is set');
  if (config.github.privateKey && !config.github.appId) need(['github', 'appId'], 'required when github.privateKey is set');
  if (config.github.oauthClientId && !config.github.oauthClientSecret) need(['github', 'oauthClientSecret'], 'required when github.oauthClientId is set');
  const bound = config.rooms.findIndex((room) => room.repo);
  if (bound >= 0 && !config.github.token && !config.github.appId) {
    need(['github', 'token'], `required because rooms[${bound}] binds a repository (or set github.appId + privateKey)`);
  }
}

export type Config = Readonly<Draft>;
export type RoomConfig = Draft['rooms'][number];
