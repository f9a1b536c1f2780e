import { expect, vi } from 'vitest';
import { WechatyBuilder } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { ChatEventHandler } from '../../src/chat/chat-adapter.js';
import { createWechatyAdapter } from '../../src/chat/wechaty/wechaty-adapter.js';

/** A Wechaty adapter over wechaty-puppet-mock, with the bot's own contact; not started. */
export function mockWechat() {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const adapter = createWechatyAdapter({ wechaty: WechatyBuilder.build({ puppet }) });
  const self = mocker.createContact({ name: 'OSSChat' });
  /** Starts the adapter with `handler` and logs the bot in (the mock never emits `ready` by itself). */
  const start = async (handler: ChatEventHandler) => {
    await adapter.start(handler);
    mocker.login(self);
    puppet.emit('ready', { data: 'mock' });
    await vi.waitFor(() => expect(adapter.state).toBe('ready'));
  };
  return { mocker, puppet, adapter, self, start };
}
