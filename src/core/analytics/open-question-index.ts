import type { OpenQuestion, OpenQuestions } from './reply-relation.js';

function addTo<K>(map: Map<K, Set<OpenQuestion>>, key: K, question: OpenQuestion): void {
  const set = map.get(key);
  if (set) set.add(question);
  else map.set(key, new Set([question]));
}

function removeFrom<K>(map: Map<K, Set<OpenQuestion>>, key: K, question: OpenQuestion): void {
  const set = map.get(key);
  set?.delete(question);
  if (set?.size === 0) map.delete(key);
}

/** Open questions in time order, with the indexes `OpenQuestions` promises; closed ones leave every index. */
export class OpenQuestionIndex implements OpenQuestions {
  private readonly queue: OpenQuestion[] = [];
  private head = 0;
  private readonly open = new Set<OpenQuestion>();
  private readonly ids = new Map<string, OpenQuestion>();
  private readonly names = new Map<string, Set<OpenQuestion>>();
  private readonly conversations = new Map<string, Set<OpenQuestion>>();

  add(question: OpenQuestion): void {
    this.queue.push(question);
    this.open.add(question);
    this.ids.set(question.messageId, question);
    addTo(this.names, question.askerName, question);
    if (question.conversationId !== undefined) addTo(this.conversations, question.conversationId, question);
  }

  close(question: OpenQuestion): void {
    if (!this.open.delete(question)) return;
    this.ids.delete(question.messageId);
    removeFrom(this.names, question.askerName, question);
    if (question.conversationId !== undefined) removeFrom(this.conversations, question.conversationId, question);
  }

  /** Closes and returns the open questions asked before `ts`, oldest first. */
  expireBefore(ts: number): OpenQuestion[] {
    const expired: OpenQuestion[] = [];
    while (this.head < this.queue.length && this.queue[this.head]!.ts < ts) {
      const question = this.queue[this.head++]!;
      if (this.open.has(question)) {
        this.close(question);
        expired.push(question);
      }
    }
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return expired;
  }

  /** Every question still open, oldest first. */
  remaining(): OpenQuestion[] {
    return this.queue.slice(this.head).filter((question) => this.open.has(question));
  }

  byMessageId(messageId: string): OpenQuestion | undefined {
    return this.ids.get(messageId);
  }

  byAskerName(name: string): Iterable<OpenQuestion> {
    return this.names.get(name) ?? [];
  }

  byConversation(conversationId: string): Iterable<OpenQuestion> {
    return this.conversations.get(conversationId) ?? [];
  }

  askedSince(ts: number): Iterable<OpenQuestion> {
    const found: OpenQuestion[] = [];
    for (let i = this.queue.length - 1; i >= this.head && this.queue[i]!.ts >= ts; i--) {
      const question = this.queue[i]!;
      if (this.open.has(question)) found.push(question);
    }
    return found;
  }

  askerNames(): Iterable<string> {
    return this.names.keys();
  }
}
