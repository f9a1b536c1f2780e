import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/core/faq/analyzer.js';
import { QuestionClusterer } from '../../src/core/analytics/question-clusterer.js';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.js';

const analyzer = createAnalyzer({ segmenter: createJiebaSegmenter() });

function clusterOf(questions: string[]): Map<string, number | undefined> {
  const clusterer = new QuestionClusterer(analyzer);
  return new Map(questions.map((question) => [question, clusterer.add(question)]));
}

describe('question clustering', () => {
  const install = ['怎么安装 OSSChat？', '如何安装OSSChat', 'OSSChat 怎样安装？', 'how to install osschat?'];
  const postgres = ['支持 PostgreSQL 吗？', '是否支持postgresql？', 'PostgreSQL 支持吗'];
  const bind = ['怎么绑定仓库？', '如何绑定 GitHub 仓库？'];
  const apart = ['怎么卸载 OSSChat？', '为什么机器人不回复？', '不能安装 OSSChat 怎么办', 'Docker 镜像在哪里下载？'];

  it('groups paraphrases of one question', () => {
    const ids = clusterOf([...install, ...postgres, ...bind, ...apart]);
    for (const group of [install.slice(0, 3), postgres, bind]) expect(new Set(group.map((q) => ids.get(q))).size).toBe(1);
  });

  it('keeps different questions apart, negated ones included', () => {
    const ids = clusterOf([...install, ...postgres, ...bind, ...apart]);
    const heads = [install[0]!, postgres[0]!, bind[0]!, ...apart].map((q) => ids.get(q));
    expect(new Set(heads).size).toBe(heads.length);
  });

  it('reports clusters asked at least twice, most asked first, with examples and the first answer', () => {
    const clusterer = new QuestionClusterer(analyzer);
    for (const question of [...postgres, ...bind, apart[0]!]) clusterer.add(question);
    clusterer.answer(clusterer.add(bind[0]!)!, '发送「绑定 owner/repo」');
    const repeated = clusterer.repeated(10);
    expect(repeated.map((c) => c.count)).toEqual([3, 3]);
    expect(repeated[0]!.examples).toEqual(postgres);
    expect(repeated[1]).toMatchObject({ examples: bind, answer: '发送「绑定 owner/repo」' });
  });
});
