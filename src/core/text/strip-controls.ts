import { mapMatches } from './map-matches.js';

// An emoji ZWJ sequence (👨‍👩‍👧) or a tag sequence (🏴 + tags: the flag of England): the joiners and tags in them draw one picture.
const EMOJI_SEQUENCE = /\p{Extended_Pictographic}[\u{FE0F}\p{Emoji_Modifier}]*(?:\u200D\p{Extended_Pictographic}[\u{FE0F}\p{Emoji_Modifier}]*)+|\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
// The one list of what may not pass, which every filter below builds from (so none can drift from another):
// explicit embeddings, overrides and isolates, which reorder what follows them;
const BIDI_CONTROL = '\\u202A-\\u202E\\u2066-\\u2069';
// the direction marks (LRM, RLM, ALM), invisible characters that move the neutral ones around them;
const BIDI_MARK = '\\u200E\\u200F\\u061C';
// every format character (the two above, zero-width spaces and joiners, U+FEFF, tags…) and the letters
// that draw nothing (Hangul fillers, the combining grapheme joiner, the blank Braille pattern);
const INVISIBLE_CLASS = '\\p{Cf}\\u034F\\u115F\\u1160\\u3164\\uFFA0\\u2800';
// the C0 and C1 controls, line breaks and tabs included.
const CONTROL = '\\p{Cc}';

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');
// Line breaks and other controls: a label is one line.
const BREAKS = new RegExp(`[${CONTROL}\\p{Zl}\\p{Zp}\\s]+`, 'gu');
// Anything the two steps below would change: most names and topics have none, and ingest checks every one.
const NEEDS_CLEANING = new RegExp(`[${INVISIBLE_CLASS}${CONTROL}\\p{Zl}\\p{Zp}]|\\s\\s|^\\s|\\s$|[^\\S ]`, 'u');
const BIDI_CONTROLS = new RegExp(`[${BIDI_CONTROL}]`, 'gu');
// Message text keeps its line breaks, tabs and the joiners that shape scripts and emoji: only what reorders or is a control goes.
const MESSAGE_CONTROLS = new RegExp(`[${BIDI_CONTROL}${BIDI_MARK}]|(?![\\t\\n])[${CONTROL}]`, 'gu');

/**
 * A name, room topic or title as one clean line: no bidi controls, zero-width or other invisible
 * characters (except the joiners inside emoji sequences), no line breaks or controls, spaces
 * collapsed and trimmed. What was only invisible characters becomes ''.
 */
export function cleanLabel(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  const visible = mapMatches(text, EMOJI_SEQUENCE, (sequence) => sequence, (rest) => rest.replace(INVISIBLE, ''));
  return visible.replace(BREAKS, ' ').trim();
}

/**
 * Message text without bidi controls and marks, nor controls other than tab and newline: what
 * the public archive shows. Every character it drops, {@link cleanLabel} drops too.
 */
export function stripMessageControls(text: string): string {
  return text.replace(MESSAGE_CONTROLS, '');
}

/**
 * Message text with its explicit bidi embeddings, overrides and isolates shown as `[U+202E]`
 * instead of obeyed: quoted in an issue they could make the rest of the line (or a code line)
 * read in another order than it was written. Marks (LRM, RLM, ALM) and the joiners of emoji
 * and of Arabic or Indic scripts stay: they shape text but cannot reorder a line.
 */
export function revealBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase()}]`);
}
