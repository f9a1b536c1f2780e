import type { Locale } from '../types.js';
import { messages, type MessageKey } from './messages.js';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const table = messages[locale];
  return (key, params = {}) => table[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}
