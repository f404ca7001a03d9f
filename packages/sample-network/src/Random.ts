/** A small seeded generator (mulberry32): the same seed always gives the same network. */
export interface Random {
  /** A float in [0, 1). */
  readonly next: () => number;
  /** A whole number in [min, max]. */
  readonly int: (min: number, max: number) => number;
  /** A roughly normal value (mean 0, sd 1), from the sum of uniforms. */
  readonly normal: () => number;
}

export const seeded = (seed: number): Random => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => next() + next() + next() + next() + next() + next() - 3,
  };
};
