const QUESTION = /[?？]|吗|么|呢|怎么|如何|为什么|为啥|是否|有没有|能不能|可以.*吗|\b(how|why|what|when|where|which|who|does|is there|can i|should)\b/i;
const CHITCHAT = /^(大家好|各位好|你好|您好|hi|hello|hey|在吗|请问|早上好|晚上好|谢谢|多谢|thanks|thank you|ok|好的|嗯|哈+)[!！,.。，~～\s]*$/i;
const MAX = 80;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?；;])|(?<=[a-z0-9)][.!?])\s+|\n+/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part.length > 0);
}

function shorten(text: string, max = MAX): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** A conversation's title: its first question, else its first meaningful sentence (from the first few messages). */
export function conversationTitle(texts: readonly string[], fallback: string): string {
  const raw = texts.slice(0, 5).flatMap(sentences);
  const all = raw.filter((part) => !CHITCHAT.test(part) && !/^\[[\w-]+\]$/.test(part));
  const question = all.find((part) => QUESTION.test(part) && [...part].length >= 4);
  const chosen = question ?? all.find((part) => [...part].length >= 4) ?? raw[0];
  return chosen ? shorten(chosen) : fallback;
}

/** A plain-text summary for <meta name="description"> and feeds. */
export function describe(texts: readonly string[], max = 160): string {
  return shorten(texts.join(' ').replace(/\s+/g, ' ').trim(), max);
}
