// Seeded randomness, so a demo dataset (and a benchmark built on it) is reproducible.
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal via Box–Muller. */
export function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Picks an index with probability proportional to weights (cumulative array given). */
export function pickWeighted(rng: Rng, cumulative: number[]): number {
  const x = rng() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Zipf-like weights 1/(i+1)^s: a long tail, as real API consumers have. */
export function zipfCumulative(n: number, s = 1.1): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) out.push((sum += 1 / Math.pow(i + 1, s)));
  return out;
}
