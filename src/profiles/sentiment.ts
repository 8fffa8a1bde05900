/**
 * Tone of the customer's words with natural's sentiment analysers (the
 * Pattern polarity lexicons of both languages, so Dutch and English scores
 * share one scale: mean word polarity in [-1, 1]). Imported by subpath: the
 * package root prints to stdout. Analysers are built on first use, since
 * building one stems its whole lexicon.
 */
import type SentimentAnalyzer from 'natural/lib/natural/sentiment/SentimentAnalyzer.js';
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterNl from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import type { Language } from '../contract/taxonomy.js';
import { requireLazily } from '../lazy.js';

type SentimentAnalyzerClass = typeof import('natural/lib/natural/sentiment/SentimentAnalyzer.js').default;
const analysers = new Map<Language, SentimentAnalyzer>();
const CACHE_LIMIT = 100_000;

/**
 * The analyser stems every word it does not find in its lexicon; support
 * conversations repeat their words a lot, so the stemmer is memoised (the
 * cache is cleared when it grows past a bound, to keep memory flat).
 */
function memoised(stemmer: { stem(word: string): string }): { stem(word: string): string } {
  const cache = new Map<string, string>();
  return {
    stem(word: string): string {
      let s = cache.get(word);
      if (s === undefined) {
        s = stemmer.stem(word);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(word, s);
      }
      return s;
    },
  };
}

function analyser(language: Language): SentimentAnalyzer {
  let a = analysers.get(language);
  if (!a) {
    // the lexicons of every language load with the module: only when a tone is first asked for
    const SentimentAnalyzer = requireLazily('natural/lib/natural/sentiment/SentimentAnalyzer.js') as SentimentAnalyzerClass;
    a =
      language === 'nl'
        ? new SentimentAnalyzer('Dutch', memoised(porterNl), 'pattern')
        : new SentimentAnalyzer('English', memoised(porterEn), 'pattern');
    analysers.set(language, a);
  }
  return a;
}

/**
 * Mean polarity of the words of the given turns, each turn scored on its
 * own (natural's analyser carries a negation to the end of its input).
 * Word counts weigh the turns; 0 when there are no words.
 */
export function toneOf(turns: ReadonlyArray<readonly string[]>, language: Language): number {
  const a = analyser(language);
  let sum = 0;
  let words = 0;
  for (const tokens of turns) {
    if (!tokens.length) continue;
    const s = a.getSentiment(tokens as string[]);
    if (Number.isFinite(s)) sum += s * tokens.length;
    words += tokens.length;
  }
  return words ? sum / words : 0;
}

/** Tone thresholds: a conversation is negative below, positive above (mean word polarity). */
export const NEGATIVE_TONE = -0.01;
export const POSITIVE_TONE = 0.04;
