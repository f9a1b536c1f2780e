/** Rows of features with 0/1 labels. */
export interface LabelledRows {
  rows: readonly (readonly number[])[];
  labels: readonly number[];
}

/** A fitted logistic model on the raw (unscaled) features. */
export interface LogisticFit {
  bias: number;
  weights: number[];
}

/** Solves `a x = b` by Gaussian elimination with partial pivoting (a is small and dense). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col || m[col]![col] === 0) continue;
      const factor = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n]! / row[i]!));
}

function standardise(rows: LabelledRows['rows']): { mean: number[]; scale: number[]; scaled: number[][] } {
  const width = rows[0]?.length ?? 0;
  const mean = Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + row[j]!, 0) / rows.length);
  const scale = mean.map((mu, j) => Math.sqrt(rows.reduce((sum, row) => sum + (row[j]! - mu) ** 2, 0) / rows.length) || 1);
  return { mean, scale, scaled: rows.map((row) => row.map((value, j) => (value - mean[j]!) / scale[j]!)) };
}

/** One Newton step's gradient and Hessian of the L2-penalised log loss (bias unpenalised, index 0). */
function newtonSystem(x: number[][], labels: readonly number[], beta: number[], l2: number): [number[][], number[]] {
  const n = beta.length;
  const hessian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const gradient = beta.map((value, j) => (j === 0 ? 0 : l2 * value));
  for (let j = 1; j < n; j++) hessian[j]![j] = l2;
  x.forEach((features, i) => {
    const row = [1, ...features];
    const p = 1 / (1 + Math.exp(-row.reduce((sum, value, j) => sum + value * beta[j]!, 0)));
    const weight = p * (1 - p);
    for (let a = 0; a < n; a++) {
      gradient[a]! += (p - labels[i]!) * row[a]!;
      for (let b = 0; b < n; b++) hessian[a]![b]! += weight * row[a]! * row[b]!;
    }
  });
  return [hessian, gradient];
}

/**
 * Fits L2-regularised logistic regression by Newton's method on standardised features and
 * returns the weights for the raw features (so the engine needs no scaling step).
 */
export function fitLogistic(data: LabelledRows, l2 = 1, iterations = 25): LogisticFit {
  const { mean, scale, scaled } = standardise(data.rows);
  let beta = new Array<number>(mean.length + 1).fill(0);
  for (let step = 0; step < iterations; step++) {
    const [hessian, gradient] = newtonSystem(scaled, data.labels, beta, l2);
    const delta = solve(hessian, gradient);
    beta = beta.map((value, j) => value - delta[j]!);
    if (Math.max(...delta.map(Math.abs)) < 1e-8) break;
  }
  const weights = mean.map((_, j) => beta[j + 1]! / scale[j]!);
  return { bias: beta[0]! - weights.reduce((sum, w, j) => sum + w * mean[j]!, 0), weights };
}
