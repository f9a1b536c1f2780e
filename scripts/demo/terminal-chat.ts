import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { messageLine, renderSay } from './plain-chat.js';

export interface TerminalChat {
  /** Prints what the bot said, above the prompt. */
  show(botLine: string): void;
  /** Prints a note (not chat), above the prompt. */
  note(text: string): void;
  /** Resolves on Ctrl-D, Ctrl-C or the end of piped input. */
  closed: Promise<void>;
  close(): void;
}

/**
 * Plain lines typed in a terminal become chat messages from `member`, handed to `send` as stdio
 * JSON Lines; with piped input the same, without a prompt.
 */
export function startTerminalChat(options: {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
  member: { id: string; name: string };
  send: (jsonLine: string) => void;
}): TerminalChat {
  const { input, output, member } = options;
  const tty = input.isTTY === true && output.isTTY === true;
  const rl = createInterface({ input, output, terminal: tty, prompt: `${member.name} › ` });
  let count = 0;
  rl.on('line', (text) => {
    // The ids only need to be unique within the run: every demo starts on an empty database.
    if (text.trim() !== '') options.send(messageLine(text, `demo-${++count}`, member));
    if (tty) rl.prompt();
  });
  // In raw mode Ctrl-C arrives as a key, not a signal: end the demo as Ctrl-D does.
  rl.on('SIGINT', () => rl.close());
  let open = true;
  const closed = new Promise<void>((resolve) => rl.on('close', () => ((open = false), resolve())));
  const print = (text: string): void => {
    if (!tty || !open) return void output.write(`${text}\n`);
    clearLine(output, 0);
    cursorTo(output, 0);
    output.write(`${text}\n`);
    rl.prompt(true);
  };
  if (tty) rl.prompt();
  return {
    show: (botLine) => {
      const text = renderSay(botLine);
      if (text !== undefined) print(text);
    },
    note: print,
    closed,
    close: () => rl.close(),
  };
}
