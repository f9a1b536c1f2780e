/** Environment variables that override configuration keys; secrets can live here instead of the file. */
export const ENV_OVERRIDES = {
  DATABASE_URL: ['database', 'url'],
  PORT: ['web', 'port'],
  WECHATY_PUPPET: ['chat', 'wechaty', 'puppet'],
  WECHATY_PUPPET_SERVICE_TOKEN: ['chat', 'wechaty', 'token'],
  GITHUB_TOKEN: ['github', 'token'],
  GITHUB_APP_ID: ['github', 'appId'],
  GITHUB_PRIVATE_KEY: ['github', 'privateKey'],
  GITHUB_WEBHOOK_SECRET: ['github', 'webhookSecret'],
  GITHUB_API_URL: ['github', 'apiUrl'],
  GITHUB_OAUTH_CLIENT_ID: ['github', 'oauthClientId'],
  GITHUB_OAUTH_CLIENT_SECRET: ['github', 'oauthClientSecret'],
  GITHUB_WEB_URL: ['github', 'webUrl'],
  OSSCHAT_BASE_URL: ['web', 'baseUrl'],
  OSSCHAT_SESSION_SECRET: ['web', 'sessionSecret'],
  LOG_LEVEL: ['log', 'level'],
} as const satisfies Record<string, readonly string[]>;

export type EnvName = keyof typeof ENV_OVERRIDES;

const NUMERIC = new Set<EnvName>(['PORT']);

/** Writes each set (non-empty) override into `raw`; returns which config path came from which variable. */
export function applyEnv(raw: Record<string, unknown>, env: Record<string, string | undefined>): Map<string, EnvName> {
  const sources = new Map<string, EnvName>();
  for (const [name, path] of Object.entries(ENV_OVERRIDES) as [EnvName, readonly string[]][]) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    setPath(raw, path, NUMERIC.has(name) && /^\d+$/.test(value) ? Number(value) : value);
    sources.set(path.join('.'), name);
  }
  return sources;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}
