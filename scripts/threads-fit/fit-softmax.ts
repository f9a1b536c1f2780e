/** One choice among candidates: a feature row per candidate and which rows are right. */
export interface Choice {
  features: Float64Array;
  rows: number;
  correct: number[];
}

/**
 * Fits linear weights so that the softmax over each choice's candidates puts its mass on the
 * correct rows (maximum likelihood of "any gold parent", L2-regularised), by Adam.
 */
export function fitSoftmax(choices: readonly Choice[], width: number, options: { l2?: number; steps?: number; start?: Float64Array } = {}): Float64Array {
  const l2 = options.l2 ?? 0.01;
  const weights = Float64Array.from(options.start ?? new Float64Array(width));
  const m = new Float64Array(width);
  const v = new Float64Array(width);
  const rate = 0.08;
  for (let step = 1; step <= (options.steps ?? 200); step++) {
    const gradient = new Float64Array(width);
    for (const choice of choices) accumulate(choice, weights, width, gradient);
    for (let i = 0; i < width; i++) {
      const g = gradient[i]! / choices.length + l2 * weights[i]!;
      m[i] = 0.9 * m[i]! + 0.1 * g;
      v[i] = 0.999 * v[i]! + 0.001 * g * g;
      const mHat = m[i]! / (1 - 0.9 ** step);
      const vHat = v[i]! / (1 - 0.999 ** step);
      weights[i] = weights[i]! - (rate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return weights;
}

/** Adds the gradient of -log P(correct) for one choice. */
function accumulate(choice: Choice, weights: Float64Array, width: number, gradient: Float64Array): void {
  const scores = new Float64Array(choice.rows);
  let max = -Infinity;
  for (let row = 0; row < choice.rows; row++) {
    let score = 0;
    for (let i = 0; i < width; i++) score += weights[i]! * choice.features[row * width + i]!;
    scores[row] = score;
    max = Math.max(max, score);
  }
  let all = 0;
  let right = 0;
  const isCorrect = new Set(choice.correct);
  for (let row = 0; row < choice.rows; row++) {
    scores[row] = Math.exp(scores[row]! - max);
    all += scores[row]!;
    if (isCorrect.has(row)) right += scores[row]!;
  }
  for (let row = 0; row < choice.rows; row++) {
    const p = scores[row]! / all;
    const q = isCorrect.has(row) ? scores[row]! / right : 0;
    const coefficient = p - q;
    if (coefficient === 0) continue;
    for (let i = 0; i < width; i++) gradient[i] = gradient[i]! + coefficient * choice.features[row * width + i]!;
  }
}
