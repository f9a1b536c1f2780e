import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

/** True when Debian's chromium is installed; fails the run instead when OSSCHAT_REQUIRE_CHROMIUM=1 (CI). */
export function chromiumAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.OSSCHAT_REQUIRE_CHROMIUM === '1') throw new Error(`${suite}: Chromium is required (OSSCHAT_REQUIRE_CHROMIUM=1) but ${CHROMIUM} is missing`);
  console.warn(`SKIPPED ${suite}: ${CHROMIUM} is missing. Install it (apt-get install chromium fonts-wqy-microhei) to run it; CI sets OSSCHAT_REQUIRE_CHROMIUM=1 to make it mandatory.`);
  return false;
}
