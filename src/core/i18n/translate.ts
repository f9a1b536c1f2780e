import type { Locale } from '../types.js';
import { messages, type MessageKey } from './messages.js';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Fills `{name}` parameters into a sentence; an unknown `{name}` stays as written. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

export function translator(locale: Locale): Translate {
  const table = messages[locale];
  return (key, params = {}) => fill(table[key], params);
}
