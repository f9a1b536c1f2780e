/** The `n` keys with the highest values, in no particular order (a bounded min-heap). */
export function topN<K>(scores: ReadonlyMap<K, number>, n: number): K[] {
  if (scores.size <= n) return [...scores.keys()];
  const keys: K[] = [];
  const values: number[] = [];
  for (const [key, value] of scores) {
    if (keys.length < n) {
      keys.push(key);
      values.push(value);
      siftUp(keys, values, keys.length - 1);
    } else if (value > (values[0] as number)) {
      keys[0] = key;
      values[0] = value;
      siftDown(keys, values, 0);
    }
  }
  return keys;
}

function swap<K>(keys: K[], values: number[], i: number, j: number): void {
  [keys[i], keys[j]] = [keys[j] as K, keys[i] as K];
  [values[i], values[j]] = [values[j] as number, values[i] as number];
}

function siftUp<K>(keys: K[], values: number[], at: number): void {
  for (let i = at; i > 0; ) {
    const parent = (i - 1) >> 1;
    if ((values[parent] as number) <= (values[i] as number)) return;
    swap(keys, values, i, parent);
    i = parent;
  }
}

function siftDown<K>(keys: K[], values: number[], at: number): void {
  for (let i = at; ; ) {
    const left = 2 * i + 1;
    const right = left + 1;
    let least = i;
    if (left < values.length && (values[left] as number) < (values[least] as number)) least = left;
    if (right < values.length && (values[right] as number) < (values[least] as number)) least = right;
    if (least === i) return;
    swap(keys, values, i, least);
    i = least;
  }
}
