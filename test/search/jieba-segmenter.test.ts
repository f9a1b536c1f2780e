import { describe, expect, it } from 'vitest';
import { createJiebaSegmenter } from '../../src/search/jieba-segmenter.js';
import { createSegmenter } from '../../src/search/segment.js';

describe('createJiebaSegmenter', () => {
  const segmenter = createJiebaSegmenter();

  it('keeps the domain words whole', () => {
    expect(segmenter.segment('以上五条开工单')).toContain('开工单');
    expect(segmenter.segment('微信群里怎么开工单？')).toEqual(['微信群', '里', '怎么', '开工单']);
  });

  it('does not let an added word swallow a longer common one', () => {
    expect(segmenter.segment('开工单位在哪')).toEqual(['开工', '单位', '在', '哪']);
  });

  it('adds extra words to the dictionary', () => {
    expect(segmenter.segment('怎么看群公告栏')).not.toContain('群公告栏');
    expect(createJiebaSegmenter(['群公告栏']).segment('怎么看群公告栏')).toContain('群公告栏');
  });

  it('lower-cases Latin words, keeps tech names whole and folds full-width forms', () => {
    expect(segmenter.segment('我的Node.js 20装不上')).toEqual(expect.arrayContaining(['node.js', '20']));
    expect(segmenter.segment('ＡＢＣ１２３ Hello，World！')).toEqual(['abc123', 'hello', 'world']);
  });

  it('drops punctuation and spaces', () => {
    expect(segmenter.segment('？？ ，。！')).toEqual([]);
  });
});

describe('createSegmenter without a cutter', () => {
  it('splits Chinese into characters and keeps Latin words', () => {
    expect(createSegmenter().segment('装Docker镜像！')).toEqual(['装', 'docker', '镜', '像']);
  });
});
