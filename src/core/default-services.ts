import type { IssueSettings, Services } from './services.js';

export const DEFAULT_ISSUE_SETTINGS: IssueSettings = {
  allow: 'everyone',
  members: [],
  defaultCount: 10,
  maxCount: 100,
  labels: [],
  categories: { bug: ['bug'], feature: ['enhancement'], docs: ['documentation'], question: ['question'] },
  timeZone: 'Asia/Shanghai',
  searchDuplicates: true,
  quota: { perMember: { count: 5, minutes: 10 }, perRoom: { count: 20, minutes: 60 } },
  redact: { phones: true, emails: true },
};

export function defaultServices(): Services {
  return { issues: DEFAULT_ISSUE_SETTINGS, roomSettings: () => ({}), botNames: ['OSSChat'], version: '0.0.0' };
}
