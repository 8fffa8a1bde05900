import type { Transcript } from '../contract/schemas.js';
import type { Language } from '../contract/taxonomy.js';
import { analyseTranscript, type AnalysedTranscript } from '../text/analyse.js';
import { matchCues, type CueHit } from './cues.js';
import { clauseOf, names } from './items.js';
import { decisiveUnits, type DecisiveUnit } from './dialogue.js';
import { featureStrings } from './features.js';
import { compileCue, compileLexicon, type CompiledLexicon, type Cue, type LexiconSpec } from './lexicon/compile.js';
import { cuesEn } from './lexicon/en.js';
import { cuesNl } from './lexicon/nl.js';

/** What both halves see of one conversation, computed once. */
export interface Prepared {
  analysed: AnalysedTranscript;
  units: DecisiveUnit[];
  features: string[];
  /** Hits with the cues' written weights; scoring applies learned weights. */
  hits: CueHit[];
}

export const builtinCues: Record<Language, LexiconSpec> = { nl: cuesNl, en: cuesEn };

export type Lexicons = Record<Language, CompiledLexicon>;

export function buildLexicons(custom: Partial<Record<Language, LexiconSpec>> = {}): Lexicons {
  return {
    nl: compileLexicon(cuesNl, custom.nl ?? {}),
    en: compileLexicon(cuesEn, custom.en ?? {}),
  };
}

export function prepare(transcript: Transcript, lexicons: Lexicons, language?: Language): Prepared {
  const analysed = analyseTranscript(transcript, language);
  const units = decisiveUnits(analysed);
  const hits = matchCues(units, lexicons[analysed.language]);
  return { analysed, units, features: featureStrings(units, analysed.language), hits: [...hits, ...nameHits(hits)] };
}

/** A cue no word list can hold: an assortment question whose clause names something with capitals ("do you stock Rapha?"). */
export const NAMED_BRAND_CUE: Cue = compileCue('assortment_request/brand', 'request-naming-a-name @0.7');

function nameHits(hits: readonly CueHit[]): CueHit[] {
  const out: CueHit[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    if (!h.pair.startsWith('assortment_request/') || h.kind !== 'customer') continue;
    const [a, b] = clauseOf(h);
    const key = `${h.turn.index}:${a}`;
    if (seen.has(key) || !names(h.turn, a, b).length) continue;
    seen.add(key);
    out.push({
      cue: NAMED_BRAND_CUE,
      pair: NAMED_BRAND_CUE.pair,
      turn: h.turn,
      from: h.from,
      to: h.to,
      weight: NAMED_BRAND_CUE.weight,
      kind: h.kind,
    });
  }
  return out;
}
