import { cleanLabel } from '../text/strip-controls.js';
import { defuseAutolinks } from './defuse-autolinks.js';

function escapePunctuation(text: string): string {
  return text
    .replace(/[\\`*_[\]#|~>!]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;');
}

/**
 * One line of plain text (a name, a room, a title) made inert inside markdown: invisible and bidi
 * characters dropped and whitespace collapsed ({@link cleanLabel}), mentions, references and GitHub
 * links wrapped in code ({@link defuseAutolinks}), markdown punctuation elsewhere backslash-escaped, `<` as `&lt;`.
 */
export function escapeInline(text: string): string {
  return defuseAutolinks(cleanLabel(text), escapePunctuation);
}
