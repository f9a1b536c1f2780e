import { describe, expect, it } from 'vitest';
import { isWordToken, latinWords, normalizeText, splitScripts } from '../../src/search/normalize.js';

describe('normalizeText', () => {
  it('folds full-width letters, digits and punctuation to half-width and lower-cases', () => {
    expect(normalizeText('ＡＢＣ１２３，Ｈｅｌｌｏ！？')).toBe('abc123,hello!?');
  });

  it('collapses whitespace, the ideographic space included', () => {
    expect(normalizeText('  配置\u3000文件 \n 在哪  ')).toBe('配置 文件 在哪');
  });
});

describe('splitScripts and latinWords', () => {
  it('keeps tech names whole and splits Chinese from Latin runs', () => {
    const runs = splitScripts('我的node.js 20装不上c++扩展');
    expect(runs).toEqual([
      { latin: false, text: '我的' },
      { latin: true, text: 'node.js 20' },
      { latin: false, text: '装不上' },
      { latin: true, text: 'c++' },
      { latin: false, text: '扩展' },
    ]);
    expect(latinWords('node.js 20, python3.10. c# ')).toEqual(['node.js', '20', 'python3.10', 'c#']);
  });

  it('tells words from punctuation', () => {
    expect(['安装', 'v2', '?', '，', ' '].map(isWordToken)).toEqual([true, true, false, false, false]);
  });
});

describe('English contractions', () => {
  it('keeps them whole, with typographic apostrophes folded', () => {
    expect(latinWords(normalizeText('I can’t log in, don\'t know why'))).toEqual(['i', "can't", 'log', 'in', "don't", 'know', 'why']);
  });
});
