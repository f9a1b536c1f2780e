import { foldForMatching } from '../text/fold-for-matching.js';

const ZH = /[？?]|[吗呢嘛么]\s*[。！!~～…]*$|怎么|怎样|如何|为什么|为啥|能不能|可不可以|可以不|有没有|是不是|哪里|哪儿|哪个|什么|多少|几时|咋|请问|求助|求教/;
const EN = /\?|^(how|why|what|when|where|which|who|can|could|does|do|is|are|should|will|would|any(one|body)?)\b/i;

/** Whether a chat message asks something: only questions may get an FAQ answer in a group. */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 3 || trimmed.length > 500) return false;
  return ZH.test(foldForMatching(trimmed)) || EN.test(trimmed);
}
