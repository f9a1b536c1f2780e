import { DEFAULT_STOP_WORDS } from '../faq/stop-words.js';

/**
 * Words too common in chat to be a topic: the FAQ's stop words plus pronouns, question words,
 * connectives and chat fillers, which the FAQ keeps because they change a question's meaning.
 */
const CHAT_FILLERS: readonly string[] = [
  '我', '你', '他', '她', '它', '我们', '你们', '他们', '她们', '咱们', '自己', '这', '那', '这个', '那个',
  '这些', '那些', '这样', '那样', '这么', '那么', '这里', '那里', '什么', '怎么', '怎么样', '为什么', '为啥',
  '如何', '哪里', '哪个', '多少', '是', '不', '没', '有', '在', '要', '会', '能', '说', '去', '来', '到', '给',
  '可以', '没有', '不是', '就是', '还是', '但是', '因为', '所以', '如果', '然后', '已经', '现在', '一个', '一些',
  '知道', '觉得', '应该', '需要', '可能', '看看', '好像', '感觉', '还有', '不会', '不能', '是不是', '有没有', '能不能',
  '哈哈', '哈哈哈', '哈哈哈哈', '嗯嗯', '好的', '好吧', '收到', '是的', '对的', '对', '好', '行', '试试', '一样', '时候',
  '问题', '今天', '明天', '昨天', '东西', '比较', '其实', '只是', '而且', '或者', '不过', '怎么办', '一起', '出来',
  'what', 'how', 'why', 'when', 'where', 'which', 'who', 'can', 'could', 'would', 'should', 'will', 'with',
  'from', 'have', 'has', 'had', 'was', 'were', 'been', 'but', 'not', 'no', 'yes', 'just', 'like', 'get', 'got',
  'also', 'about', 'if', 'then', 'than', 'them', 'your', 'our', 'their', 'its', 'all', 'one', 'he', 'she',
  'they', 'us', 'him', 'her', 'as', 'by', 'up', 'out', 'now', 'more', 'very', 'ok', 'okay', 'yeah', 'lol',
  'im', "i'm", "it's", 'dont', "don't", 'cant', "can't", 'think', 'know', 'see', 'here', 'still', 'too', 'only',
  'use', 'using', 'need', 'want', 'try', 'way', 'same', 'other', 'into', 'over', 'after', 'before', 'again',
  'http', 'https', 'www', 'com',
];

export const KEYWORD_STOP_WORDS: ReadonlySet<string> = new Set([...DEFAULT_STOP_WORDS, ...CHAT_FILLERS]);
