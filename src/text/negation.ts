import type { Language } from '../contract/taxonomy.js';
import type { Tokens } from './tokenize.js';

export const negatorsNl: ReadonlySet<string> = new Set(['niet', 'geen', 'nooit', 'niks', 'niets', 'geeneens', 'noch', 'zonder']);
export const negatorsEn: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'without',
  'nor',
  'cannot',
  "don't",
  'dont',
  "doesn't",
  'doesnt',
  "didn't",
  'didnt',
  "isn't",
  'isnt',
  "wasn't",
  "aren't",
  "won't",
  'wont',
  "wouldn't",
  "shouldn't",
  "can't",
  'cant',
  "haven't",
  "hasn't",
  "needn't",
]);

// Conjunctions that open a new clause and end a negation's reach.
const scopeBreakers: ReadonlySet<string> = new Set([
  'maar',
  'want',
  'omdat',
  'but',
  'because',
  'although',
  'though',
  'however',
  'and',
  'en',
]);

const FORWARD = 4;
/** Dutch puts "niet" after the object ("ik wil de hoes niet"), so it also reaches back. */
const BACKWARD_NL = 3;

// "ik wil de hoes niet (meer)": "niet" at the end of its clause negates what came before it;
// "het cadeau is nog niet ontvangen" does not negate "cadeau".
const clauseEndersNl: ReadonlySet<string> = new Set(['nodig', 'meer', 'hoor', 'echt', 'zo', 'dus', 'he', 'hoeven']);

function closesClause(tokens: Tokens, i: number): boolean {
  const n = tokens.norm.length;
  for (let j = i + 1; j < n; j++) {
    if (tokens.boundaryBefore[j]) return true;
    if (!clauseEndersNl.has(tokens.norm[j]!)) return false;
  }
  return true;
}

/**
 * Marks tokens inside a negation's scope: the few words after a negator in
 * the same clause, and for Dutch "niet" closing its clause also the few words before it.
 * Returns 1 for negated tokens; negators themselves are not marked.
 */
export function negationScope(tokens: Tokens, language: Language): Uint8Array {
  const n = tokens.norm.length;
  const negated = new Uint8Array(n);
  const negators = language === 'nl' ? negatorsNl : negatorsEn;
  for (let i = 0; i < n; i++) {
    const w = tokens.norm[i]!;
    if (!negators.has(w) && !(language === 'en' && w.endsWith("n't"))) continue;
    for (let j = i + 1; j < n && j <= i + FORWARD; j++) {
      if (tokens.boundaryBefore[j] || scopeBreakers.has(tokens.norm[j]!)) break;
      negated[j] = 1;
    }
    if (language === 'nl' && w === 'niet' && closesClause(tokens, i)) {
      for (let j = i - 1; j >= 0 && j >= i - BACKWARD_NL; j--) {
        if (tokens.boundaryBefore[j + 1] || scopeBreakers.has(tokens.norm[j]!)) break;
        negated[j] = 1;
      }
    }
  }
  return negated;
}
