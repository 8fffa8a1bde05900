/**
 * Sparse features of the statistical half: stems, stem bigrams and the first
 * six letters of long words, of the decisive units. Negated words carry a "¬" mark, words of an accepted
 * agent offer an "offer:" mark, so the model can tell them apart.
 */
import type { Language } from '../contract/taxonomy.js';
import { stopWords } from '../text/stopwords.js';
import type { DecisiveUnit } from './dialogue.js';

export function featureStrings(units: readonly DecisiveUnit[], language: Language): string[] {
  const out = new Set<string>();
  const stops = stopWords(language);
  for (const unit of units) {
    const t = unit.turn;
    const offer = unit.kind === 'accepted_offer';
    for (let i = 0; i < t.stems.length; i++) {
      const s = t.stems[i]!;
      const mark = t.negated[i] ? '¬' : '';
      if (offer) {
        if (!stops.has(t.norm[i]!)) out.add(`offer:${s}`);
        continue;
      }
      if (!stops.has(t.norm[i]!)) {
        out.add(mark + s);
        // the head of a long word: Dutch compounds share it with words seen in training (thuiswerkplek, thuiswerkdag)
        if (t.norm[i]!.length >= 9) out.add(`<${mark}${t.norm[i]!.slice(0, 6)}`);
      }
      if (i > 0 && !t.boundaryBefore[i]) out.add(`${t.stems[i - 1]} ${s}`);
    }
    if (unit.kind === 'note') out.add('kind:note');
    if (!offer) for (const shape of textShapes(t.text)) out.add(shape);
  }
  out.add(lengthFeature(units));
  return [...out];
}

const MONEY = /(?:[€£$]\s?\d|\d(?:[.,]\d{2})?\s?(?:euro|eur|pond|pounds|dollars?)\b|\b\d+[.,]\d{2}\b)/gi;

/** Shapes the tokens lose: amounts of money (one, or two to compare), questions, exclamations. */
function textShapes(text: string): string[] {
  const out: string[] = [];
  const money = text.match(MONEY)?.length ?? 0;
  if (money) out.push('shape:money');
  if (money >= 2) out.push('shape:money2');
  if (text.includes('?')) out.push('shape:question');
  if (/[!]{2,}|\?{2,}/.test(text)) out.push('shape:emphasis');
  return out;
}

/**
 * How much the customer wrote, in four buckets: the model's intercept fits
 * long conversations, where many words add evidence; a one-line "where is my
 * order? it's been 2 weeks" has few, so the intercept alone would speak.
 */
function lengthFeature(units: readonly DecisiveUnit[]): string {
  let n = 0;
  for (const unit of units) if (unit.kind !== 'accepted_offer') n += unit.turn.norm.length;
  return n <= 10 ? 'len:10' : n <= 25 ? 'len:25' : n <= 60 ? 'len:60' : 'len:long';
}
