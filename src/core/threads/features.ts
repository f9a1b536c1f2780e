import type { Addressing } from './addressing.js';
import type { TextSignals } from './text-signals.js';
import type { ThreadMessage } from './types.js';

/**
 * The signals the engine weighs. Pair features describe "message m answers earlier message c";
 * start features describe "m starts a conversation". A candidate's score is the weighted sum of
 * its features; the engine picks the candidate with the highest score (softmax for confidence).
 */
export const PAIR_FEATURES = [
  'addressesSender', // m starts with c's sender's name: "bob: …", "@张三 …"
  'addressesSenderLatest', // … and c is that sender's latest message
  'mentionsSender', // m names c's sender somewhere else in the text
  'answersAddress', // c addressed m's sender
  'answersAddressLatest', // … and c is the latest message that addressed m's sender
  'sameSender',
  'sameSenderLatest', // c is m's sender's own previous message
  'previous', // c is the message right before m
  'logDistance', // ln(1 + messages between)
  'logMinutes', // ln(1 + minutes between)
  'answersQuestion', // c asked something, and someone else speaks
  'sharedWords', // rare words in common (idf-weighted cosine)
  'sharedLink',
  'addressesOther', // m addresses someone, not c's sender
  'otherDialogue', // c addressed a third person, and m does not address c's sender
  'latestOfSender', // c is the latest message of its sender
  'candidateAck', // c is a bare "ok" / "thanks": rarely answered
  'partner', // c's sender and m's sender talked to each other last
  'ownConversation', // c is in the conversation of m's sender's previous message
] as const;

export const START_FEATURES = [
  'startBias',
  'startAddresses', // m addresses someone: it rarely starts a conversation
  'startQuestion',
  'startOpener', // "hi all", "anyone …", "请问"
  'startNewSpeaker', // m's sender has not spoken within the window
  'startLogMinutesAway', // ln(1 + minutes since m's sender last spoke)
  'startLogLength',
  'startAck',
  'startLogSilence', // ln(1 + minutes since anyone spoke)
] as const;

export type PairFeature = (typeof PAIR_FEATURES)[number];
export type StartFeature = (typeof START_FEATURES)[number];
export type ThreadWeights = Record<PairFeature | StartFeature, number>;
export const FEATURE_COUNT = PAIR_FEATURES.length + START_FEATURES.length;
export const FEATURE_NAMES: readonly (PairFeature | StartFeature)[] = [...PAIR_FEATURES, ...START_FEATURES];

// ln(1 + n) for the distances a window holds: computed once, read per candidate.
export const LOG1P = Float64Array.from({ length: 256 }, (_, n) => Math.log1p(n));
// ln(1 + minutes) to the nearest eighth of a minute, for gaps up to a day (Math.log1p per candidate was a tenth of the engine's time).
const STEPS_PER_MINUTE = 8;
const LOG1P_MINUTES = Float64Array.from({ length: 24 * 60 * STEPS_PER_MINUTE + 1 }, (_, step) => Math.log1p(step / STEPS_PER_MINUTE));

export function logMinutes(minutes: number): number {
  const step = Math.round(minutes * STEPS_PER_MINUTE);
  return step < LOG1P_MINUTES.length ? LOG1P_MINUTES[step]! : Math.log1p(minutes);
}

/** A message in the engine's window, with what was read off it when it arrived. */
export interface Entry {
  message: ThreadMessage;
  /** Position in the room, counting from 0. */
  index: number;
  signals: TextSignals;
  addressing: Addressing;
  conversation: string;
  replyTo: string | null;
  /** The message's words as the room's word numbers, ascending (merged, not hashed, per candidate). */
  wordIds: Int32Array;
  /** Norm of the message's words, idf-weighted as the room stood when it arrived. */
  wordNorm: number;
  /** One bit per word number modulo 32: two messages with no bit in common share no word. */
  wordBits: number;
  /** Set once its sender speaks again: it is no longer the sender's latest message. */
  superseded: boolean;
  // Copies of what every candidate is asked (message.senderId, message.ts, addressing.leading,
  // signals.question / ack, signals.links when not empty), one load away for the scorer.
  senderId: string;
  ts: number;
  leading: readonly string[];
  question: boolean;
  ack: boolean;
  links: ReadonlySet<string> | null;
}

/** What the engine knows about the room when message m arrives. */
export interface RoomView {
  /** Index of the latest message of each sender. */
  latestOf(senderId: string): number | undefined;
  /** Index of the latest message that addressed each sender. */
  latestAddressing(senderId: string): number | undefined;
  /** Sender m's sender last talked with (either direction), if any. */
  partnerOf(senderId: string): string | undefined;
  /** Conversation of the sender's latest message, if any. */
  conversationOf(senderId: string): string | undefined;
  /** Inverse document frequency of a word (by its number) in the room so far. */
  idf(wordId: number): number;
}

/** What the pair features need to know of the room about m's sender, looked up once per message. */
export interface SenderView {
  latestAddressing: number | undefined;
  partner: string | undefined;
  conversation: string | undefined;
}

export function senderView(room: RoomView, senderId: string): SenderView {
  return { latestAddressing: room.latestAddressing(senderId), partner: room.partnerOf(senderId), conversation: room.conversationOf(senderId) };
}

/** Writes the pair features of (m answers c) into `out` at `offset`. */
export function writePairFeatures(out: Float64Array, offset: number, m: Entry, c: Entry, room: RoomView, sender: SenderView): void {
  const mSender = m.message.senderId;
  const cSender = c.message.senderId;
  const cLatest = !c.superseded;
  const addresses = m.addressing.leading.includes(cSender);
  const answers = c.addressing.leading.includes(mSender);
  const distance = m.index - c.index;
  const minutes = Math.max(0, (m.message.ts - c.message.ts) / 60_000);
  const same = mSender === cSender;
  // Straight-line writes: this runs for every candidate of every message.
  out[offset] = addresses ? 1 : 0;
  out[offset + 1] = addresses && cLatest ? 1 : 0;
  out[offset + 2] = !addresses && m.addressing.mentioned.includes(cSender) ? 1 : 0;
  out[offset + 3] = answers ? 1 : 0;
  out[offset + 4] = sender.latestAddressing === c.index ? 1 : 0;
  out[offset + 5] = same ? 1 : 0;
  out[offset + 6] = same && cLatest ? 1 : 0;
  out[offset + 7] = distance === 1 ? 1 : 0;
  out[offset + 8] = distance < LOG1P.length ? LOG1P[distance]! : Math.log1p(distance);
  out[offset + 9] = logMinutes(minutes);
  out[offset + 10] = c.signals.question && !same ? 1 : 0;
  out[offset + 11] = sharedWords(m, c, room);
  out[offset + 12] = sharesAny(m.signals.links, c.signals.links) ? 1 : 0;
  out[offset + 13] = m.addressing.leading.length > 0 && !addresses ? 1 : 0;
  out[offset + 14] = c.addressing.leading.length > 0 && !answers && !addresses ? 1 : 0;
  out[offset + 15] = cLatest ? 1 : 0;
  out[offset + 16] = c.signals.ack ? 1 : 0;
  out[offset + 17] = !same && sender.partner === cSender ? 1 : 0;
  out[offset + 18] = sender.conversation === c.conversation ? 1 : 0;
}

/** A 32-bit signature of a message's words: two messages with no bit in common share no word. */
export function wordBits(wordIds: Int32Array): number {
  let bits = 0;
  for (let i = 0; i < wordIds.length; i++) bits |= 1 << (wordIds[i]! & 31);
  return bits;
}

/** The idf-weighted norm of a message's words, for {@link sharedWords}. */
export function wordNorm(wordIds: Int32Array, room: RoomView): number {
  let norm = 0;
  for (let i = 0; i < wordIds.length; i++) norm += room.idf(wordIds[i]!);
  return norm;
}

/** Writes the start features of m into `out` at `offset`. */
export function writeStartFeatures(out: Float64Array, offset: number, m: Entry, previous: Entry | undefined, ownLast: Entry | undefined): void {
  const base = offset + PAIR_FEATURES.length;
  out[base] = 1;
  out[base + 1] = m.addressing.leading.length > 0 ? 1 : 0;
  out[base + 2] = m.signals.question ? 1 : 0;
  out[base + 3] = m.signals.opener ? 1 : 0;
  out[base + 4] = ownLast === undefined ? 1 : 0;
  out[base + 5] = Math.log1p(minutesSince(m, ownLast));
  out[base + 6] = Math.log1p(m.signals.length);
  out[base + 7] = m.signals.ack ? 1 : 0;
  out[base + 8] = Math.log1p(minutesSince(m, previous));
}

/** Minutes from an earlier message to m, at most a day (a day when there is none). No closure: this runs per message. */
function minutesSince(m: Entry, from: Entry | undefined): number {
  return from === undefined ? 24 * 60 : Math.min(24 * 60, Math.max(0, (m.message.ts - from.message.ts) / 60_000));
}

/** Rare words in common: an idf-weighted cosine of the two word sets. */
function sharedWords(m: Entry, c: Entry, room: RoomView): number {
  if ((m.wordBits & c.wordBits) === 0) return 0;
  const a = m.wordIds;
  const b = c.wordIds;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared += room.idf(a[i]!);
      i++;
      j++;
    }
  }
  const norms = m.wordNorm * c.wordNorm;
  // As in PairScorer: a first message's norm is 0, and sharing a word with it counts as cosine 1.
  return shared === 0 ? 0 : norms > 0 ? shared / Math.sqrt(norms) : 1;
}

export function sharesAny(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const item of a) if (b.has(item)) return true;
  return false;
}
