import { DEMO_ROOM } from './demo-config.js';

/** A line typed in the terminal → one stdio JSON Lines message from `from` in the demo room. */
export function messageLine(text: string, id: string, from: { id: string; name: string }): string {
  return JSON.stringify({ type: 'message', id, room: DEMO_ROOM, from, text });
}

/** What the bot said (a stdio `say` line) as terminal text; undefined for anything else. */
export function renderSay(line: string, botName = 'OSSChat'): string | undefined {
  let say: { type?: unknown; text?: unknown; user?: unknown };
  try {
    say = JSON.parse(line) as typeof say;
  } catch {
    return undefined;
  }
  if (say.type !== 'say' || typeof say.text !== 'string') return undefined;
  const who = typeof say.user === 'string' ? `${botName} (to you only)` : botName;
  // Later lines of a long answer are indented under the first, so the speaker stays clear.
  return `${who} › ${say.text.split('\n').join('\n  ')}`;
}
