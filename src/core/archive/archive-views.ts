import type { Locale } from '../types.js';
import type { ArchiveIssue } from './archive-types.js';

/** A public room as pages name it. */
export interface RoomView {
  id: number;
  name: string;
  locale: Locale;
}

export interface MessageView {
  id: number;
  author: string;
  text: string;
  ts: Date;
  edited: boolean;
  /** Id of the earlier message (in this page) it answers, when shown. */
  answers?: number;
}

/** Messages on one page of a conversation: a page stays small however long the conversation grew. */
export const CONVERSATION_PAGE_SIZE = 200;

/** How many pages a conversation of `count` publishable messages takes (at least one). */
export function conversationPages(count: number): number {
  return Math.max(1, Math.ceil(count / CONVERSATION_PAGE_SIZE));
}

export interface ConversationView {
  room: RoomView;
  /** Stable number in the URL. */
  number: number;
  /** This page (1 is the conversation's own address) and how many there are. */
  page: number;
  pages: number;
  title: string;
  description: string;
  day: string;
  startedAt: Date;
  lastAt: Date;
  /** This page's messages. */
  messages: MessageView[];
  issues: ArchiveIssue[];
}

/** A conversation as an index or feed lists it: its view without the messages, and how many there are. */
export type ConversationItem = Pick<ConversationView, 'number' | 'title' | 'description' | 'day' | 'startedAt' | 'lastAt'> & { count: number };

export interface DayCount {
  day: string;
  conversations: number;
  messages: number;
}

export interface RoomIndexView {
  room: RoomView;
  days: DayCount[];
  /** The newest conversations, newest first. */
  latest: ConversationItem[];
}

export interface DayView {
  room: RoomView;
  day: string;
  conversations: ConversationItem[];
  previous?: string;
  next?: string;
}

export interface SearchResultView {
  room: RoomView;
  conversation: number;
  title: string;
  author: string;
  ts: Date;
  /** The matching message, shortened around the first match. */
  snippet: string;
  terms: string[];
}

export interface SearchView {
  query: string;
  locale: Locale;
  room?: RoomView;
  results: SearchResultView[];
  page: number;
  more: boolean;
}

/** YYYY-MM-DD of an instant in a time zone. */
export function dayOf(date: Date, timeZone: string): string {
  let format = DAY_FORMATS.get(timeZone);
  if (!format) DAY_FORMATS.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(date);
}

// Building a formatter costs far more than using one: one per zone for the life of the process.
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();
