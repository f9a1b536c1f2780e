import type { Config } from '../config/schema.js';
import type { StoredAdmin } from '../core/admins/admin.js';
import { ANY_PLATFORM } from '../core/admins/admin-roster.js';
import { CLAIM_CODE_TTL_MINUTES } from '../core/admins/claim-code.js';
import { issueClaimCode } from '../core/admins/issue-claim-code.js';
import { translator, type Translate } from '../core/i18n/translate.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { configOrExit } from './shared.js';

interface AdminsOptions {
  config?: string;
}

type Member = { platform: string; externalId: string; name: string | null };

async function withStore(options: AdminsOptions, work: (store: Store, config: Config, t: Translate) => Promise<void>): Promise<void> {
  const config = configOrExit(options.config);
  const store = await openStore(config.database.url);
  try {
    await work(store, config, translator(config.locale));
  } finally {
    await store.close();
  }
}

function fail(line: string): void {
  process.stderr.write(`${line}\n`);
  process.exitCode = 1;
}

/** While the bot has no admin, prints a fresh one-time claim code (`osschat start` on stderr); false when an admin exists. */
export async function printClaimCode(store: Pick<Store, 'admins'>, config: Config, out: NodeJS.WritableStream = process.stderr): Promise<boolean> {
  const code = await issueClaimCode(store, config.admins);
  if (code) out.write(`${translator(config.locale)('claim.line', { code, minutes: CLAIM_CODE_TTL_MINUTES })}\n`);
  return code !== undefined;
}

/**
 * What MEMBER means: the member the bot knows by that id (on its one platform), `platform:id`, or an id the
 * bot has not seen yet, which then counts on every platform, as the config's admins do.
 */
async function resolveMember(store: Store, value: string, t: Translate): Promise<Member | string> {
  if (!/^\S+$/.test(value)) return t('cli.admins.badMember', { value });
  const known = await store.admins.membersWithId(value);
  if (known.length === 1) return known[0]!;
  if (known.length > 1) {
    const platforms = known.map((member) => member.platform);
    return t('cli.admins.ambiguous', { id: value, platforms: platforms.join(', '), example: `${platforms[0]}:${value}` });
  }
  const prefixed = /^([a-z0-9-]+):(.+)$/.exec(value);
  return prefixed ? { platform: prefixed[1]!, externalId: prefixed[2]!, name: null } : { platform: ANY_PLATFORM, externalId: value, name: null };
}

const shown = (member: Pick<Member, 'externalId' | 'name'>) => (member.name ? `${member.name} (${member.externalId})` : member.externalId);

function row(admin: StoredAdmin): string {
  const platform = admin.platform === ANY_PLATFORM ? 'any' : admin.platform;
  return [admin.externalId, admin.name ?? '-', 'database', platform, `${admin.addedBy} ${admin.addedAt.toISOString()}`].join('\t');
}

/** `osschat admins list`: every admin with its source (config or database), name when known; tab-separated. */
export function adminsListCommand(options: AdminsOptions): Promise<void> {
  return withStore(options, async (store, config, t) => {
    const stored = await store.admins.list();
    if (config.admins.length === 0 && stored.length === 0) return void process.stdout.write(`${t('cli.admins.none')}\n`);
    const configured = await Promise.all(config.admins.map(async (id) => [id, (await store.admins.membersWithId(id))[0]?.name ?? '-', 'config', 'any', '-'].join('\t')));
    const lines = ['ID\tNAME\tSOURCE\tPLATFORM\tADDED', ...configured, ...stored.map(row)];
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}

export function adminsAddCommand(value: string, options: AdminsOptions): Promise<void> {
  return withStore(options, async (store, config, t) => {
    const member = await resolveMember(store, value, t);
    if (typeof member === 'string') return fail(member);
    const stored = await store.admins.list();
    const already = config.admins.includes(member.externalId) || stored.some((admin) => admin.externalId === member.externalId && [member.platform, ANY_PLATFORM].includes(admin.platform));
    if (already || !(await store.admins.add({ platform: member.platform, externalId: member.externalId, addedBy: 'cli' }))) {
      return void process.stdout.write(`${t('cli.admins.already', { member: shown(member) })}\n`);
    }
    process.stdout.write(`${t('cli.admins.added', { member: shown(member) })}\n`);
  });
}

export function adminsRemoveCommand(value: string, options: AdminsOptions): Promise<void> {
  return withStore(options, async (store, config, t) => {
    const member = await resolveMember(store, value, t);
    if (typeof member === 'string') return fail(member);
    if ((await store.admins.remove(member.platform, member.externalId)) || (await store.admins.remove(ANY_PLATFORM, member.externalId))) {
      return void process.stdout.write(`${t('cli.admins.removed', { member: shown(member) })}\n`);
    }
    const file = options.config ?? (process.env.OSSCHAT_CONFIG || 'osschat.yaml');
    fail(t(config.admins.includes(member.externalId) ? 'cli.admins.inConfig' : 'cli.admins.notStored', { member: shown(member), file }));
  });
}

/** `osschat admins code`: a fresh claim code while there is no admin. */
export function adminsCodeCommand(options: AdminsOptions): Promise<void> {
  return withStore(options, async (store, config, t) => {
    if (!(await printClaimCode(store, config, process.stdout))) fail(t('cli.admins.codeAdminExists'));
  });
}
