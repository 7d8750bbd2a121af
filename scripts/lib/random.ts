/** A deterministic pseudo-random sequence in [0, 1) (a linear congruential generator), so every bench run measures the same data. */
export function randomSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
