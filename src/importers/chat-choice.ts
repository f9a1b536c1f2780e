/** A chat of an export: its platform id and its name. */
export interface ExportChat {
  id: string;
  topic?: string;
}

/** `--room` names no chat of a multi-chat export: the import reads nothing and says which chats exist. */
export class NoSuchChatError extends Error {
  constructor(
    readonly wanted: string,
    readonly chats: string[],
  ) {
    super(`the export has no chat named "${wanted}"; its chats: ${chats.join(', ')}`);
  }
}

/** True when `wanted` is unset or names the chat by name or id. */
export function chatWanted(wanted: string | undefined, chat: ExportChat): boolean {
  return wanted === undefined || wanted === chat.id || wanted === chat.topic;
}

export function chatName(chat: ExportChat): string {
  return chat.topic || chat.id;
}

/**
 * Which chats of an export `--room` reads: every chat when it is unset or the export has one
 * chat (`--room` then names the room that chat goes to), else the chat it names. Throws
 * NoSuchChatError, before anything is read, when it names none of them.
 */
export function chooseChats(wanted: string | undefined, chats: readonly ExportChat[]): (chat: ExportChat) => boolean {
  if (wanted === undefined || chats.length <= 1) return () => true;
  if (!chats.some((chat) => chatWanted(wanted, chat))) throw new NoSuchChatError(wanted, chats.map(chatName));
  return (chat) => chatWanted(wanted, chat);
}
