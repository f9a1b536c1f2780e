import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load.js';

function yamlFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'osschat-config-')), 'osschat.yaml');
  writeFileSync(path, text);
  return path;
}

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('needs no file: every key has a default (an empty OSSCHAT_CONFIG means none)', () => {
    const config = loadConfig({ env: { OSSCHAT_CONFIG: '' } });
    expect(config).toMatchObject({
      locale: 'zh-CN',
      admins: [],
      rooms: [],
      database: { url: './data/osschat.db' },
      web: { host: '127.0.0.1', port: 8080 },
      chat: { adapter: 'wechaty', wechaty: { puppet: 'wechaty-puppet-wechat4u', name: 'osschat' } },
      github: { apiUrl: 'https://api.github.com' },
    });
    expect(Object.isFrozen(config.web)).toBe(true);
  });

  it('reads the file named by OSSCHAT_CONFIG, and the environment overrides it', () => {
    const file = yamlFile('admins: ["wxid_abc"]\nrooms:\n  - match: { topic: "OSSChat 开发者群" }\n    repo: owner/name\n    locale: en\ngithub:\n  token: from-file\nweb:\n  port: 9000\n');
    const config = loadConfig({ env: { OSSCHAT_CONFIG: file, GITHUB_TOKEN: 'from-env', PORT: '3001', DATABASE_URL: 'postgres://db/x' } });
    expect(config.admins).toEqual(['wxid_abc']);
    expect(config.rooms[0]).toEqual({ match: { topic: 'OSSChat 开发者群' }, repo: 'owner/name', locale: 'en' });
    expect(config.github.token).toBe('from-env');
    expect(config.web.port).toBe(3001);
    expect(config.database.url).toBe('postgres://db/x');
  });

  it('names an unknown key and suggests the close one', () => {
    const error = errorOf(() => loadConfig({ file: yamlFile('databse:\n  url: x.db\n'), env: {} }));
    expect(error.key).toBe('databse');
    expect(error.message).toMatch(/^config error: databse: unknown key — did you mean "database"\? remove or rename it/);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('names a nested unknown key', () => {
    const error = errorOf(() => loadConfig({ file: yamlFile('web:\n  prot: 80\n'), env: {} }));
    expect(error.message).toContain('web.prot: unknown key — did you mean "port"?');
  });

  it('names the key, the expected type and the value for a wrong type', () => {
    const error = errorOf(() => loadConfig({ file: yamlFile('web:\n  port: "eighty"\n'), env: {} }));
    expect(error.message).toMatch(/^config error: web\.port: expected number, received string \(got "eighty"\) — set it in the config file .* or the PORT environment variable$/);
  });

  it('names the environment variable when the bad value came from it', () => {
    const error = errorOf(() => loadConfig({ env: { PORT: 'http' } }));
    expect(error.message).toBe('config error: web.port: expected number, received string (got "http") — fix the PORT environment variable');
  });

  it('explains a bad repository name inside a list', () => {
    const error = errorOf(() => loadConfig({ file: yamlFile('rooms:\n  - match: { id: r1 }\n    repo: just-a-name\ngithub: { token: t }\n'), env: {} }));
    expect(error.message).toContain('rooms[0].repo: expected "owner/name"');
  });

  it('stops on a missing secret, saying where to set it', () => {
    const bound = errorOf(() => loadConfig({ file: yamlFile('rooms:\n  - match: { topic: T }\n    repo: a/b\n'), env: {} }));
    expect(bound.message).toContain('github.token: required because rooms[0] binds a repository');
    expect(bound.message).toContain('GITHUB_TOKEN');
    const service = errorOf(() => loadConfig({ env: { WECHATY_PUPPET: 'wechaty-puppet-service' } }));
    expect(service.message).toContain('chat.wechaty.token: required by wechaty-puppet-service');
    expect(service.message).toContain('WECHATY_PUPPET_SERVICE_TOKEN');
    const app = errorOf(() => loadConfig({ env: { GITHUB_APP_ID: '123' } }));
    expect(app.message).toContain('github.privateKey: required when github.appId is set');
  });

  it('reports a missing file and broken YAML with the line', () => {
    expect(errorOf(() => loadConfig({ file: '/nonexistent/osschat.yaml', env: {} })).message).toContain('file not found: /nonexistent/osschat.yaml');
    const broken = errorOf(() => loadConfig({ file: yamlFile('admins: [a\nweb:\n  port: 1\n'), env: {} }));
    expect(broken.message).toMatch(/osschat\.yaml:\d+: not valid YAML/);
    expect(errorOf(() => loadConfig({ file: yamlFile('- a\n- b\n'), env: {} })).message).toContain('expected a mapping');
  });

  it('checks room subscriptions written as in chat', () => {
    const good = loadConfig({ file: yamlFile('rooms:\n  - match: { topic: T }\n    subscribe: ["octo/hello issues +label:bug bots:off"]\n'), env: {} });
    expect(good.rooms[0]?.subscribe).toEqual(['octo/hello issues +label:bug bots:off']);
    const bad = errorOf(() => loadConfig({ file: yamlFile('rooms:\n  - match: { topic: T }\n    subscribe: ["octo/hello +lable:bug"]\n'), env: {} }));
    expect(bad.message).toContain('rooms[0].subscribe[0]: expected "owner/repo [issues pulls releases');
  });
});
