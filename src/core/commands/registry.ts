import type { Command } from './command.js';

/** The command table. Each feature adds its rows here (chat → issue, subscriptions, FAQ admin…). */
export const commands: readonly Command<any>[] = [];
