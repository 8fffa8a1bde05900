import type { Tokens } from './tokenize.js';

/** Clause bounds of a token list: `starts[i]` is where token i's clause starts, `ends[j]` the first clause start at or after j (n at the end). */
export interface ClauseBounds {
  starts: Int32Array;
  ends: Int32Array;
}

// Keyed by the boundary array, which a turn shares with its tokens: computed once per turn, freed with it.
const cache = new WeakMap<Uint8Array, ClauseBounds>();

/**
 * Clause bounds in O(1) per look-up after one pass over the turn. Walking to
 * the clause edges for every cue hit would cost the clause's length per hit,
 * quadratic on a long turn without punctuation.
 */
export function clauseBounds(tokens: Pick<Tokens, 'boundaryBefore'>): ClauseBounds {
  const boundary = tokens.boundaryBefore;
  let bounds = cache.get(boundary);
  if (!bounds) {
    const n = boundary.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) starts[i] = i === 0 || boundary[i] ? i : starts[i - 1]!;
    ends[n] = n;
    for (let j = n - 1; j >= 0; j--) ends[j] = boundary[j] ? j : ends[j + 1]!;
    cache.set(boundary, (bounds = { starts, ends }));
  }
  return bounds;
}
