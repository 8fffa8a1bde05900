import type { Evidence } from '../contract/schemas.js';
import type { AnalysedTurn } from '../text/analyse.js';

const SENTENCE_END = /[.!?\n]/;
// Conjunctions that start a new clause: evidence stops before them.
const clauseStarters = new Set([
  'en',
  'maar',
  'want',
  'omdat',
  'dus',
  'and',
  'but',
  'because',
  'so',
  'although',
  'though',
  'while',
  'also',
  'ook',
]);
const MIN_CLAUSE_TOKENS = 3;

/**
 * The clause around a token range (between punctuation and clause-opening
 * conjunctions), or the sentence when the clause is too short to read alone.
 */
export function clauseEvidence(turn: AnalysedTurn, from: number, to: number): Evidence {
  let a = from;
  while (a > 0 && !turn.boundaryBefore[a] && !clauseStarters.has(turn.norm[a - 1]!)) a--;
  let b = Math.max(from, to - 1);
  while (b + 1 < turn.norm.length && !turn.boundaryBefore[b + 1] && !clauseStarters.has(turn.norm[b + 1]!)) b++;
  if (b - a + 1 < MIN_CLAUSE_TOKENS) return sentenceEvidence(turn, from, to);
  const start = turn.start[a]!;
  let end = turn.end[b]!;
  while (end < turn.text.length && /[?!]/.test(turn.text[end]!)) end++;
  return { turn: turn.index, start, end, text: turn.text.slice(start, end) };
}
const MAX_EVIDENCE = 200;

/**
 * The sentence around a token range, as an evidence span whose offsets
 * slice the original turn text exactly; long sentences are cut around the
 * cue so evidence stays readable.
 */
export function sentenceEvidence(turn: AnalysedTurn, from: number, to: number): Evidence {
  const text = turn.text;
  const cueStart = turn.start[from] ?? 0;
  const cueEnd = turn.end[Math.max(from, to - 1)] ?? text.length;
  let start = cueStart;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!) && cueEnd - start < MAX_EVIDENCE) start--;
  let end = cueEnd;
  while (end < text.length && !SENTENCE_END.test(text[end]!) && end - start < MAX_EVIDENCE) end++;
  if (end < text.length && /[.!?]/.test(text[end]!)) end++;
  // trim whitespace, never cutting a surrogate pair
  while (start < cueStart && /\s/.test(text[start]!)) start++;
  while (end > cueEnd && /\s/.test(text[end - 1]!)) end--;
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  return { turn: turn.index, start, end, text: text.slice(start, end) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A whole (short) turn, trimmed, as evidence: used when no single word carries the signal. */
export function turnEvidence(turn: AnalysedTurn): Evidence {
  if (turn.norm.length) return sentenceEvidence(turn, 0, Math.min(turn.norm.length, 1));
  const trimmedStart = turn.text.length - turn.text.trimStart().length;
  const end = Math.max(trimmedStart, turn.text.trimEnd().length);
  return { turn: turn.index, start: trimmedStart, end, text: turn.text.slice(trimmedStart, end) };
}
