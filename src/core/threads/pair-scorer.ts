import { type Entry, LOG1P, logMinutes, type RoomView, type SenderView, sharesAny } from './features.js';

/**
 * The score of (m answers c) straight from the entries, without writing the feature row: the
 * same sum as the weights times `writePairFeatures`'s row, term by term in the same order
 * (a feature that is 0 adds nothing, a feature that is 1 adds its weight exactly), so the
 * engine's choices are bit for bit those of the row-by-row product. Prepared once per message:
 * an inverted index of the window's words gives every candidate its shared-word sum at once,
 * instead of merging m's words with each candidate's.
 */
export class PairScorer {
  private readonly weights: Float64Array;
  /** Per word number, the room positions of the recent messages that have it, ascending (an inverted index over the window). */
  private readonly postings: number[][] = [];
  /** Per candidate row (0 = the message right before m), the idf of the words it shares with m, summed. */
  private shared = new Float64Array(64);
  private readonly window: number;
  private mSender = '';
  private mTs = 0;
  private mIndex = 0;
  private mLeading: readonly string[] = [];
  private mMentioned: readonly string[] = [];
  private mLinks: ReadonlySet<string> | null = null;
  private mWordNorm = 0;
  private latestAddressing: number | undefined;
  private partner: string | undefined;
  private conversation: string | undefined;

  constructor(weights: Float64Array, window: number) {
    this.weights = weights;
    this.window = window;
  }

  /** Adds a placed message to the word index (its words may be shared with the messages that follow). */
  record(entry: Entry): void {
    const ids = entry.wordIds;
    const oldest = entry.index - this.window; // older positions can no longer be candidates
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const list = (this.postings[id] ??= []);
      if (list.length !== 0 && list[0]! < oldest) {
        let keep = 1;
        while (keep < list.length && list[keep]! < oldest) keep++;
        list.splice(0, keep);
      }
      list.push(entry.index);
    }
  }

  /**
   * Reads m and the shared words of its `count` candidates (the messages right before it): m's
   * words ascending, each adding its idf to the candidates that have it, so every candidate's
   * sum adds up in the order a merge of the two sorted word lists would.
   */
  prepare(m: Entry, room: RoomView, sender: SenderView, count: number): void {
    this.mSender = m.senderId;
    this.mTs = m.ts;
    this.mIndex = m.index;
    this.mLeading = m.leading;
    this.mMentioned = m.addressing.mentioned;
    this.mLinks = m.links;
    this.mWordNorm = m.wordNorm;
    this.latestAddressing = sender.latestAddressing;
    this.partner = sender.partner;
    this.conversation = sender.conversation;
    if (this.shared.length < count) this.shared = new Float64Array(count * 2);
    const shared = this.shared;
    shared.fill(0, 0, count);
    const ids = m.wordIds;
    const newest = m.index - 1;
    const oldest = m.index - count;
    for (let i = 0; i < ids.length; i++) {
      const list = this.postings[ids[i]!];
      if (list === undefined) continue;
      let k = list.length - 1;
      if (k < 0 || list[k]! < oldest) continue;
      const idf = room.idf(ids[i]!);
      for (; k >= 0; k--) {
        const at = list[k]!;
        if (at < oldest) break;
        shared[newest - at] = shared[newest - at]! + idf;
      }
    }
  }

  score(c: Entry): number {
    const w = this.weights;
    const mSender = this.mSender;
    const cSender = c.senderId;
    const cLatest = !c.superseded;
    const cLeading = c.leading;
    const mLeading = this.mLeading;
    const addresses = mLeading.length !== 0 && mLeading.includes(cSender);
    const answers = cLeading.length !== 0 && cLeading.includes(mSender);
    const distance = this.mIndex - c.index;
    const minutes = Math.max(0, (this.mTs - c.ts) / 60_000);
    const same = mSender === cSender;
    let score = 0;
    if (addresses) {
      score += w[0]!;
      if (cLatest) score += w[1]!;
    } else if (this.mMentioned.length !== 0 && this.mMentioned.includes(cSender)) score += w[2]!;
    if (answers) score += w[3]!;
    if (this.latestAddressing === c.index) score += w[4]!;
    if (same) {
      score += w[5]!;
      if (cLatest) score += w[6]!;
    }
    if (distance === 1) score += w[7]!;
    score += w[8]! * (distance < LOG1P.length ? LOG1P[distance]! : Math.log1p(distance));
    score += w[9]! * logMinutes(minutes);
    if (c.question && !same) score += w[10]!;
    const sharedIdf = this.shared[this.mIndex - 1 - c.index]!;
    // A room's first message has a word norm of 0 (its words had no weight yet): sharing a word with it
    // counts as the most alike a pair can be (cosine 1), not infinitely alike.
    const norms = this.mWordNorm * c.wordNorm;
    if (sharedIdf !== 0) score += w[11]! * (norms > 0 ? sharedIdf / Math.sqrt(norms) : 1);
    if (this.mLinks !== null && c.links !== null && sharesAny(this.mLinks, c.links)) score += w[12]!;
    if (mLeading.length > 0 && !addresses) score += w[13]!;
    if (cLeading.length > 0 && !answers && !addresses) score += w[14]!;
    if (cLatest) score += w[15]!;
    if (c.ack) score += w[16]!;
    if (!same && this.partner === cSender) score += w[17]!;
    if (this.conversation === c.conversation) score += w[18]!;
    return score;
  }
}
