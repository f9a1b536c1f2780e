/**
 * Words that carry no intent in a chat question: particles, greetings, politeness. Negations
 * (不, 没) and question words (怎么, 为什么, what, why) are kept: they change the question.
 */
export const DEFAULT_STOP_WORDS: readonly string[] = [
  '的', '了', '吗', '呢', '吧', '啊', '呀', '哦', '嘛', '哈', '啦', '么', '呗', '哇', '喔', '噢', '哎',
  '嗯', '之', '着', '过', '地', '得', '和', '与', '及', '或', '也', '就', '都', '又', '还', '很', '在',
  '请问', '请教', '问下', '问一下', '一下', '大家', '各位', '谢谢', '多谢', '感谢', '麻烦', '求助',
  '求解', '求', '大神', '大佬', '你好', '您好', '有人', '有谁', '谁知道', '急', '在线等',
  'the', 'a', 'an', 'is', 'are', 'am', 'be', 'to', 'of', 'in', 'on', 'at', 'and', 'or', 'for',
  'it', 'this', 'that', 'i', 'me', 'my', 'we', 'you', 'please', 'pls', 'hi', 'hello', 'thanks',
  'thank', 'do', 'does', 'did', 'there', 'any', 'anyone', 'some', 'so',
];
