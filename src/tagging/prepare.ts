import type { Transcript } from '../contract/schemas.js';
import type { Language } from '../contract/taxonomy.js';
import { analyseTranscript, type AnalysedTranscript } from '../text/analyse.js';
import { matchCues, type CueHit } from './cues.js';
import { decisiveUnits, type DecisiveUnit } from './dialogue.js';
import { featureStrings } from './features.js';
import { compileLexicon, type CompiledLexicon, type LexiconSpec } from './lexicon/compile.js';
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
  return { analysed, units, features: featureStrings(units, analysed.language), hits: matchCues(units, lexicons[analysed.language]) };
}
