import { describe, expect, it } from 'vitest';
import { createTokenMapper, DEFAULT_SYNONYMS } from '../../src/core/faq/synonyms.js';
import { DEFAULT_STOP_WORDS } from '../../src/core/faq/stop-words.js';

const segment = (text: string): string[] => text.split(' ').filter(Boolean);

describe('createTokenMapper', () => {
  it('maps each variant to its group’s first word and drops stop words', () => {
    const map = createTokenMapper([['怎么', '如何', '怎样'], ['报错', '出错']], ['请问', '吗'], segment);
    expect(map(['请问', '如何', '安装', '出错', '吗'])).toEqual(['怎么', '安装', '报错']);
  });

  it('matches variants cut into several words as sequences, longest first', () => {
    const map = createTokenMapper([['不能', '没 办法'], ['打不开', '无法 打开']], ['谁 知道'], segment);
    expect(map(['谁', '知道', '为什么', '无法', '打开'])).toEqual(['为什么', '打不开']);
    expect(map(['没', '办法', '登录'])).toEqual(['不能', '登录']);
    expect(map(['没', '登录', '知道'])).toEqual(['没', '登录', '知道']);
  });

  it('keeps negations and question words out of the default stop words', () => {
    for (const word of ['不', '没', '怎么', '为什么', 'why', 'how', 'not']) expect(DEFAULT_STOP_WORDS).not.toContain(word);
  });

  it('never puts one word in two default groups', () => {
    const words = DEFAULT_SYNONYMS.flat();
    expect(new Set(words).size).toBe(words.length);
  });
});

describe('createTokenMapper with overlapping groups', () => {
  it('merges groups that share a word, so user groups extend the defaults', () => {
    const map = createTokenMapper([['安装', '装'], ['部署', '安装']], [], segment);
    expect(new Set(map(['装', '安装', '部署'])).size).toBe(1);
  });
});
