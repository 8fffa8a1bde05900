/**
 * The hot path: one regex pass over a turn. Tokens are words (letters,
 * digits and marks, with inner apostrophes or hyphens) and emoji; their
 * offsets index the original text, so `text.slice(start, end)` gives the
 * token back exactly. Normalised forms are lower-cased and accent-folded.
 */

// Words may carry inner ' ’ - or . (e.g. "don't", "e-mail", "t.n.v."), not at their edges.
const TOKEN_RE =
  /[\p{L}\p{N}\p{M}]+(?:['’\-.&][\p{L}\p{N}\p{M}]+)*|\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{EMod})*/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;
const CLAUSE_PUNCT = /[.!?;:,()\n]/;

export interface Tokens {
  /** Normalised token text (lower case, accents folded, ’ → '). */
  norm: string[];
  start: number[];
  end: number[];
  /** 1 when a clause boundary (punctuation or line break) stands between this token and the one before. */
  boundaryBefore: Uint8Array;
}

export function normaliseWord(word: string): string {
  const lower = word.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(/’/g, "'");
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A lone comma or colon between digits is part of a number ("5,95", "18:00", "1:1"), not a clause break. */
function insideNumber(text: string, gapStart: number, gapEnd: number): boolean {
  if (gapEnd - gapStart !== 1) return false;
  const c = text[gapStart];
  return (c === ',' || c === ':') && isDigit(text.charCodeAt(gapStart - 1)) && isDigit(text.charCodeAt(gapEnd));
}

export function tokenize(text: string): Tokens {
  const norm: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const s = m.index;
    let word = m[0];
    // a trailing dot belongs to the sentence, not the word ("t.n.v." keeps its inner dots)
    norm.push(normaliseWord(word));
    start.push(s);
    end.push(s + word.length);
  }
  const boundaryBefore = new Uint8Array(norm.length);
  for (let i = 1; i < norm.length; i++) {
    const gapStart = end[i - 1]!;
    const gapEnd = start[i]!;
    if (gapEnd > gapStart && CLAUSE_PUNCT.test(text.slice(gapStart, gapEnd)) && !insideNumber(text, gapStart, gapEnd))
      boundaryBefore[i] = 1;
  }
  if (norm.length) boundaryBefore[0] = 1;
  return { norm, start, end, boundaryBefore };
}
