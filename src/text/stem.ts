/**
 * Porter stemmers of natural (Dutch and English), imported by subpath:
 * the package root loads dotenv, which prints to stdout. Stemming costs a few
 * microseconds a word, so results are memoised; the cache is cleared when it
 * grows past a bound to keep memory flat on endless streams.
 */
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterNl from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import type { Language } from '../contract/taxonomy.js';

interface Stemmer {
  stem(word: string): string;
}

const stemmers: Record<Language, Stemmer> = { en: porterEn as Stemmer, nl: porterNl as Stemmer };
const CACHE_LIMIT = 200_000;
const caches: Record<Language, Map<string, string>> = { en: new Map(), nl: new Map() };

export function stem(word: string, language: Language): string {
  const cache = caches[language];
  let s = cache.get(word);
  if (s === undefined) {
    // digits, emoji and one-letter words are their own stem
    s = word.length < 3 || !/^[a-z'-]+$/.test(word) ? word : stemmers[language].stem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}

/**
 * Singular of a noun, lower-cased, for merging assortment items ("statieven"
 * and "statief", "tripods" and "tripod"). Rules, not a dictionary: they err
 * on the side of leaving a word alone.
 */
export function singular(word: string, language: Language): string {
  const w = word.toLowerCase();
  if (w.length < 4) return w;
  if (language === 'en') {
    if (/(ss|us|is)$/.test(w)) return w;
    if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
    if (/(ss|x|zz|ch|sh)es$/.test(w)) return w.slice(0, -2);
    if (/s$/.test(w) && !/'s$/.test(w)) return w.slice(0, -1);
    return w;
  }
  // Dutch: -'s, -s after a vowel or -el/-er/-em/-en/-je, -en with the consonant doubled or voiced.
  if (/'s$/.test(w)) return w.slice(0, -2);
  if (/(je|tje|pje)s$/.test(w)) return w.slice(0, -1);
  if (/(el|er|em|aar|ie|é|o|a|u|i|y)s$/.test(w)) return w.slice(0, -1);
  if (/[^aeiou]en$/.test(w) && w.length >= 5) {
    let base = w.slice(0, -2);
    if (/([bdfgklmnprst])\1$/.test(base))
      base = base.slice(0, -1); // tassen → tas, petten → pet
    else if (/[aeiou][vz]$/.test(base) && !/[aeiou]{2}[vz]$/.test(base)) {
      // statieven → statief: the single long vowel is written double again
      base = base.slice(0, -1) + (base.endsWith('v') ? 'f' : 's');
      const vowel = base.at(-2);
      if (vowel && 'aeou'.includes(vowel) && !'aeiou'.includes(base.at(-3) ?? '')) base = base.slice(0, -2) + vowel + vowel + base.at(-1);
    } else if (/[vz]$/.test(base))
      base = base.slice(0, -1) + (base.endsWith('v') ? 'f' : 's'); // brieven → brief
    else {
      const vowel = base.at(-2);
      const before = base.at(-3) ?? '';
      // open syllable: boten → boot, manen → maan (not after another vowel)
      if (vowel && 'aeou'.includes(vowel) && !'aeiou'.includes(before) && /[^aeiou]$/.test(base) && vowelGroups(base) === 1)
        base = base.slice(0, -2) + vowel + vowel + base.at(-1);
    }
    return base;
  }
  return w;
}

function vowelGroups(word: string): number {
  return word.match(/[aeiouy]+/g)?.length ?? 0;
}
