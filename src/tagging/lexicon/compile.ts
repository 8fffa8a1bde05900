/**
 * Cue patterns: a tiny language for multiword cues over normalised tokens.
 *
 *   word      the token, exactly            pakket
 *   word*     any token starting with it     bezorg*
 *   *word     any token ending with it       *cadeau (Dutch compounds: vaderdagcadeau)
 *   a|b*      one of several                 te|erg duur
 *   ..        a gap of 0–3 tokens            verkopen jullie .. statief*
 *   #         any number                     # stuks
 *   @0.6      the cue's weight (default 0.8), written last
 *
 * Patterns compile once into matchers indexed by their first token, so a
 * turn is scanned in one pass with hash lookups.
 */
import type { PairKey } from '../../contract/taxonomy.js';

export type CueSpec = string;
export type LexiconSpec = Partial<Record<PairKey, readonly CueSpec[]>>;

interface Slot {
  exact: ReadonlySet<string> | null;
  prefixes: readonly string[];
  suffixes: readonly string[];
  number: boolean;
  gap: boolean;
}

export interface Cue {
  pair: PairKey;
  pattern: string;
  weight: number;
  slots: readonly Slot[];
}

export interface CompiledLexicon {
  /** Cues whose first slot has exact words, by word. */
  byWord: Map<string, Cue[]>;
  /** Cues whose first slot has a prefix, by the prefix's first three letters (shorter prefixes under themselves). */
  byPrefix: Map<string, Array<{ prefix: string; cue: Cue }>>;
  /** Cues whose first slot has a suffix, by the suffix's last three letters. */
  bySuffix: Map<string, Array<{ suffix: string; cue: Cue }>>;
  byNumber: Cue[];
  size: number;
}

const DEFAULT_WEIGHT = 0.8;
const MAX_GAP = 3;

function compileSlot(text: string, pattern: string): Slot {
  if (text === '..') return { exact: null, prefixes: [], suffixes: [], number: false, gap: true };
  if (text === '#') return { exact: null, prefixes: [], suffixes: [], number: true, gap: false };
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  for (const alt of text.split('|')) {
    if (!alt || alt === '*') throw new Error(`empty alternative in cue "${pattern}"`);
    if (alt.startsWith('*')) {
      if (alt.length < 4) throw new Error(`suffix "${alt}" in cue "${pattern}" needs at least three letters`);
      suffixes.push(alt.slice(1));
    } else if (alt.endsWith('*')) prefixes.push(alt.slice(0, -1));
    else exact.add(alt);
  }
  return { exact: exact.size ? exact : null, prefixes, suffixes, number: false, gap: false };
}

export function compileCue(pair: PairKey, spec: CueSpec): Cue {
  let pattern = spec.trim();
  let weight = DEFAULT_WEIGHT;
  const at = pattern.match(/\s@([01](?:\.\d+)?)$/);
  if (at) {
    weight = Number(at[1]);
    pattern = pattern.slice(0, at.index).trim();
  }
  const slots = pattern.split(/\s+/).map((s) => compileSlot(s, spec));
  if (!slots.length || slots[0]!.gap || slots[slots.length - 1]!.gap) throw new Error(`cue "${spec}" must start and end with a word`);
  return { pair, pattern, weight, slots };
}

export function compileLexicon(...specs: LexiconSpec[]): CompiledLexicon {
  const lexicon: CompiledLexicon = { byWord: new Map(), byPrefix: new Map(), bySuffix: new Map(), byNumber: [], size: 0 };
  for (const spec of specs) {
    for (const [pair, cues] of Object.entries(spec) as Array<[PairKey, readonly CueSpec[]]>) {
      for (const text of cues) {
        const cue = compileCue(pair, text);
        lexicon.size++;
        const first = cue.slots[0]!;
        if (first.number) lexicon.byNumber.push(cue);
        for (const w of first.exact ?? []) {
          let list = lexicon.byWord.get(w);
          if (!list) lexicon.byWord.set(w, (list = []));
          list.push(cue);
        }
        for (const suffix of first.suffixes) {
          const key = suffix.slice(-3);
          let list = lexicon.bySuffix.get(key);
          if (!list) lexicon.bySuffix.set(key, (list = []));
          list.push({ suffix, cue });
        }
        for (const prefix of first.prefixes) {
          const key = prefix.slice(0, 3);
          let list = lexicon.byPrefix.get(key);
          if (!list) lexicon.byPrefix.set(key, (list = []));
          list.push({ prefix, cue });
        }
      }
    }
  }
  return lexicon;
}

export function slotMatches(slot: Slot, word: string): boolean {
  if (slot.number) return isNumber(word);
  if (slot.exact?.has(word)) return true;
  for (const p of slot.prefixes) if (word.startsWith(p)) return true;
  for (const p of slot.suffixes) if (word.endsWith(p)) return true;
  return false;
}

const numberWords = new Set([
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
  'twaalf',
  'twintig',
  'dertig',
  'veertig',
  'vijftig',
  'honderd',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'hundred',
  'dozen',
]);

/** Digits (with an ordinal ending: 10th, 18e), or a number word. */
function isNumber(word: string): boolean {
  return /^\d+(?:st|nd|rd|th|e|ste|de)?$/.test(word) || numberWords.has(word);
}

/**
 * Tries a cue at token i; returns the index after the last matched token, or
 * -1. Gaps never cross a clause boundary.
 */
export function matchAt(cue: Cue, norm: readonly string[], boundaryBefore: Uint8Array, i: number): number {
  return matchFrom(cue.slots, 0, norm, boundaryBefore, i);
}

function matchFrom(slots: readonly Slot[], s: number, norm: readonly string[], boundaryBefore: Uint8Array, i: number): number {
  if (s === slots.length) return i;
  const slot = slots[s]!;
  if (slot.gap) {
    for (let g = 0; g <= MAX_GAP; g++) {
      const j = i + g;
      if (j >= norm.length) return -1;
      if (g > 0 && boundaryBefore[j]) return -1;
      const end = matchFrom(slots, s + 1, norm, boundaryBefore, j);
      if (end !== -1) return end;
    }
    return -1;
  }
  if (i >= norm.length || !slotMatches(slot, norm[i]!)) return -1;
  return matchFrom(slots, s + 1, norm, boundaryBefore, i + 1);
}

/** Candidate cues that may start at a word. */
export function candidates(lexicon: CompiledLexicon, word: string, out: Cue[]): void {
  out.length = 0;
  const exact = lexicon.byWord.get(word);
  if (exact) out.push(...exact);
  for (let len = Math.min(3, word.length); len >= 1; len--) {
    const list = lexicon.byPrefix.get(word.slice(0, len));
    if (list) for (const { prefix, cue } of list) if (word.startsWith(prefix)) out.push(cue);
  }
  if (word.length >= 3) {
    const list = lexicon.bySuffix.get(word.slice(-3));
    if (list) for (const { suffix, cue } of list) if (word.endsWith(suffix) && !out.includes(cue)) out.push(cue);
  }
  if (lexicon.byNumber.length && isNumber(word)) out.push(...lexicon.byNumber);
}
