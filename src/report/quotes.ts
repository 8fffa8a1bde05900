/**
 * Quotes for the report: the sentence around a piece of evidence, as the
 * customer wrote it, with the evidence's place in it, so a reader sees the
 * words that triggered a tag in their context.
 */
import type { Evidence, Transcript } from '../contract/schemas.js';

export interface QuoteText {
  text: string;
  /** Where the evidence (or the item) stands in `text`: [start, end); null when it cannot be placed. */
  mark: [number, number] | null;
}

export const QUOTE_MAX = 220;
const ELLIPSIS = '…';

/** A sentence end: . ! ? followed by white space or the end, or a line break. */
function endsSentenceAt(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  const next = text[i + 1];
  return next === undefined || /\s/.test(next);
}

/** Character bounds of the sentence(s) of `text` holding [start, end), white space trimmed. */
export function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && !endsSentenceAt(text, a - 1)) a--;
  let b = end;
  while (b < text.length && !endsSentenceAt(text, b)) b++;
  while (b < text.length && '.!?'.includes(text[b]!)) b++;
  while (a < start && /\s/.test(text[a]!)) a++;
  while (b > end && /\s/.test(text[b - 1]!)) b--;
  return [a, b];
}

/**
 * The sentence of `text` around [start, end), trimmed; when longer than
 * `max`, a window around the span cut at spaces, with … where it was cut.
 */
export function sentenceAround(text: string, start: number, end: number, max = QUOTE_MAX): QuoteText {
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  const [a, b] = sentenceBounds(text, start, end);
  if (b - a <= max) return { text: text.slice(a, b), mark: [start - a, end - a] };

  if (end - start >= max) {
    // the evidence alone is too long: its start, cut at a space
    const cut = cutAtSpace(text, start, start + max - 1, 'end');
    return { text: `${text.slice(start, cut).trimEnd()}${ELLIPSIS}`, mark: [0, cut - start] };
  }
  // share the room left for context between both sides; what one side cannot use goes to the other
  const room = max - (end - start) - 2;
  const rightRoom = Math.min(b - end, room - Math.min(start - a, Math.floor(room / 2)));
  const leftRoom = Math.min(start - a, room - rightRoom);
  let left = start - leftRoom;
  let right = end + rightRoom;
  if (left > a) left = cutAtSpace(text, left, start, 'start');
  if (right < b) right = cutAtSpace(text, end, right, 'end');
  const head = left > a ? ELLIPSIS : '';
  const body = text.slice(left, right);
  const tail = right < b ? ELLIPSIS : '';
  return { text: `${head}${body}${tail}`, mark: [start - left + head.length, end - left + head.length] };
}

/** A cut point between from and to at a space: the first one after `from` ('start') or the last before `to` ('end'). */
function cutAtSpace(text: string, from: number, to: number, side: 'start' | 'end'): number {
  if (side === 'start') {
    for (let i = from; i < to; i++) if (/\s/.test(text[i]!)) return i + 1;
    return from;
  }
  for (let i = to; i > from; i--) if (/\s/.test(text[i]!)) return i;
  return to;
}

/**
 * The quote of one piece of evidence. Tags read from a file may not match the
 * transcript (edited since, or another file): then the evidence text alone.
 */
export function quoteOfEvidence(transcript: Transcript, evidence: Evidence): QuoteText {
  const turn = transcript.turns[evidence.turn];
  if (!turn || turn.text.slice(evidence.start, evidence.end) !== evidence.text) {
    const text = evidence.text.length > QUOTE_MAX ? `${evidence.text.slice(0, QUOTE_MAX - 1)}${ELLIPSIS}` : evidence.text;
    return { text, mark: null };
  }
  return sentenceAround(turn.text, evidence.start, evidence.end);
}

/**
 * Where a lower-cased item stands in the customer's turns: the first customer
 * turn that names it, preferring `preferTurns` (the turns with the request's evidence).
 */
export function findInTurns(
  transcript: Transcript,
  item: string,
  preferTurns: readonly number[] = [],
): { turn: number; start: number; end: number } | undefined {
  const order = [...new Set([...preferTurns, ...transcript.turns.map((_, i) => i)])];
  for (const i of order) {
    const turn = transcript.turns[i];
    if (!turn || turn.role !== 'customer') continue;
    const lower = turn.text.toLowerCase();
    // lower-casing that changes the length (rare letters) would shift the offsets
    if (lower.length !== turn.text.length) continue;
    const at = lower.indexOf(item);
    if (at >= 0) return { turn: i, start: at, end: at + item.length };
  }
  return undefined;
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}${ELLIPSIS}` : text;
}
