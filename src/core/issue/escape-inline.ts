import { escapeMentions } from './escape-mentions.js';

function escapePunctuation(text: string): string {
  return text
    .replace(/[\\`*_[\]#|~>!]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;');
}

/**
 * One line of plain text (a name, a room, a title) made inert inside markdown: whitespace
 * collapsed, mentions wrapped in code, markdown punctuation elsewhere backslash-escaped, `<` as `&lt;`.
 */
export function escapeInline(text: string): string {
  return escapeMentions(text.replace(/\s+/gu, ' ').trim(), escapePunctuation);
}
