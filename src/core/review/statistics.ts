/**
 * The few statistics the review needs, written out so that every method in ranking.ts uses the same
 * definitions: the issue asks for the population standard deviation (divide by n, not n − 1), because
 * an expert's reviews are all their reviews, not a sample.
 */

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function populationSd(values: readonly number[], average = mean(values)): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += (v - average) ** 2;
  return Math.sqrt(sum / values.length);
}

/** The mean after dropping one highest and one lowest value, when there are at least `minCount` values. */
export function trimmedMean(values: readonly number[], minCount = 5): number {
  if (values.length < minCount) return mean(values);
  let low = 0;
  let high = 0;
  for (let i = 1; i < values.length; i++) {
    if (values[i]! < values[low]!) low = i;
    if (values[i]! > values[high]!) high = i;
  }
  // All values equal: low and high are both index 0, and dropping "two" still means two values.
  if (low === high) high = low === 0 ? 1 : 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) if (i !== low && i !== high) sum += values[i]!;
  return sum / (values.length - 2);
}

/**
 * Whether two computed scores count as equal. Sums taken in a different order differ in the last bits
 * (0.1 + 0.2 + 0.3 ≠ 0.3 + 0.2 + 0.1), and such noise must not decide a rank: scores are compared on a grid
 * of 1e-9, far below any difference a person could mean.
 */
export function scoreKey(value: number): number {
  return Math.round(value * 1e9);
}
