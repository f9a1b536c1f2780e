import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderSampleConfig } from '../../src/config/sample.js';
import { configSchema } from '../../src/config/schema.js';

const sample = readFileSync(new URL('../../osschat.example.yaml', import.meta.url), 'utf8');

describe('osschat.example.yaml', () => {
  it('is generated from the schema (run `npm run sample-config` when this fails)', () => {
    expect(sample).toBe(renderSampleConfig());
  });

  it('is a valid configuration equal to the defaults', () => {
    expect(configSchema.parse(parse(sample))).toEqual(configSchema.parse({}));
  });

  it('documents every key, and every secret with its environment variable', () => {
    for (const key of ['locale', 'admins', 'rooms', 'database', 'url', 'web', 'port', 'chat', 'puppet', 'token', 'appId', 'privateKey', 'webhookSecret', 'apiUrl', 'log']) {
      expect(sample).toMatch(new RegExp(`^\\s*(# )?${key}:`, 'm'));
    }
    for (const env of ['DATABASE_URL', 'PORT', 'GITHUB_TOKEN', 'GITHUB_APP_ID', 'GITHUB_PRIVATE_KEY', 'GITHUB_WEBHOOK_SECRET', 'GITHUB_API_URL', 'WECHATY_PUPPET', 'WECHATY_PUPPET_SERVICE_TOKEN']) {
      expect(sample).toContain(`Env: ${env}`);
    }
  });
});
