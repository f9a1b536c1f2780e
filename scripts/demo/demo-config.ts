import { stringify } from 'yaml';

export type DemoLocale = 'zh-CN' | 'en';

/** The one room of the demo, and who types in it. */
export const DEMO_ROOM = { id: 'demo-group', topic: 'OSSChat demo group' };
export const DEMO_REPO = 'demo/sandbox';
export const DEMO_MEMBER_ID = 'demo-you';

export function demoMember(locale: DemoLocale): { id: string; name: string } {
  return { id: DEMO_MEMBER_ID, name: locale === 'en' ? 'You' : '你' };
}

/**
 * osschat.yaml for the demo: the demo room bound to the sandbox repository, the person typing an
 * admin (so /subscribe and 绑定 work), the room's archive public (so /archive/ has something).
 * Secrets and addresses travel in the environment, as in a real deployment.
 */
export function demoConfigYaml(locale: DemoLocale): string {
  const config = {
    locale,
    admins: [DEMO_MEMBER_ID],
    rooms: [{ match: { id: DEMO_ROOM.id }, repo: DEMO_REPO, locale }],
    chat: { adapter: 'stdio' },
    archive: { rooms: [DEMO_ROOM.id] },
  };
  return `# Written by npm run demo; the bot reads GITHUB_API_URL, GITHUB_TOKEN and DATABASE_URL from its environment.\n${stringify(config)}`;
}
