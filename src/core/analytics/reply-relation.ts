import type { AnalyticsMessage } from './analytics-message.js';

/** A question still waiting for its first reply. */
export interface OpenQuestion {
  messageId: string;
  askerId: string;
  askerName: string;
  text: string;
  ts: number;
  conversationId?: string;
  /** Cluster of near-duplicate questions it joined, if any. */
  clusterId?: number;
}

/** The questions waiting for a reply, indexed the ways a reply can point at them. */
export interface OpenQuestions {
  byMessageId(messageId: string): OpenQuestion | undefined;
  byAskerName(name: string): Iterable<OpenQuestion>;
  byConversation(conversationId: string): Iterable<OpenQuestion>;
  /** Questions asked at or after `ts`, newest first. */
  askedSince(ts: number): Iterable<OpenQuestion>;
  askerNames(): Iterable<string>;
}

/**
 * Which open questions a message replies to. Pluggable: the default reads quotes, @-mentions and
 * conversation ids (or, without those, a time window); a threading engine can supply its own.
 */
export interface ReplyRelation {
  /** The open questions `message` is a reply to; never the sender's own. */
  repliesTo(message: AnalyticsMessage, isQuestion: boolean, open: OpenQuestions): OpenQuestion[];
}

const NAME_END = /[\s,，:：]/;

/**
 * A reply is a message by someone else that quotes the question, addresses its asker (`@name`,
 * or the name opening the message), or — within the same conversation when messages carry one,
 * else within `windowMs` — is the next message that is not itself a question.
 */
export function defaultReplyRelation(windowMs = 10 * 60_000): ReplyRelation {
  return {
    repliesTo(message, isQuestion, open) {
      let found: Set<OpenQuestion> | undefined;
      const add = (question: OpenQuestion) => {
        if (question.askerId !== message.senderId) (found ??= new Set()).add(question);
      };
      const quoted = message.replyTo ? open.byMessageId(message.replyTo) : undefined;
      if (quoted) add(quoted);
      for (const name of addressedNames(message.text, open)) for (const question of open.byAskerName(name)) add(question);
      if (message.conversationId !== undefined) {
        for (const question of open.byConversation(message.conversationId)) add(question);
      } else if (!isQuestion) {
        for (const question of open.askedSince(message.ts - windowMs)) if (question.conversationId === undefined) add(question);
      }
      return found ? [...found] : [];
    },
  };
}

const NONE: readonly string[] = [];

function addressedNames(text: string, open: OpenQuestions): readonly string[] {
  if (text.includes('@')) {
    const names: string[] = [];
    for (const name of open.askerNames()) if (name && text.includes(`@${name}`)) names.push(name);
    return names;
  }
  const end = text.search(NAME_END);
  return end > 0 ? [text.slice(0, end)] : NONE;
}
