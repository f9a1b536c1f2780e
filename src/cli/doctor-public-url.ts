import type { Config } from '../config/schema.js';
import type { Translate } from '../core/i18n/translate.js';
import type { Check } from './doctor-checks.js';
import { doctorTimeoutMs, unreachableReason } from './doctor-http.js';

/**
 * With web.baseUrl set, asks the bot's /healthz through that public address, from this machine:
 * a real request proves DNS, TLS and the reverse proxy, though not that GitHub gets past a firewall.
 */
export async function checkPublicUrl(config: Config, t: Translate): Promise<Check[]> {
  const base = config.web.baseUrl?.replace(/\/$/, '');
  if (!base) return [];
  const url = `${base}/healthz`;
  const hook = `${base}${config.webhooks.path}`;
  const timeoutMs = doctorTimeoutMs(config);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { 'user-agent': 'osschat-doctor' } });
    const body = (await response.json().catch(() => undefined)) as { status?: unknown; database?: unknown } | undefined;
    // Only the bot's health answer counts: a proxy's own 502 page or another site at that address does not.
    if (typeof body?.status === 'string' && typeof body.database === 'string') {
      return [{ name: 'baseUrl', status: 'ok', detail: t('doctor.publicUrl.ok', { url, status: body.status, hook }) }];
    }
    return [{ name: 'baseUrl', status: 'fail', detail: t('doctor.publicUrl.notBot', { url, status: response.status, host: config.web.host, port: config.web.port }) }];
  } catch (error) {
    const reason = unreachableReason(error, timeoutMs) ?? String(error);
    return [{ name: 'baseUrl', status: 'fail', detail: t('doctor.publicUrl.unreachable', { url, reason }) }];
  }
}
