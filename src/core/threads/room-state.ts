import type { Entry, RoomView } from './features.js';

const MAX_WORDS = 200_000;

/** What the engine remembers about a room beyond its window: who spoke last, who talked to whom, word rarity. */
export class RoomState implements RoomView {
  private readonly latest = new Map<string, Entry>();
  private readonly addressed = new Map<string, number>();
  private readonly partners = new Map<string, string>();
  private readonly conversations = new Map<string, string>();
  private readonly wordNumbers = new Map<string, number>();
  private readonly documentFrequency: number[] = [];
  private readonly idfCache: number[] = [];
  private readonly idfAt: number[] = [];
  private documents = 0;

  latestOf(senderId: string): number | undefined {
    return this.latest.get(senderId)?.index;
  }

  /**
   * The words' numbers in this room, ascending; a new word gets the next number. Past
   * MAX_WORDS distinct words new ones get none (they count as not shared), so a long-lived
   * room's memory stays bounded.
   */
  numberWords(words: ReadonlySet<string>): Int32Array {
    const ids = new Int32Array(words.size);
    let i = 0;
    for (const word of words) {
      let id = this.wordNumbers.get(word);
      if (id === undefined) {
        if (this.documentFrequency.length >= MAX_WORDS) continue;
        id = this.documentFrequency.length;
        this.wordNumbers.set(word, id);
        this.documentFrequency.push(0);
        this.idfCache.push(0);
        this.idfAt.push(0);
      }
      ids[i++] = id;
    }
    return (i === ids.length ? ids : ids.subarray(0, i)).sort();
  }

  latestAddressing(senderId: string): number | undefined {
    return this.addressed.get(senderId);
  }

  partnerOf(senderId: string): string | undefined {
    return this.partners.get(senderId);
  }

  conversationOf(senderId: string): string | undefined {
    return this.conversations.get(senderId);
  }

  /**
   * ln(1 + documents / (1 + df)), cached per word: recomputed when the word's frequency changes
   * or the room has grown by a sixteenth since (the value moves by less than that).
   */
  idf(wordId: number): number {
    const at = this.idfAt[wordId]!;
    if (at !== 0 && this.documents - at <= at >> 4) return this.idfCache[wordId]!;
    const value = Math.log1p(this.documents / (1 + this.documentFrequency[wordId]!));
    this.idfCache[wordId] = value;
    this.idfAt[wordId] = this.documents;
    return value;
  }

  /** Takes a placed message into account for the messages that follow it. */
  record(entry: Entry, parent: Entry | undefined): void {
    const sender = entry.message.senderId;
    const previous = this.latest.get(sender);
    if (previous !== undefined) previous.superseded = true;
    this.latest.set(sender, entry);
    for (const addressee of entry.addressing.leading) if (addressee !== sender) this.addressed.set(addressee, entry.index);
    this.conversations.set(sender, entry.conversation);
    const other = parent?.message.senderId;
    if (other !== undefined && other !== sender) {
      this.partners.set(sender, other);
      this.partners.set(other, sender);
    }
    this.documents++;
    for (const id of entry.wordIds) {
      this.documentFrequency[id]!++;
      this.idfAt[id] = 0;
    }
  }
}
