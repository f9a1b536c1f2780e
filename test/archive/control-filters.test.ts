import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/core/archive/public-text.js';
import { cleanLabel } from '../../src/core/text/strip-controls.js';

/** Every code point but the surrogates, as a one-character string. */
function* everyCharacter(): Generator<string> {
  for (let code = 0; code <= 0x10ffff; code++) if (code < 0xd800 || code > 0xdfff) yield String.fromCodePoint(code);
}

/** What the archive dropped from message text before it shared the definition: its output must not change. */
const ARCHIVE_DROPPED = /^(?:[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f])$/;

describe('one definition of the characters that may not pass', () => {
  it('the archive drops from message text exactly what it dropped before (tab, newline and zero-width joiners stay)', () => {
    const changed = [...everyCharacter()].filter((c) => (sanitizeText(`a${c}b`) === 'ab') !== ARCHIVE_DROPPED.test(c) || (sanitizeText(`a${c}b`) !== 'ab' && sanitizeText(`a${c}b`) !== `a${c}b`));
    expect(changed.map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
    expect(sanitizeText('👨\u200d👩\u200d👧 a\tb\nc\u200cd')).toBe('👨\u200d👩\u200d👧 a\tb\nc\u200cd');
  });

  it('every character the archive drops from a message, cleanLabel drops from a name or topic too', () => {
    const leaked = [...everyCharacter()].filter((c) => sanitizeText(c) === '' && cleanLabel(`a${c}b`).includes(c));
    expect(leaked.map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
  });

  it('an override, isolate or mark in a message or a name cannot reorder what follows it', () => {
    const spoof = 'Alice\u202e\u2066gnp.exe\u2069\u200f';
    expect(sanitizeText(spoof)).toBe('Alicegnp.exe');
    expect(cleanLabel(spoof)).toBe('Alicegnp.exe');
  });
});
