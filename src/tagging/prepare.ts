import type { Transcript } from '../contract/schemas.js';
import type { Language } from '../contract/taxonomy.js';
import { analyseTranscript, type AnalysedTranscript } from '../text/analyse.js';
import { matchCues, type CueHit } from './cues.js';
import { clauseOf, names, nameStartingAt } from './items.js';
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
  return { analysed, units, features: featureStrings(units, analysed.language), hits: withNamedObjects([...hits, ...nameHits(hits)]) };
}

/** A cue no word list can hold: an assortment question whose clause names something with capitals ("do you stock Rapha?"). */
export const NAMED_BRAND_CUE: Cue = compileCue('assortment_request/brand', 'request-naming-a-name @0.7');

/** A hit of a cue no word list holds, on the words of the hit that raised it. */
function hitOf(cue: Cue, on: CueHit): CueHit {
  return { cue, pair: cue.pair, turn: on.turn, from: on.from, to: on.to, weight: cue.weight, kind: on.kind };
}

function nameHits(hits: readonly CueHit[]): CueHit[] {
  const out: CueHit[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    if (!h.pair.startsWith('assortment_request/') || h.kind !== 'customer') continue;
    const [a, b] = clauseOf(h);
    const key = `${h.turn.index}:${a}`;
    if (seen.has(key) || !names(h.turn, a, b).length) continue;
    seen.add(key);
    out.push(hitOf(NAMED_BRAND_CUE, h));
  }
  return out;
}

/** "Do you sell Dyson?": the thing asked for is a name itself, so the question is about a brand, not a kind of product. */
export const NAMED_OBJECT_CUE: Cue = compileCue('assortment_request/brand', 'request-for-a-name @0.85');

// words that may stand between the request and the name ("verkopen jullie ook Miele", "anything by Rab");
// not articles: "the Garmin Venu 3" is one product, not a brand
const objectFillers = new Set(['ook', 'also', 'any', 'anything', 'something', 'iets', 'van', 'from', 'by', 'of', 'nog', 'wel', 'some']);

// what may follow the name and still leave it the whole object ("Miele ook?", "Rab stuff at all")
const afterName = new Set([
  'too',
  'also',
  'as',
  'at',
  'anymore',
  'any',
  'ook',
  'nog',
  'meer',
  'eigenlijk',
  'products',
  'producten',
  'spullen',
  'stuff',
  'items',
  'gear',
  'or',
  'and',
  'of',
  'en',
  'in',
  'here',
  'hier',
  'please',
  'pls',
  'online',
]);

function withNamedObjects(hits: CueHit[]): CueHit[] {
  const named: CueHit[] = [];
  const clauses = new Set<string>();
  for (const h of hits) {
    // the product cues are the request phrases ("do you sell", "verkopen jullie"); brand cues are mostly names themselves
    if (h.pair !== 'assortment_request/product' || h.kind !== 'customer') continue;
    const [a, b] = clauseOf(h);
    const key = `${h.turn.index}:${a}`;
    if (clauses.has(key)) continue;
    let i = h.to;
    while (i < b && objectFillers.has(h.turn.norm[i]!)) i++;
    // the clause's names are found once and cached: a scan from every hit would be quadratic on a long clause
    const name = i < b ? nameStartingAt(h.turn, a, b, i) : undefined;
    // "GPS watches", "Japanese pull saws": a name that qualifies a kind of product is no brand request
    if (!name || (name.to < b && !afterName.has(h.turn.norm[name.to]!))) continue;
    clauses.add(key);
    named.push(hitOf(NAMED_OBJECT_CUE, h));
  }
  if (!named.length) return hits;
  // the product cue of the same clause spoke of the request, not of what was asked for
  const kept = hits.filter((h) => h.pair !== 'assortment_request/product' || !clauses.has(`${h.turn.index}:${clauseOf(h)[0]}`));
  return [...kept, ...named];
}
