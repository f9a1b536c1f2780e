/**
 * Starter table of interchangeable words, canonical form first. General Chinese question words
 * and the vocabulary of software help; deliberately conservative: words that are only sometimes
 * the same (手机/电话, 删除/卸载) are left apart, because a false match is worse than a miss.
 */
export const DEFAULT_SYNONYMS: readonly (readonly string[])[] = [
  ['怎么', '怎样', '如何', '咋', '怎么着', '怎生'],
  ['怎么样', '咋样', '怎样样'],
  ['为什么', '为啥', '为何', '干嘛', '干吗'],
  ['什么', '啥', '什么样', '啥样'],
  ['哪里', '哪儿', '在哪', '在哪儿', '在哪里', '何处'],
  ['哪个', '哪一个', '哪家'],
  ['什么时候', '何时', '啥时候', '几时'],
  ['能', '可以', '能够', '可', '能否'],
  ['不能', '无法', '不可以', '不了', '没法', '没办法', '不能够', '不行'],
  ['是否', '是不是'],
  ['有没有', '有无', '是否有'],
  ['区别', '差别', '差异', '不同', '分别'],
  ['意思', '含义', '意味着'],
  ['现在', '目前', '当前', '如今'],
  ['知道', '晓得'],
  ['使用', '用', '利用'],
  ['安装', '装', '安上'],
  ['卸载', '卸掉'],
  ['报错', '出错', '错误', '异常', '出现错误', 'error', 'err', 'exception'],
  ['打不开', '无法打开', '打开不了', '不能打开'],
  ['登录', '登陆', '登入', '登錄', 'login', 'signin'],
  ['注册', '註冊', 'signup'],
  ['账号', '帐号', '账户', '帐户', 'account'],
  ['密码', 'password', 'passwd'],
  ['设置', '配置', '设定', 'config', 'configuration', 'settings'],
  ['文档', '说明文档', '文件说明', 'docs', 'doc', 'documentation'],
  ['仓库', '代码库', '代码仓库', 'repo', 'repository'],
  ['软件', '应用', '应用程序', 'app', 'application'],
  ['电脑', '计算机', 'pc'],
  ['手机号', '手机号码', '电话号码', '电话号'],
  ['图片', '照片', '相片', 'image', 'picture'],
  ['价格', '多少钱', '价钱', '售价', 'price'],
  ['下载', 'download'],
  ['更新', '升级', 'update', 'upgrade'],
  ['版本', 'version'],
  ['javascript', 'js'],
  ['typescript', 'ts'],
  ['python', 'py'],
  ['kubernetes', 'k8s'],
  ['database', 'db', '数据库'],
  ['macos', 'mac', 'osx'],
  ['windows', 'win'],
  ['cannot', "can't", 'unable'],
];

type SequenceRule = { tokens: string[]; canonical: string };
type Segment = (text: string) => string[];

function addRule(rules: Map<string, SequenceRule[]>, tokens: string[], canonical: string): void {
  const first = tokens[0];
  if (first === undefined) return;
  const list = rules.get(first) ?? [];
  list.push({ tokens, canonical });
  rules.set(first, list);
}

/** Each synonym's canonical form; groups sharing a word are merged (user groups extend ours). */
function canonicalForms(groups: readonly (readonly string[])[], segment: Segment): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (word: string): string => {
    let root = word;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    return root;
  };
  for (const group of groups) {
    const words = group.map((word) => segment(word).join('')).filter((word) => word !== '');
    for (const word of words) if (!parent.has(word)) parent.set(word, word);
    const [first, ...rest] = words.map(find);
    for (const root of rest) if (first !== undefined) parent.set(root, first);
  }
  return new Map([...parent.keys()].map((word) => [word, find(word)]));
}

/** Rules keyed by their first token, longest sequences first; a stop word's canonical is ''. */
function buildRules(groups: readonly (readonly string[])[], stopWords: Iterable<string>, segment: Segment): Map<string, SequenceRule[]> {
  const rules = new Map<string, SequenceRule[]>();
  const forms = canonicalForms(groups, segment);
  for (const group of groups) {
    for (const variant of group) {
      const tokens = segment(variant);
      addRule(rules, tokens, forms.get(tokens.join('')) ?? '');
    }
  }
  for (const word of stopWords) addRule(rules, segment(word), '');
  for (const list of rules.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return rules;
}

function matchesAt(tokens: readonly string[], at: number, rule: SequenceRule): boolean {
  return rule.tokens.every((token, offset) => tokens[at + offset] === token);
}

/**
 * Returns a function that maps each synonym to its group's canonical form and drops stop words.
 * Both are segmented with the text's segmenter, so a phrase cut into words matches as a sequence.
 */
export function createTokenMapper(
  groups: readonly (readonly string[])[],
  stopWords: Iterable<string>,
  segment: Segment,
): (tokens: readonly string[]) => string[] {
  const rules = buildRules(groups, stopWords, segment);
  return (tokens) => {
    const out: string[] = [];
    for (let at = 0; at < tokens.length; ) {
      const token = tokens[at] as string;
      const rule = rules.get(token)?.find((candidate) => matchesAt(tokens, at, candidate));
      const mapped = rule?.canonical ?? token;
      if (mapped !== '') out.push(mapped);
      at += rule?.tokens.length ?? 1;
    }
    return out;
  };
}
