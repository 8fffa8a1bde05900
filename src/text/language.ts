import { requireLazily } from '../lazy.js';
import type { Language } from '../contract/taxonomy.js';
import { stopWordsEn, stopWordsNl } from './stopwords.js';
import { tokenize } from './tokenize.js';

// Words that mark one language and are rare in the other (stop-word lists share "is", "in", "ok" …).
// Words that mark one language and are rare in the other. Words both use ("is", "in", "we", "was", "order", "hi") are left out.
const markersNl = new Set(
  'de het een ik niet geen mijn van wij jullie bedankt graag ook nog wel maar voor naar dat hoe wat je heb heeft kan wil zijn bij er dit deze hoi groeten alvast pakket bestelling ge da wanneer weer hij zij ze al heel erg uit wordt worden kunnen moet moeten waar welke omdat nu dan gaan gaat hebben besteld bestellen geleverd verzonden kunnen alleen zo mag ben bent'.split(
    ' ',
  ),
);
const markersEn = new Set(
  'the and i my you your not no of to it for with have has can do does what how please thanks thank this that would when be are parcel if just they there their will should could been got get which where why yet still only'.split(
    ' ',
  ),
);

// loaded when function words first leave a text undecided
let tinyld: typeof import('tinyld') | undefined;

/**
 * nl or en for a text. Function-word counts decide when they clearly do (fast,
 * and robust on chat lines); otherwise tinyld restricted to nl/en; English
 * when nothing tells.
 */
export function detectLanguage(text: string): Language {
  const { norm } = tokenize(text.length > 4000 ? text.slice(0, 4000) : text);
  let nl = 0;
  let en = 0;
  for (const w of norm) {
    if (markersNl.has(w)) nl++;
    else if (markersEn.has(w)) en++;
  }
  if (nl >= 2 && nl >= 2 * en) return 'nl';
  if (en >= 2 && en >= 2 * nl) return 'en';
  tinyld ??= requireLazily('tinyld') as typeof import('tinyld');
  const guess = tinyld.detect(text.slice(0, 2000), { only: ['nl', 'en'] });
  if (guess === 'nl' || guess === 'en') return guess;
  if (nl !== en) return nl > en ? 'nl' : 'en';
  let nlStop = 0;
  for (const w of norm) if (stopWordsNl.has(w) && !stopWordsEn.has(w)) nlStop++;
  return nlStop > 0 ? 'nl' : 'en';
}
