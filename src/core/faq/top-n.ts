/** The `n` items with the highest scores, in no particular order (a bounded min-heap). */
export function topN<T>(items: readonly T[], score: (item: T) => number, n: number): T[] {
  if (items.length <= n) return [...items];
  const heap: { item: T; value: number }[] = [];
  for (const item of items) {
    const value = score(item);
    if (heap.length < n) {
      heap.push({ item, value });
      siftUp(heap, heap.length - 1);
    } else if (value > (heap[0] as { value: number }).value) {
      heap[0] = { item, value };
      siftDown(heap, 0);
    }
  }
  return heap.map((node) => node.item);
}

type Heap = { value: number }[];

function swap(heap: Heap, i: number, j: number): void {
  [heap[i], heap[j]] = [heap[j] as Heap[number], heap[i] as Heap[number]];
}

function siftUp(heap: Heap, at: number): void {
  for (let i = at; i > 0; ) {
    const parent = (i - 1) >> 1;
    if ((heap[parent] as Heap[number]).value <= (heap[i] as Heap[number]).value) return;
    swap(heap, i, parent);
    i = parent;
  }
}

function siftDown(heap: Heap, at: number): void {
  const value = (i: number): number => (heap[i] as Heap[number]).value;
  for (let i = at; ; ) {
    const [left, right] = [2 * i + 1, 2 * i + 2];
    let least = i;
    if (left < heap.length && value(left) < value(least)) least = left;
    if (right < heap.length && value(right) < value(least)) least = right;
    if (least === i) return;
    swap(heap, i, least);
    i = least;
  }
}
