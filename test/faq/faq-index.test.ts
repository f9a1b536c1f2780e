import { beforeAll, describe, expect, it } from 'vitest';
import { createFaqIndex, decide, DEFAULT_FAQ_SETTINGS, type FaqIndex } from '../../src/core/faq/index.js';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.js';
import { createSegmenter } from '../../src/search/segment.js';
import { OSS_KB } from './oss-kb.js';

let index: FaqIndex;

beforeAll(() => {
  index = createFaqIndex({ segmenter: createJiebaSegmenter() });
  for (const entry of OSS_KB) index.add(entry);
});

const top = (text: string) => index.search(text)[0];
const answer = (text: string) => decide(index.search(text), DEFAULT_FAQ_SETTINGS)?.id ?? null;

describe('createFaqIndex: finding the entry', () => {
  it('answers a question asked again with other particles, punctuation and synonyms', () => {
    expect(answer('请问怎么安装OSSChat呢？')).toBe('install');
    expect(answer('如何安装 ossChat')).toBe('install');
    expect(answer('为什么机器人不回复？')).toBe('bot-silent');
  });

  it('ranks a reworded paraphrase first', () => {
    expect(top('OSSChat 要怎样安装')?.id).toBe('install');
    expect(top('怎么把群和仓库绑定起来')?.id).toBe('bind-repo');
    expect(top('how can I install OSSChat on linux')?.id).toBe('en-install');
    expect(top('where should I put the github token')?.id).toBe('en-token');
  });

  it('rescues typos through character n-grams', () => {
    expect(top('微信扫码登陆失败怎么半')?.id).toBe('wechat-login');
    expect(top('配制文件放在哪里')?.id).toBe('config-file');
  });

  it('maps synonyms to one form: 为啥 = 为什么, 登陆 = 登录, 如何 = 怎么', () => {
    expect(top('为啥机器人不回复')?.score).toBe(1);
    expect(top('微信扫码登陆失败怎么办')?.score).toBe(1);
    expect(top('如何在群里开工单')?.score).toBe(1);
  });

});

describe('createFaqIndex: normalising and staying silent', () => {
  it('ignores stop words and folds full-width forms', () => {
    expect(top('请问大家一下，配置文件放在哪里呀')).toMatchObject({ id: 'config-file', score: 1 });
    expect(top('需要什么版本的ＮＯＤＥ．ＪＳ？')).toMatchObject({ id: 'node-version', score: 1 });
  });

  it('stays silent on unrelated questions and on statements', () => {
    for (const text of ['今天晚上吃什么', '周末去哪里玩', '支持 MySQL 吗？', '我已经安装好了 OSSChat', 'what is the weather like']) {
      expect(answer(text), text).toBeNull();
    }
    expect(top('今天晚上吃什么')?.score ?? 0).toBeLessThan(0.3);
  });

  it('returns nothing for text without words', () => {
    expect(index.search('？？！ ，')).toEqual([]);
  });
});

describe('createFaqIndex: results', () => {
  it('returns scores in [0, 1], best first, one candidate per entry, at most k', () => {
    const results = index.search('怎么安装配置 OSSChat 数据库', 10);
    expect(results.length).toBeGreaterThan(3);
    expect(results.length).toBeLessThanOrEqual(10);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    for (const [i, r] of results.entries()) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(r.score).toBeLessThanOrEqual(results[i - 1]!.score);
    }
    expect(index.search('怎么安装配置 OSSChat 数据库', 2)).toHaveLength(2);
  });

  it('reports the paraphrase that matched and the entry answer', () => {
    expect(top('有没有 Docker 镜像')).toMatchObject({ id: 'docker', question: '有没有 Docker 镜像', answer: '有，见 docker/README.md。' });
  });

  it('lowers an entry by its penalty', () => {
    const penalised = createFaqIndex({ segmenter: createJiebaSegmenter() });
    penalised.add({ ...OSS_KB[0]!, penalty: 0.2 });
    expect(penalised.search('怎么安装 OSSChat')[0]?.score).toBeCloseTo(0.8, 5);
  });
});

describe('createFaqIndex: changes', () => {
  it('removes an entry, and replaces one added again under the same id', () => {
    const kb = createFaqIndex({ segmenter: createJiebaSegmenter() });
    for (const entry of OSS_KB) kb.add(entry);
    expect(kb.size).toBe(OSS_KB.length);
    expect(kb.remove('docker')).toBe(true);
    expect(kb.remove('docker')).toBe(false);
    expect(kb.size).toBe(OSS_KB.length - 1);
    expect(kb.search('有没有 Docker 镜像').map((r) => r.id)).not.toContain('docker');
    kb.add({ id: 'license', questions: ['可以商用吗'], answer: '可以。' });
    expect(kb.size).toBe(OSS_KB.length - 1);
    expect(kb.get('license')?.answer).toBe('可以。');
    expect(kb.search('这个项目用什么开源协议')[0]?.id).not.toBe('license');
    expect(kb.search('可以商用吗')[0]).toMatchObject({ id: 'license', score: 1 });
  });

  it('stays consistent after many removals (posting lists are compacted)', () => {
    const kb = createFaqIndex({ segmenter: createJiebaSegmenter() });
    for (let i = 0; i < 200; i++) kb.add({ id: `e${i}`, questions: [`第${i}号问题怎么安装插件${i}`], answer: `a${i}` });
    for (let i = 0; i < 190; i++) kb.remove(`e${i}`);
    expect(kb.size).toBe(10);
    const ids = kb.search('怎么安装插件', 20).map((r) => r.id);
    expect(ids).toHaveLength(10);
    expect(ids.every((id) => Number(id.slice(1)) >= 190)).toBe(true);
  });

  it('works with any segmenter, e.g. the character fallback', () => {
    const kb = createFaqIndex({ segmenter: createSegmenter(), synonyms: [], stopWords: [] });
    for (const entry of OSS_KB) kb.add(entry);
    expect(kb.search('配置文件放在哪里？')[0]).toMatchObject({ id: 'config-file', score: 1 });
  });
});
