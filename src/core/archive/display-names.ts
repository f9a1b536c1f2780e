import { createHash } from 'node:crypto';
import type { ArchiveMember } from './archive-types.js';

/** How people's names appear in the archive. */
export type NameStyle = 'full' | 'initials' | 'pseudonym';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** 张三 → 张*, Jane Q. Doe → J.Q.D. */
export function initials(name: string): string {
  const trimmed = name.trim();
  const first = [...trimmed][0];
  if (first === undefined) return '?';
  if (CJK.test(first)) return `${first}*`;
  const letters = trimmed.split(/[\s._-]+/).filter(Boolean).map((word) => [...word][0]!.toUpperCase());
  return `${letters.slice(0, 3).join('.')}.`;
}

/** A stable name that says nothing about the person: a salted hash of their platform id. */
export function pseudonym(platform: string, externalId: string, salt: string, locale: 'zh-CN' | 'en'): string {
  const code = createHash('sha256').update(`${salt}\u0000${platform}\u0000${externalId}`).digest('hex').slice(0, 6);
  return locale === 'en' ? `member-${code}` : `网友${code}`;
}

export interface NameOptions {
  style: NameStyle;
  salt: string;
  locale: 'zh-CN' | 'en';
}

/** Display names of a room's members, and a scrubber that keeps their real names out of message text. */
export class DisplayNames {
  private readonly byId = new Map<number, string>();
  private readonly replacements: [string, string][] = [];

  constructor(members: readonly ArchiveMember[], private readonly options: NameOptions) {
    for (const member of members) {
      const shown = this.nameOf(member);
      this.byId.set(member.id, shown);
      const real = member.name?.trim();
      if (!real || real === shown) continue;
      // Opted-out names go wherever they appear; other names only where they are @mentions.
      if (member.optedOut && [...real].length >= 2) this.replacements.push([real, shown]);
      else this.replacements.push([`@${real}`, `@${shown}`]);
    }
    this.replacements.sort((a, b) => b[0].length - a[0].length);
  }

  private nameOf(member: ArchiveMember): string {
    const { style, salt, locale } = this.options;
    if (member.optedOut) return locale === 'en' ? '(someone)' : '（某人）';
    const name = member.name?.trim() || undefined;
    if (style === 'pseudonym' || !name) return pseudonym(member.platform, member.externalId, salt, locale);
    return style === 'initials' ? initials(name) : name;
  }

  /** The name shown for a sender. */
  of(senderId: number): string {
    return this.byId.get(senderId) ?? (this.options.locale === 'en' ? '(someone)' : '（某人）');
  }

  /** Replaces @mentions by display names, and opted-out members' names wherever they appear. */
  scrub(text: string): string {
    let out = text;
    for (const [from, to] of this.replacements) if (out.includes(from)) out = out.split(from).join(to);
    return out;
  }
}
