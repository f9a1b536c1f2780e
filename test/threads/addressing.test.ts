import { describe, expect, it } from 'vitest';
import { NameBook } from '../../src/core/threads/addressing.js';

function book(): NameBook {
  const names = new NameBook();
  for (const [id, name] of [['u1', '张三'], ['u2', 'bob2'], ['u3', 'Matt|'], ['u4', '李四']]) names.learn(id!, name!);
  return names;
}
const recent = new Map([['bob2', 'u2'], ['matt|', 'u3']]);

describe('NameBook', () => {
  it.each([
    ['bob2: try this', 'u2'],
    ['Bob2, try this', 'u2'],
    ['bob: try this', 'u2'],
    ['Matt|: top of the list', 'u3'],
    ['@张三 你试试', 'u1'],
    ['张三 你试试重启', 'u1'],
    ['张三你试试重启', 'u1'],
    ['李四：一致的', 'u4'],
  ])('finds whom %j addresses', (text, id) => {
    expect([...book().read(text, recent).leading]).toEqual([id]);
  });

  it('tells a mention in passing from an address', () => {
    const addressing = book().read('I think bob2 knows, ask @李四 too', recent);
    expect(addressing.leading).toHaveLength(0);
    expect([...addressing.mentioned].sort()).toEqual(['u2', 'u4']);
  });

  it('ignores words that are nobody’s name', () => {
    expect(book().read('the kernel: it panics', recent).mentioned).toHaveLength(0);
  });
});
