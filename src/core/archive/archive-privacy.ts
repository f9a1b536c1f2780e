import type { Store } from '../../store/store.js';
import type { Locale, MessageKind, Room } from '../types.js';
import type { ArchiveMessage } from './archive-types.js';
import { DisplayNames, type NameStyle } from './display-names.js';
import { publicText } from './public-text.js';

export interface PrivacySettings {
  names: NameStyle;
  /** Secret salt of pseudonyms. */
  salt: string;
  localeOf(room: Room): Locale;
}

/** A publishable message as a public page may show it: the author by display name, the text redacted. */
export interface PublicMessage {
  message: ArchiveMessage;
  author: string;
  text: string;
}

/**
 * The public archive's privacy rules, in one place, for every public surface (the archive's pages,
 * its search, the static site and the /report page):
 * - only rooms that opted in (`publicRooms`);
 * - only publishable messages, the store's one rule: people's messages, not commands, not
 *   recalled, sender not opted out (`PUBLISHABLE_MESSAGE`);
 * - people named in the archive's style, opted-out names scrubbed from text (`DisplayNames`);
 * - text sanitized and redacted: phones, e-mails, WeChat ids, ID numbers, secrets (`publicText`).
 */
export class ArchivePrivacy {
  constructor(private readonly store: Store, readonly settings: PrivacySettings) {}

  /** A public room by its number, topic or platform id; undefined for any other room. */
  async publicRoom(ref: string): Promise<Room | undefined> {
    const rooms = await this.store.archive.publicRooms();
    return rooms.find((room) => String(room.id) === ref) ?? rooms.find((room) => room.topic === ref || room.externalId === ref);
  }

  /** The room's name on public pages: its topic, else its number (never the platform's room id). */
  roomName(room: Room): string {
    return room.topic ?? `#${room.id}`;
  }

  /** Display names of everyone who wrote in the room, in the archive's style. */
  async names(room: Room): Promise<DisplayNames> {
    const members = await this.store.archive.members(room.id);
    return new DisplayNames(members, { style: this.settings.names, salt: this.settings.salt, locale: this.settings.localeOf(room) });
  }

  /** A message's text as public pages show it. */
  text(kind: MessageKind, text: string, names: DisplayNames, locale: Locale): string {
    return publicText(kind, text, names, locale);
  }

  /** Every publishable message of a public room in time order, as public pages show it, in pages. */
  async *history(room: Room, pageSize?: number): AsyncIterable<PublicMessage[]> {
    if (!(await this.publicRoom(String(room.id)))) return;
    const names = await this.names(room);
    const locale = this.settings.localeOf(room);
    for await (const page of this.store.archive.historyPages(room.id, pageSize)) {
      yield page.map((message) => ({ message, author: names.of(message.senderId), text: this.text(message.kind, message.text, names, locale) }));
    }
  }
}
