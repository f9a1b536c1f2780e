import type { IssueCategory } from '../services.js';

const TAGS: Readonly<Record<string, IssueCategory>> = {
  缺陷: 'bug', 错误: 'bug', bug: 'bug',
  需求: 'feature', 功能: 'feature', feature: 'feature', enhancement: 'feature',
  文档: 'docs', docs: 'docs', doc: 'docs', documentation: 'docs',
  帮助: 'question', 提问: 'question', question: 'question', help: 'question',
};

const LEADING = /^[\s,，]*[#＃]([\p{L}\p{N}_-]+)(?=$|[\s:：,，])/u;
// Not after an ASCII word character, so `C#` or `issue#bug` in a title stay text.
const TRAILING = /(?<![A-Za-z0-9_&])[#＃]([\p{L}\p{N}_-]+)[\s,，]*$/u;

export interface TaggedText {
  /** The text without the category tags, untrimmed. */
  rest: string;
  /** Every category tagged, in no particular order, without repeats. */
  categories: IssueCategory[];
}

function categoryOf(tag: string | undefined): IssueCategory | undefined {
  return tag === undefined ? undefined : TAGS[tag.toLowerCase()];
}

/** Removes known category tags (`#缺陷`, `#bug`…) from the start and the end of a command's tail. */
export function takeCategoryTags(text: string): TaggedText {
  const found = new Set<IssueCategory>();
  let rest = text;
  for (const pattern of [LEADING, TRAILING]) {
    for (let m = pattern.exec(rest); m; m = pattern.exec(rest)) {
      const category = categoryOf(m[1]);
      if (!category) break;
      found.add(category);
      rest = rest.slice(0, m.index) + rest.slice(m.index + m[0].length);
    }
  }
  return { rest, categories: [...found] };
}

/** True for a lone `#word` that is not a known category (and not an issue number like `#12`). */
export function isUnknownTag(text: string): boolean {
  return /^[#＃][^\s\d#＃][^\s]*$/u.test(text.trim());
}
