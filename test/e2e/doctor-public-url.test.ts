import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { startStdioBot } from '../helpers/stdio-bot.js';

const dir = () => mkdtempSync(join(tmpdir(), 'osschat-doctor-url-'));

/** The doctor's `baseUrl` line for a config whose web.baseUrl is `baseUrl`. */
async function baseUrlLine(baseUrl: string): Promise<{ line: string | undefined; code: number | null }> {
  const config = join(dir(), 'osschat.yaml');
  writeFileSync(config, stringify({ locale: 'en', web: { baseUrl }, github: { timeoutMs: 1000 } }));
  const result = await runCli(['doctor', '--config', config], { DATABASE_URL: join(dir(), 'osschat.db'), GITHUB_TOKEN: 'ghp_x', GITHUB_API_URL: 'http://127.0.0.1:9', PORT: '8080' });
  const line = result.stdout.split('\n').find((each) => /^\w+\s+baseUrl /.test(each))?.replace(/\s+/g, ' ');
  return { line, code: result.code };
}

describe('osschat doctor requests the public address (web.baseUrl) from this machine (built CLI)', () => {
  it('a running bot behind the address: ok, saying what that proves and what it does not', async () => {
    const bot = await startStdioBot({ DATABASE_URL: join(dir(), 'bot.db') });
    try {
      const { line } = await baseUrlLine(`${bot.url}/`);
      expect(line).toBe(`ok baseUrl ${bot.url}/healthz answered (status ok) from this machine: DNS, TLS and the reverse proxy work; a firewall may still keep GitHub out — GitHub delivers to ${bot.url}/webhooks/github, and its Recent Deliveries page shows what arrived`);
    } finally {
      await bot.end();
    }
  });

  it('nothing listening: fail naming the URL and the fix', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { line, code } = await baseUrlLine(`http://127.0.0.1:${port}`);
    expect(line).toBe(`fail baseUrl cannot reach http://127.0.0.1:${port}/healthz from this machine (ECONNREFUSED) — check web.baseUrl, DNS and the reverse proxy, and that the bot runs (osschat start)`);
    expect(code).toBe(1);
  });

  it('something else answers there (a proxy with no bot behind it): fail with its status', async () => {
    const proxy = createHttpServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
      const { line } = await baseUrlLine(url);
      expect(line).toBe(`fail baseUrl ${url}/healthz answered HTTP 502, but not as OSSChat — is the bot running (osschat start), and does the reverse proxy forward to web.host:web.port (127.0.0.1:8080)?`);
    } finally {
      proxy.close();
    }
  });
});
