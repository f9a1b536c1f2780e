import type { Locale } from '../types.js';

/** Every user-facing sentence, in each locale. `{name}` marks a parameter. */
export const messages = {
  'zh-CN': {
    'command.denied': '抱歉，只有管理员可以使用「{command}」。',
    'command.failed': '抱歉，「{command}」没有完成，请稍后再试。',
  },
  en: {
    'command.denied': 'Sorry, only admins can use "{command}".',
    'command.failed': 'Sorry, "{command}" did not complete; please try again later.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['zh-CN'];
