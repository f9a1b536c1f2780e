import type { FixtureRoom } from './archive-fixture.js';

/** Payloads that must never execute or break a page, feed or JSON-LD block. */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  "'><iframe src=javascript:window.__pwned=1>",
  'javascript:window.__pwned=1',
  '[click](javascript:window.__pwned=1) <a href="javascript:window.__pwned=1">x</a>',
  '</script><script>window.__pwned=1</script><!--',
  '</title><body onload=window.__pwned=1>',
  ']]></summary><entry>',
  '\u2028\u2029 {{constructor.constructor("window.__pwned=1")()}}',
  'broken \ud800 utf-16 \udfff end',
  'RTL \u202etxt.exe\u202c and \u2066isolate\u2069',
  `big ${'x'.repeat(100_000)} <script>window.__pwned=1</script>`,
];

export const XSS_ROOM: FixtureRoom = {
  externalId: 'xss',
  topic: '<script>window.__pwned=1</script>群 "\'>',
  public: true,
  messages: PAYLOADS.map((text, i) => ({ id: `x${i}`, from: i % 2 ? '<img src=x onerror=window.__pwned=1>' : 'Eve"\'>', text: `payload 攻击 ${text}`, at: i, conversation: i < 6 ? 'x0' : `x${i}`, ...(i > 0 && i < 6 ? { parent: 'x0' } : {}) })),
};

/** Problems in rendered output: live event handlers, javascript: links, stray scripts, direction overrides. */
export function xssProblems(output: string, allowedScripts: number): string[] {
  const problems: string[] = [];
  // Our attributes are all double-quoted with " escaped inside: a value that escaped its quotes shows up outside them.
  const outsideValues = output.replace(/="[^"]*"/g, '=""');
  const tagWithHandler = outsideValues.match(/<[a-z][^>]*\son[a-z]+\s*=/gi);
  if (tagWithHandler) problems.push(`event handler: ${tagWithHandler[0].slice(0, 80)}`);
  if (/<[a-z][^>]*\s(href|src)\s*=\s*'?\s*javascript:/i.test(outsideValues) || /(href|src)="\s*javascript:/i.test(output)) problems.push('javascript: link');
  const scripts = (output.match(/<script\b/gi) ?? []).length;
  if (scripts > allowedScripts) problems.push(`${scripts} <script> tags, expected at most ${allowedScripts}`);
  if (/<(img|svg|iframe)\b/i.test(output) || (output.match(/<body\b/gi) ?? []).length > 1) problems.push('injected element');
  if (/[\u202a-\u202e\u2066-\u2069]/.test(output)) problems.push('direction override');
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(output)) problems.push('lone surrogate');
  return problems;
}
