/** Who a message speaks to: `nick: …`, `@张三 …`, `张三 你…`, or a name anywhere in the text. */
export interface Addressing {
  /** Senders addressed at the start of the message: the strongest sign of whom it answers. */
  leading: readonly string[];
  /** Senders named anywhere in the message (the leading ones included). Arrays, not sets: they hold 0–2 ids and are read per candidate. */
  mentioned: readonly string[];
}

const EMPTY: readonly string[] = [];
const LEADING_WITH_MARK = /^@?([^\s:,，：]{1,40})\s*[:,，：>]/;
const CJK = /[\u3400-\u9fff]/;
const AT_NAME = /@([^\s@,，:：\u2005]{1,40})/g;
// Words that could be a name: runs without spaces or punctuation around them.
const NAME_LIKE = /[^\s("'<[@)>\],.:;!?，。：；！？]{3,40}/g;

/** Names seen in a room, to recognise when a message addresses one of its speakers. */
export class NameBook {
  private readonly byName = new Map<string, string>();

  /** Records that `senderId` goes by `name`. */
  learn(senderId: string, name: string): void {
    const key = name.trim().toLowerCase();
    if (key.length >= 2) this.byName.set(key, senderId);
  }

  /**
   * Reads whom `text` addresses. `recent` lists the names of the room's recent speakers: a
   * leading `bob:` also finds `bob2` or `bob_` among them (people shorten nicks).
   */
  read(text: string, recent: ReadonlyMap<string, string>, lower = text.toLowerCase()): Addressing {
    const leading = this.leadingOf(text, recent);
    let mentioned: string[] | undefined;
    // No closure per message: the same "add if new" written out for both kinds of name.
    // exec loops rather than matchAll, which copies the expression per call (neither matches the empty string).
    let match: RegExpExecArray | null;
    if (text.includes('@')) {
      AT_NAME.lastIndex = 0;
      while ((match = AT_NAME.exec(text)) !== null) {
        const id = this.byName.get(match[1]!.toLowerCase());
        if (id !== undefined && !(mentioned ?? leading).includes(id)) (mentioned ??= [...leading]).push(id);
      }
    }
    NAME_LIKE.lastIndex = 0;
    while ((match = NAME_LIKE.exec(lower)) !== null) {
      const id = this.byName.get(match[0]);
      if (id !== undefined && !(mentioned ?? leading).includes(id)) (mentioned ??= [...leading]).push(id);
    }
    return { leading, mentioned: mentioned ?? leading };
  }

  private leadingOf(text: string, recent: ReadonlyMap<string, string>): readonly string[] {
    const trimmed = text.trimStart();
    const marked = LEADING_WITH_MARK.exec(trimmed);
    if (marked) {
      const token = marked[1]!.toLowerCase();
      const id = this.byName.get(token) ?? similarName(token, recent);
      if (id !== undefined) return [id];
    }
    const first = /^@?(\S{2,40})/.exec(trimmed)?.[1]?.toLowerCase();
    if (first !== undefined) {
      const id = this.byName.get(first);
      if (id !== undefined && (first.length >= 3 || trimmed.startsWith('@'))) return [id];
    }
    // Chinese names run into the text: 张三你试试.
    const head = (trimmed.startsWith('@') ? trimmed.slice(1) : trimmed).slice(0, 12).toLowerCase();
    if (head.length < 3 || !CJK.test(head[0]!)) return EMPTY;
    for (let length = Math.min(head.length - 1, 8); length >= 2; length--) {
      const id = this.byName.get(head.slice(0, length));
      if (id !== undefined) return [id];
    }
    return EMPTY;
  }
}

/** A recent speaker whose name starts with the token or the other way round (3+ letters). */
function similarName(token: string, recent: ReadonlyMap<string, string>): string | undefined {
  if (token.length < 3) return undefined;
  for (const [name, id] of recent) {
    if (name.length >= 3 && (name.startsWith(token) || token.startsWith(name))) return id;
  }
  return undefined;
}
