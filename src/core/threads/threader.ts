import { NameBook } from './addressing.js';
import { FEATURE_COUNT, FEATURE_NAMES, PAIR_FEATURES, senderView, wordBits, wordNorm, writePairFeatures, writeStartFeatures, type Entry, type ThreadWeights } from './features.js';
import { PairScorer } from './pair-scorer.js';
import { RoomState } from './room-state.js';
import { readTextSignals } from './text-signals.js';
import type { ThreadLink, ThreadMessage } from './types.js';
import { SHIPPED_WEIGHTS } from './weights.js';

export interface ThreaderOptions {
  weights?: ThreadWeights;
  /** How many earlier messages a message may answer. */
  window?: number;
  /** How old (minutes) a message may be and still be answered, quotes aside. */
  maxGapMinutes?: number;
  /** Length at which a conversation takes no more messages (default MAX_CONVERSATION_MESSAGES). */
  maxConversationMessages?: number;
  /** How many of the latest message ids it remembers (redeliveries, quotes, conversation sizes); default REMEMBERED_IDS. */
  rememberedIds?: number;
}

/**
 * A conversation that reached this many messages takes no more: the next message that would join
 * it starts a new one. Real conversations stay far below; an imported chat of 200,000 quotes, each
 * of the one before, had become one conversation (one 48 MB page).
 */
export const MAX_CONVERSATION_MESSAGES = 2000;

/** How many messages a conversation holds; shared by the placements of its messages. */
interface ConversationSize {
  count: number;
}

/** Sees each candidate's features before the choice: how the weights are fitted offline. */
export type CandidateObserver = (message: ThreadMessage, candidates: (string | null)[], features: Float64Array) => void;

export interface AddOptions {
  observe?: CandidateObserver;
  /** Where the message was placed before (a stored placement replayed to warm the engine up). */
  known?: { conversation: string; replyTo: string | null };
}

type Placement = { conversation: string; replyTo: string | null; size: ConversationSize };

/** Ids remembered by default: an import's quotes may reach far back (about 125 bytes each). */
export const REMEMBERED_IDS = 50_000;
const START_BIAS = FEATURE_NAMES.indexOf('startBias');
const RECENT_SPEAKERS = 100;

/**
 * Places each message of one room, as it arrives, in a conversation: it answers one earlier
 * message (its replyTo) or starts a conversation. Quotes the platform reports are taken as
 * certain; otherwise a weighted sum of signals picks the most likely earlier message.
 */
export class Threader {
  private readonly weights: Float64Array;
  private readonly window: number;
  private readonly maxGapMs: number;
  private readonly maxConversation: number;
  private readonly entries: Entry[] = [];
  private readonly placed = new Map<string, Placement>();
  // Insertion order of `placed`, to forget the oldest: deleting a Map's first key again and
  // again makes keys().next() walk every deleted slot.
  private readonly placedOrder: string[];
  private readonly names = new NameBook();
  private readonly room = new RoomState();
  private readonly recentNames = new Map<string, string>();
  private scratch: Float64Array;
  private scores = new Float64Array(0);
  private readonly row = new Float64Array(FEATURE_COUNT);
  private readonly candidates: Entry[] = [];
  private readonly scorer: PairScorer;
  private count = 0;

  constructor(options: ThreaderOptions = {}) {
    const weights = options.weights ?? SHIPPED_WEIGHTS;
    this.weights = Float64Array.from(FEATURE_NAMES, (name) => weights[name]);
    this.window = options.window ?? 40;
    this.maxGapMs = (options.maxGapMinutes ?? 360) * 60_000;
    this.maxConversation = options.maxConversationMessages ?? MAX_CONVERSATION_MESSAGES;
    this.placedOrder = new Array(options.rememberedIds ?? REMEMBERED_IDS);
    this.scratch = new Float64Array(0);
    this.scorer = new PairScorer(this.weights, this.window);
  }

  /**
   * Places a message; messages must come in the room's order. A message placed before (a
   * redelivery) keeps its place and changes nothing.
   */
  add(message: ThreadMessage, options: AddOptions = {}): ThreadLink {
    const before = this.placed.get(message.id);
    if (before !== undefined) return { id: message.id, conversation: before.conversation, replyTo: before.replyTo, confidence: 1, reasons: ['known'] };
    this.names.learn(message.senderId, message.senderName);
    this.noteSpeaker(message);
    const lower = message.text.toLowerCase();
    const signals = readTextSignals(message.text, lower);
    const addressing = this.names.read(message.text, this.recentNames, lower);
    const entry: Entry = {
      message,
      index: this.count++,
      signals,
      addressing,
      conversation: message.id,
      replyTo: null,
      wordIds: this.room.numberWords(signals.words),
      wordNorm: 0,
      wordBits: 0,
      superseded: false,
      senderId: message.senderId,
      ts: message.ts,
      leading: addressing.leading,
      question: signals.question,
      ack: signals.ack,
      links: signals.links.size === 0 ? null : signals.links,
    };
    entry.wordBits = wordBits(entry.wordIds);
    entry.wordNorm = wordNorm(entry.wordIds, this.room);
    const quoted = message.replyTo === undefined ? undefined : this.placed.get(message.replyTo);
    const known = options.known;
    let link = known !== undefined
      ? { parent: this.byId(known.replyTo), ...known, confidence: 1, reasons: ['known'] }
      : quoted !== undefined
        ? { parent: this.byId(message.replyTo!), replyTo: message.replyTo!, conversation: quoted.conversation, confidence: 1, reasons: ['quote'] }
        : this.choose(entry, options.observe);
    let size = this.sizeOf(link, message.id);
    if (known === undefined && size.count >= this.maxConversation) {
      link = { parent: undefined, replyTo: null, conversation: message.id, confidence: 1, reasons: ['conversationFull'] };
      size = { count: 0 };
    }
    size.count++;
    entry.replyTo = link.replyTo;
    entry.conversation = link.conversation;
    this.remember(entry, link.parent, size);
    return { id: message.id, conversation: link.conversation, replyTo: link.replyTo, confidence: link.confidence, reasons: link.reasons };
  }

  private choose(m: Entry, observe?: CandidateObserver) {
    const candidates = this.candidatesOf(m);
    const count = candidates.length;
    const rows = count + 1;
    const sender = senderView(this.room, m.message.senderId);
    const ownLast = this.byIndex(this.room.latestOf(m.message.senderId));
    const previous = this.entries.at(-1);
    if (observe !== undefined) {
      if (this.scratch.length < rows * FEATURE_COUNT) this.scratch = new Float64Array(rows * FEATURE_COUNT);
      const features = this.scratch.subarray(0, rows * FEATURE_COUNT);
      features.fill(0); // every row gets only its own kind of features written
      for (let i = 0; i < count; i++) writePairFeatures(features, i * FEATURE_COUNT, m, candidates[i]!, this.room, sender);
      writeStartFeatures(features, count * FEATURE_COUNT, m, previous, ownLast);
      observe(m.message, [...candidates.map((c) => c.message.id), null], features);
    }

    if (this.scores.length < rows) this.scores = new Float64Array(rows);
    const scores = this.scores;
    const weights = this.weights;
    // Scored straight from the entries (PairScorer): the same sums as weights × feature rows.
    // Newest first, so a tie goes to the nearer message; the start row comes last.
    const scorer = this.scorer;
    scorer.prepare(m, this.room, sender, count);
    let best = 0;
    for (let row = 0; row < count; row++) {
      const score = scorer.score(candidates[row]!);
      scores[row] = score;
      if (score > scores[best]!) best = row;
    }
    // The start row has only start features.
    const row = this.row;
    row.fill(0);
    writeStartFeatures(row, 0, m, previous, ownLast);
    let start = 0;
    for (let i = PAIR_FEATURES.length; i < FEATURE_COUNT; i++) start += weights[i]! * row[i]!;
    scores[count] = start;
    if (start > scores[best]!) best = count;
    const top = scores[best]!;
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const gap = scores[r]! - top;
      if (gap > -30) total += Math.exp(gap); // farther behind adds nothing a double can hold
    }
    const parent = candidates[best];
    if (parent !== undefined) {
      // Only the chosen row's features are written, for its reasons.
      row.fill(0);
      writePairFeatures(row, 0, m, parent, this.room, sender);
    }
    return {
      parent,
      replyTo: parent?.message.id ?? null,
      conversation: parent?.conversation ?? m.message.id,
      confidence: 1 / total,
      reasons: this.reasons(row),
    };
  }

  /** Earlier messages m may answer, newest first (one array, reused). */
  private candidatesOf(m: Entry): Entry[] {
    const candidates = this.candidates;
    candidates.length = 0;
    for (let i = this.entries.length - 1; i >= 0 && candidates.length < this.window; i--) {
      const c = this.entries[i]!;
      if (m.message.ts - c.message.ts > this.maxGapMs) break;
      candidates.push(c);
    }
    return candidates;
  }

  /** The three signals that added most to the chosen row's score (no sorting: this runs per message). */
  private reasons(row: Float64Array): string[] {
    // The top three as (feature, contribution) pairs; no closures or splices (this runs per message).
    const weights = this.weights;
    let first = -1, second = -1, third = -1;
    let firstValue = 0, secondValue = 0, thirdValue = 0;
    for (let i = 0; i < FEATURE_COUNT; i++) {
      const contribution = weights[i]! * row[i]!;
      if (contribution <= 0 || i === START_BIAS) continue;
      if (contribution > firstValue) {
        third = second; thirdValue = secondValue;
        second = first; secondValue = firstValue;
        first = i; firstValue = contribution;
      } else if (contribution > secondValue) {
        third = second; thirdValue = secondValue;
        second = i; secondValue = contribution;
      } else if (contribution > thirdValue) {
        third = i; thirdValue = contribution;
      }
    }
    const reasons: string[] = [];
    if (first >= 0) reasons.push(FEATURE_NAMES[first]!);
    if (second >= 0) reasons.push(FEATURE_NAMES[second]!);
    if (third >= 0) reasons.push(FEATURE_NAMES[third]!);
    return reasons;
  }

  /** The message at a room position, while it is still in the window. */
  private byIndex(index: number | undefined): Entry | undefined {
    const first = this.entries[0];
    return index === undefined || first === undefined || index < first.index ? undefined : this.entries[index - first.index];
  }

  /** A message still in the window, by id. */
  private byId(id: string | null): Entry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i]!.message.id === id) return this.entries[i];
    return undefined;
  }

  /** The size of the conversation a link joins (a new one when the message starts it). */
  private sizeOf(link: { conversation: string; replyTo: string | null }, id: string): ConversationSize {
    if (link.conversation === id) return { count: 0 };
    return this.placed.get(link.replyTo ?? '')?.size ?? this.placed.get(link.conversation)?.size ?? { count: 0 };
  }

  private remember(entry: Entry, parent: Entry | undefined, size: ConversationSize): void {
    this.room.record(entry, parent);
    this.scorer.record(entry);
    this.entries.push(entry);
    if (this.entries.length > this.window * 2) this.entries.splice(0, this.entries.length - this.window);
    const slot = entry.index % this.placedOrder.length;
    const oldest = this.placedOrder[slot];
    if (oldest !== undefined) this.placed.delete(oldest);
    this.placedOrder[slot] = entry.message.id;
    this.placed.set(entry.message.id, { conversation: entry.conversation, replyTo: entry.replyTo, size });
  }

  /** Keeps the names of the latest speakers, most recent last. */
  private noteSpeaker({ senderName, senderId }: ThreadMessage): void {
    const key = senderName.toLowerCase();
    this.recentNames.delete(key);
    this.recentNames.set(key, senderId);
    if (this.recentNames.size > RECENT_SPEAKERS) this.recentNames.delete(this.recentNames.keys().next().value!);
  }
}
