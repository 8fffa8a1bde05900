/**
 * The requested thing of an assortment request, as the customer wrote it,
 * lower-cased: the words the cue names itself (a brand, a colour, a size) or
 * the short noun phrase after the cue ("verkopen jullie ook statieven" →
 * "statieven"). Plural and singular are merged by `itemKey` downstream.
 */
import type { AnalysedTurn } from '../text/analyse.js';
import type { CueHit } from './cues.js';

// Words skipped before the item: articles, particles, hedges.
const leadNl = new Set([
  'ook',
  'nog',
  'misschien',
  'eigenlijk',
  'soms',
  'toevallig',
  'een',
  'de',
  'het',
  'die',
  'deze',
  'dit',
  'dat',
  'wel',
  'al',
  'iets',
  'er',
  'nou',
  'gewoon',
  'zo',
  'n',
  "'n",
  'in',
  'van',
  'het',
  'merk',
  'jullie',
  'u',
  'je',
  'ergens',
  'nu',
  'binnenkort',
  'echt',
  'dan',
]);
const leadEn = new Set([
  'also',
  'maybe',
  'perhaps',
  'actually',
  'ever',
  'any',
  'some',
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'in',
  'of',
  'by',
  'from',
  'brand',
  'you',
  'guys',
  'ship',
  'still',
  'by',
  'chance',
  'now',
  'plans',
  'to',
  'stock',
  'sell',
  'carry',
  'have',
  'offer',
  'do',
  'start',
  'selling',
  'stocking',
  'anything',
  'stuff',
  'products',
  'items',
  'range',
  'your',
  'more',
  'other',
]);
// Words that end the item: prepositions, conjunctions, verbs of the frame.
const stopNl = new Set([
  'voor',
  'als',
  'of',
  'om',
  'omdat',
  'want',
  'maar',
  'en',
  'die',
  'dat',
  'met',
  'op',
  'bij',
  'te',
  'zijn',
  'is',
  'zou',
  'kan',
  'kunnen',
  'verkopen',
  'hebben',
  'heeft',
  'aanbieden',
  'leveren',
  'gaan',
  'in',
  'aan',
  'nodig',
  'zoeken',
  'zoek',
  'ik',
  'we',
  'wij',
  'mijn',
  'graag',
  'want',
  'alvast',
  'bedankt',
  'dank',
  'hoor',
  'nee',
  'ja',
  'ook',
  'zie',
  'kon',
  'waar',
  'wanneer',
  'hoe',
  'wat',
  'welke',
  'niet',
  'geen',
  'meer',
  'dan',
  'hier',
  'daar',
  'er',
  'nu',
  'verkrijgbaar',
  'beschikbaar',
  'leverbaar',
]);
const stopEn = new Set([
  'for',
  'as',
  'or',
  'because',
  'but',
  'and',
  'that',
  'which',
  'with',
  'on',
  'at',
  'to',
  'is',
  'are',
  'be',
  'would',
  'could',
  'can',
  'sell',
  'stock',
  'have',
  'carry',
  'offer',
  'in',
  'i',
  'we',
  'my',
  'please',
  'thanks',
  'thank',
  'too',
  'as',
  'well',
  'anywhere',
  'here',
  'there',
  'now',
  'soon',
  'at',
  'all',
  'yet',
  'available',
  'if',
  'so',
  'like',
  'from',
  'when',
  'where',
  'how',
  'what',
  'do',
  'does',
  'did',
  'not',
  "don't",
  'than',
  'instead',
  'also',
  'either',
  'online',
  'any',
  'by',
]);

const functionWords = new Set([
  ...leadNl,
  ...leadEn,
  ...stopNl,
  ...stopEn,
  'ook',
  'in',
  'het',
  'maat',
  'size',
  'kleur',
  'colour',
  'color',
  'is',
  'er',
  'there',
  'een',
  'a',
  'an',
]);

function span(turn: AnalysedTurn, from: number, to: number): string {
  return turn.text
    .slice(turn.start[from]!, turn.end[to - 1]!)
    .toLowerCase()
    .trim();
}

/** The content words of the cue itself, when the cue names the thing (brands, colours, sizes). */
function cueContent(hit: CueHit): string | undefined {
  const { turn, from, to } = hit;
  let a = from;
  while (a < to && functionWords.has(turn.norm[a]!)) a++;
  if (a >= to) return undefined;
  const last = hit.cue.slots[hit.cue.slots.length - 1]!;
  // a cue ending in a wildcard or generic frame word ("kleur*", "ook in") does not name the thing
  if (!last.exact || last.prefixes.length) return undefined;
  const words = turn.norm.slice(a, to);
  if (words.some((w) => /^(verkop|verkoopt|sell|stock|carry|hebben|have|merk|brand|assortiment|range|jullie|you)/.test(w)))
    return undefined;
  return span(turn, a, to);
}

/** The noun phrase after the cue: up to four words, after lead words, before a stop word or clause end. */
function following(hit: CueHit, language: 'nl' | 'en'): string | undefined {
  const { turn } = hit;
  const lead = language === 'nl' ? leadNl : leadEn;
  const stop = language === 'nl' ? stopNl : stopEn;
  let i = hit.to;
  while (i < turn.norm.length && !turn.boundaryBefore[i] && lead.has(turn.norm[i]!)) i++;
  if (i >= turn.norm.length || (turn.boundaryBefore[i] && i !== hit.to)) return undefined;
  const start = i;
  while (
    i < turn.norm.length &&
    i - start < 4 &&
    (i === start || !turn.boundaryBefore[i]) &&
    !stop.has(turn.norm[i]!) &&
    !/^\p{Extended_Pictographic}/u.test(turn.norm[i]!)
  )
    i++;
  if (i === start) return undefined;
  return span(turn, start, i);
}

export function extractItems(hits: readonly CueHit[], language: 'nl' | 'en'): string[] {
  const items: string[] = [];
  const sorted = [...hits].sort((a, b) => b.weight - a.weight);
  for (const hit of sorted) {
    const item = cueContent(hit) ?? following(hit, language);
    if (item && item.length <= 60 && !items.includes(item)) items.push(item);
  }
  // keep the most specific: drop an item that is a word-part of another
  return items.filter((it) => !items.some((o) => o !== it && ` ${o} `.includes(` ${it} `)));
}
