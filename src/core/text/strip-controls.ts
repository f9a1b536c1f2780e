import { mapMatches } from './map-matches.js';

// An emoji ZWJ sequence (👨‍👩‍👧) or a tag sequence (🏴 + tags: the flag of England): the joiners and tags in them draw one picture.
const EMOJI_SEQUENCE = /\p{Extended_Pictographic}[\u{FE0F}\p{Emoji_Modifier}]*(?:\u200D\p{Extended_Pictographic}[\u{FE0F}\p{Emoji_Modifier}]*)+|\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
// Format characters (bidi marks, embeddings, overrides and isolates, zero-width spaces and joiners, U+FEFF, tags…)
// and the letters that draw nothing (Hangul fillers, the combining grapheme joiner, the blank Braille pattern).
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u2800]/gu;
// Line breaks and other controls: a label is one line.
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}\s]+/gu;
// Anything the two steps below would change: most names and topics have none, and ingest checks every one.
const NEEDS_CLEANING = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u2800\p{Cc}\p{Zl}\p{Zp}]|\s\s|^\s|\s$|[^\S ]/u;
// Explicit embeddings, overrides and isolates: in a message they would reorder what follows them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

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
 * Message text with its explicit bidi embeddings, overrides and isolates shown as `[U+202E]`
 * instead of obeyed: quoted in an issue they could make the rest of the line (or a code line)
 * read in another order than it was written. Marks (LRM, RLM, ALM) and the joiners of emoji
 * and of Arabic or Indic scripts stay: they shape text but cannot reorder a line.
 */
export function revealBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase()}]`);
}
