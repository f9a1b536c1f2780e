import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { secretsOf } from '../../src/cli/shared.js';
import { createLogger } from '../../src/logging/create-logger.js';
import { redactSecrets } from '../../src/logging/redact.js';

const TOKEN = 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const WEBHOOK = 'webhook-secret-value-42';
const PUPPET = 'puppet_service_token_xyz';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => lines.push(line) } };
}

describe('logs', () => {
  it('never contain the configured tokens and keys, wherever they appear', () => {
    const config = loadConfig({
      env: { GITHUB_TOKEN: TOKEN, GITHUB_WEBHOOK_SECRET: WEBHOOK, WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: PUPPET, DATABASE_URL: 'postgres://osschat:hunter2pass@db:5432/osschat' },
    });
    const { lines, destination } = capture();
    const log = createLogger({ level: 'info', secrets: secretsOf(config), destination });
    log.info({ config }, 'configuration loaded');
    log.error({ err: new Error(`GitHub refused ${TOKEN} for webhook ${WEBHOOK}`) }, `request with ${PUPPET} failed`);
    log.warn({ headers: { authorization: `token ${TOKEN}` }, url: 'https://api.example.com/x?access_token=abcdef123456&page=2' }, 'retrying');
    log.child({ token: 'child-binding-token' }).info({}, 'child');
    const output = lines.join('');
    for (const secret of [TOKEN, WEBHOOK, PUPPET, 'hunter2pass', 'abcdef123456', 'child-binding-token']) expect(output).not.toContain(secret);
    expect(output).toContain('configuration loaded');
    expect(output).toContain('page=2');
    expect(output).toContain('[redacted]');
  });

  it('redacts token shapes even when they were never configured', () => {
    expect(redactSecrets(`clone https://x-access-token:${TOKEN}@github.com/a/b`)).toBe('clone https://x-access-token:[redacted]@github.com/a/b');
    expect(redactSecrets('github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz')).toBe('[redacted]');
    expect(redactSecrets('-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----')).toBe('[redacted]');
    expect(redactSecrets('Authorization: Bearer abcdefghijklmnop1234')).toBe('Authorization: Bearer [redacted]');
    expect(redactSecrets('nothing secret here: 开工单 #123')).toBe('nothing secret here: 开工单 #123');
  });

  it('redacts the password of a mistyped database URL too, and leaves paths with colons alone', () => {
    expect(redactSecrets('"postgres//bob:hunter2@db/osschat"')).toBe('"postgres//bob:[redacted]@db/osschat"');
    expect(redactSecrets('postgres:/bob:hunter2@db/osschat')).toBe('postgres:/bob:[redacted]@db/osschat');
    expect(redactSecrets('mysql://root:hunter2@db/osschat')).toBe('mysql://root:[redacted]@db/osschat');
    expect(redactSecrets('see docs/setup:42 or mail@x')).toBe('see docs/setup:42 or mail@x');
  });
});
