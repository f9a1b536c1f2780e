import { describe, expect, it } from 'vitest';
import { findCommand } from '../../../src/core/commands/command.js';
import { commands } from '../../../src/core/commands/registry.js';
import { foldForMatching, unfoldStrings } from '../../../src/core/text/fold-for-matching.js';

const classify = (text: string) => findCommand(commands, text, { quoting: false, botNames: ['OSSChat'] });

describe('foldForMatching', () => {
  it('folds Traditional Chinese to Simplified, character for character', () => {
    const cases: [string, string][] = [
      ['以上三條開工單', '以上三条开工单'],
      ['訂閱 wechaty/wechaty', '订阅 wechaty/wechaty'],
      ['幫助', '帮助'],
      ['綁定 octo/hello', '绑定 octo/hello'],
      ['怎麼安裝 OSSChat？', '怎么安装 OSSChat？'],
      ['頭髮乾了，天乾物燥', '头发干了，天干物燥'],
      // Beside a Traditional character, characters both scripts use stay (OpenCC alone: 么 → 幺, 打坏 → 打坯).
      ['這個能用么', '这个能用么'],
      ['這個打坏了', '这个打坏了'],
    ];
    for (const [traditional, simplified] of cases) {
      const folded = foldForMatching(traditional);
      expect(folded).toBe(simplified);
      expect(folded.length).toBe(traditional.length);
    }
  });

  it('leaves Simplified Chinese and text without Han characters as they are', () => {
    // OpenCC maps some characters Simplified Chinese uses too (么 → 幺, 打坏 → 打坯, 吃 → 喫): never here.
    for (const text of ['以上五条开工单', 'npm ci && npm start', '', '🎉 /issue 5', '乾隆年间', '为什么要么这么坏', '打坏了', '台风过后温度低', '吃饭', '上梁不正']) {
      expect(foldForMatching(text)).toBe(text);
    }
  });

  it('puts the characters back in what a parser read from the folded text', () => {
    const original = '以上兩條開工單：安裝失敗 #缺陷';
    const folded = foldForMatching(original);
    expect(unfoldStrings({ ok: true, count: 2, title: '安装失败', tags: ['缺陷'] }, folded, original)).toEqual({ ok: true, count: 2, title: '安裝失敗', tags: ['缺陷'] });
  });
});

describe('commands said in Traditional Chinese', () => {
  it('parse as their Simplified forms, with the title as it was written', () => {
    expect(classify('以上三條開工單')).toMatchObject({ command: { name: 'issue' }, args: { ok: true, count: 3 } });
    expect(classify('以上兩條開工單：安裝失敗')).toMatchObject({ command: { name: 'issue' }, args: { ok: true, count: 2, title: '安裝失敗' } });
    expect(classify('訂閱 octo/hello')).toMatchObject({ command: { name: 'subscribe' }, args: { kind: 'subscribe', repo: 'octo/hello' } });
    expect(classify('幫助')).toMatchObject({ command: { name: 'help' } });
    expect(classify('幫助 開工單')).toMatchObject({ command: { name: 'help' }, args: { topic: '開工單' } });
    expect(classify('綁定 octo/hello')).toMatchObject({ command: { name: 'bind' }, args: { action: 'bind', repo: 'octo/hello' } });
    expect(classify('#12 評論：已經修好了')).toMatchObject({ command: { name: 'comment' }, args: { ok: true, number: 12, text: '已經修好了' } });
  });
});
