import { describe, expect, it } from 'vitest';
import { JsonScanner, type JsonPath } from '../../src/importers/json-scanner.js';

const doc = JSON.stringify({
  name: '群 "quoted" \\ name',
  skipped: { deep: [1, { x: '}]' }], n: -1.5e3 },
  messages: [{ id: 1, text: ['a', { type: 'link', text: 'https://x/"]}' }] }, { id: 2, text: '第二条\n' }, 3, null],
  tail: true,
}, null, 1);

function scan(chunks: string[]): [JsonPath, unknown][] {
  const seen: [JsonPath, unknown][] = [];
  const scanner = new JsonScanner({
    select: (path) => (path.length === 0 || (path.length === 1 && path[0] === 'messages') ? 'descend' : path.length === 1 && path[0] !== 'name' ? 'skip' : 'parse'),
    onValue: (path, value) => seen.push([path, value]),
  });
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return seen;
}

describe('JsonScanner', () => {
  const expected: [JsonPath, unknown][] = [
    [['name'], '群 "quoted" \\ name'],
    [['messages', 0], { id: 1, text: ['a', { type: 'link', text: 'https://x/"]}' }] }],
    [['messages', 1], { id: 2, text: '第二条\n' }],
    [['messages', 2], 3],
    [['messages', 3], null],
  ];

  it('materialises only the selected values, whole or split at any character', () => {
    expect(scan([doc])).toEqual(expected);
    for (let cut = 1; cut < doc.length; cut++) expect(scan([doc.slice(0, cut), doc.slice(cut)])).toEqual(expected);
    expect(scan([...doc])).toEqual(expected);
  });

  it('says where a broken or truncated document fails', () => {
    expect(() => scan(['{"messages": [{"id": 1} {"id": 2}]}'])).toThrow(/invalid JSON at character 24 \(in messages.0\): expected ","/);
    expect(() => scan(['{"messages": [{"id": 1}, {"id"'])).toThrow(/unexpected end of JSON/);
  });
});
