/**
 * The requested thing of an assortment request, as the customer wrote it,
 * lower-cased. Looked for in the clause of the request's cue, in this order:
 * a name written with capitals (brands: "Peak Design", "Brød & Taylor"), a
 * value the cue names itself (a colour, a size, a known brand), an amount
 * with its unit ("20 cm", "60ml"), and else the short noun phrase after the
 * cue ("verkopen jullie ook statieven" → "statieven"). Plural and singular
 * are merged downstream by `itemKey`.
 */
import type { AnalysedTurn } from '../text/analyse.js';
import { clauseBounds } from '../text/clauses.js';
import type { CueHit } from './cues.js';

/** Where an item may be named: a cue hit, or a word the model leans on. */
export type ItemAnchor = Pick<CueHit, 'turn' | 'from' | 'to' | 'weight'> & { cue?: CueHit['cue'] };

// Words skipped before the item: articles, particles, hedges, the frame's own words.
const lead: Record<'nl' | 'en', ReadonlySet<string>> = {
  nl: new Set(
    "ook nog misschien eigenlijk soms toevallig een de het die deze dit dat wel al iets er nou gewoon zo n 'n in van merk jullie u je ergens nu binnenkort echt dan spullen producten dingen artikelen zoiets zo'n".split(
      ' ',
    ),
  ),
  en: new Set(
    'also maybe perhaps actually ever any some the a an this that these those in of by from brand you guys still chance now plans to stock sell carry have offer do start selling stocking anything stuff products items range your more other get any kind kinds sort'.split(
      ' ',
    ),
  ),
};
// Words that end the item: prepositions, conjunctions, verbs, pronouns.
const stop: Record<'nl' | 'en', ReadonlySet<string>> = {
  nl: new Set(
    'voor als of om omdat want maar en die dat met op bij te zijn is zou kan kunnen verkopen hebben heeft aanbieden leveren gaan in aan nodig zoeken zoek ik we wij mijn graag alvast bedankt dank hoor nee ja ook zie kon waar wanneer hoe wat welke niet geen meer dan hier daar er nu verkrijgbaar beschikbaar leverbaar of jullie u je te krijgen kopen bestellen staan staat'.split(
      ' ',
    ),
  ),
  en: new Set(
    "for as or because but and that which with on at to is are be would could can sell stock have carry offer in i we my please thanks thank too well anywhere here there now soon all yet available if so like from when where how what do does did not don't than instead also either online any by you your it they them".split(
      ' ',
    ),
  ),
};
// Frame words that never are the item.
const notItem = new Set([
  'assortiment',
  'range',
  'jullie',
  'you',
  'site',
  'website',
  'webshop',
  'shop',
  'winkel',
  'store',
  'plans',
  'plan',
  'future',
  'toekomst',
  'them',
  'it',
  'one',
  'ones',
  'imo',
  'tbh',
  'btw',
  'pls',
  'please',
  'thanks',
  'hoi',
  'hallo',
  'hi',
  'hello',
  'hey',
  'dear',
  'beste',
  'mvg',
  'groet',
  'groeten',
  'regards',
]);
// Words written with a capital that are not names.
const notName = new Set([
  'i',
  'ik',
  'hi',
  'hoi',
  'hallo',
  'hello',
  'hey',
  'dear',
  'beste',
  'thanks',
  'thank',
  'bedankt',
  'dank',
  'groeten',
  'regards',
  'mvg',
  'gr',
  'ps',
  'ok',
  'oke',
  'yes',
  'no',
  'ja',
  'nee',
  'and',
  'en',
  'the',
  'de',
  'het',
  'een',
  'a',
  'an',
  'do',
  'does',
  'is',
  'are',
  'can',
  'could',
  'would',
  'will',
  'have',
  'hebben',
  'heeft',
  'verkopen',
  'verkoopt',
  'any',
  'also',
  'ook',
  'maybe',
  'misschien',
  'just',
  'but',
  'maar',
  'so',
  'dus',
  'why',
  'waarom',
  'when',
  'wanneer',
  'what',
  'wat',
  'which',
  'welke',
  'how',
  'hoe',
  'where',
  'waar',
  'if',
  'als',
  'we',
  'wij',
  'my',
  'mijn',
  'you',
  'u',
  'jullie',
  'your',
  'uw',
  'jij',
  'je',
  'it',
  'het',
  'that',
  'dat',
  'this',
  'dit',
  'there',
  'er',
  'please',
  'graag',
  'sorry',
  'sinterklaas',
  'kerst',
  'christmas',
  'monday',
  'maandag',
  'dinsdag',
  'woensdag',
  'donderdag',
  'vrijdag',
  'zaterdag',
  'zondag',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'januari',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'europe',
  'europa',
  'nederland',
  'belgie',
  'uk',
  'us',
  'eu',
  'nl',
  'be',
  'ideal',
  'paypal',
  'order',
  'bestelling',
  'team',
  'klantenservice',
  'customer',
  'service',
  'stock',
]);
const colours = new Set(
  'groen rood blauw zwart wit geel roze paars grijs bruin beige oranje navy goud zilver antraciet olijf mint lila bordeaux creme naturel green red blue black white yellow pink purple grey gray brown orange gold silver olive cream khaki camel teal burgundy charcoal ivory'.split(
    ' ',
  ),
);
const sizes = /^(x{1,3}s|x{1,4}l|\d?xl|\d?xs|one-size|petite|tall|kindermaat|kindermaten)$/;
const amount = /^\d+(?:[.,]\d+)?(?:ml|l|cl|cm|mm|m|kg|g|gb|tb|mah|w|v|inch|")?$/;
const unit =
  /^(ml|l|cl|liter|litre|cm|mm|m|meter|metre|kg|g|gram|gb|tb|mah|w|watt|v|inch|inches|lade|laden|persoons|person|zits|seater|pack|stuks|pieces)$/;

function lower(turn: AnalysedTurn, from: number, to: number): string {
  return turn.text
    .slice(turn.start[from]!, turn.end[to - 1]!)
    .toLowerCase()
    .trim();
}

// Names per clause, computed once per turn: a long turn with many hits would otherwise be read once per hit.
const namesByClause = new WeakMap<AnalysedTurn, Map<string, string[]>>();

/** Token range of the clause around a hit. */
export function clauseOf(hit: Pick<CueHit, 'turn' | 'from' | 'to'>): [number, number] {
  const { starts, ends } = clauseBounds(hit.turn);
  return [starts[hit.from] ?? 0, ends[hit.to] ?? hit.turn.norm.length];
}

/** Whether only white space stands between a sentence end (. ! ? or a line break) and pos; looks back over that gap only. */
function opensSentence(text: string, pos: number): boolean {
  for (let p = pos - 1; p >= 0; p--) {
    const c = text[p]!;
    if (c === '\n' || c === '.' || c === '!' || c === '?') return true;
    if (!/\s/.test(c)) return false;
  }
  return false;
}

/** Runs of capitalised words that are not sentence starts or common words: names of brands and product lines. */
export function names(turn: AnalysedTurn, a: number, b: number): readonly string[] {
  let cache = namesByClause.get(turn);
  if (!cache) namesByClause.set(turn, (cache = new Map()));
  const key = `${a}:${b}`;
  let found = cache.get(key);
  if (!found) cache.set(key, (found = findNames(turn, a, b)));
  return found;
}

function findNames(turn: AnalysedTurn, a: number, b: number): string[] {
  const out: string[] = [];
  let i = a;
  while (i < b) {
    const raw = turn.text.slice(turn.start[i]!, turn.end[i]!);
    const capital = /^\p{Lu}/u.test(raw) && raw !== raw.toUpperCase() ? true : /^\p{Lu}{2,}$/u.test(raw) && raw.length <= 6;
    const sentenceStart = i === 0 || opensSentence(turn.text, turn.start[i]!);
    const listedAlready = i > a && /^(alleen|only|just|enkel)$/.test(turn.norm[i - 1]!);
    if (
      !capital ||
      listedAlready ||
      notName.has(turn.norm[i]!) ||
      turn.norm[i]!.includes("'") ||
      (sentenceStart && !/^\p{Lu}{2,}$/u.test(raw))
    ) {
      i++;
      continue;
    }
    let j = i + 1;
    // a name goes on over capitalised words, "&", and digits ("Brød & Taylor", "Hero 12")
    while (j < b && !turn.boundaryBefore[j]) {
      const next = turn.text.slice(turn.start[j]!, turn.end[j]!);
      const gap = turn.text.slice(turn.end[j - 1]!, turn.start[j]!);
      if (gap.trim() && gap.trim() !== '&') break;
      if ((/^\p{Lu}/u.test(next) && !notName.has(turn.norm[j]!)) || /^\d+$/.test(next)) j++;
      else break;
    }
    out.push(lower(turn, i, j));
    i = j;
  }
  return out;
}

/** A value the clause names: a colour, a size, an amount with its unit. */
function values(turn: AnalysedTurn, a: number, b: number): string[] {
  const out: string[] = [];
  for (let i = a; i < b; i++) {
    const w = turn.norm[i]!;
    if (colours.has(w) || sizes.test(w)) out.push(lower(turn, i, i + 1));
    else if (/^\d+(?:[.,]\d+)?$/.test(w) && i + 1 < b && unit.test(turn.norm[i + 1]!)) out.push(lower(turn, i, i + 2));
    else if (amount.test(w) && /\D/.test(w)) out.push(lower(turn, i, i + 1));
  }
  return out;
}

/** The noun phrase after the cue: up to four words, after lead words, before a stop word or clause end. */
function following(hit: ItemAnchor, language: 'nl' | 'en'): string | undefined {
  const t = hit.turn;
  let i = hit.to;
  while (i < t.norm.length && !t.boundaryBefore[i] && lead[language].has(t.norm[i]!)) i++;
  if (i >= t.norm.length || (t.boundaryBefore[i] && i !== hit.to)) return undefined;
  const start = i;
  while (
    i < t.norm.length &&
    i - start < 4 &&
    (i === start || !t.boundaryBefore[i]) &&
    !stop[language].has(t.norm[i]!) &&
    !/^\p{Extended_Pictographic}/u.test(t.norm[i]!)
  )
    i++;
  while (i > start && notItem.has(t.norm[i - 1]!)) i--;
  if (i === start) return undefined;
  return lower(t, start, i);
}

/** What follows "in" in a variant question ("in a UK 14", "ook in het groen", "in a 6kg bag"). */
function afterIn(turn: AnalysedTurn, from: number, b: number, language: 'nl' | 'en'): string | undefined {
  for (let i = from; i < b - 1; i++) {
    if (turn.norm[i] !== 'in') continue;
    let j = i + 1;
    while (j < b && /^(een|de|het|a|an|the|maat|size|kleur|colour|color)$/.test(turn.norm[j]!)) j++;
    const start = j;
    while (j < b && j - start < 3 && !stop[language].has(turn.norm[j]!) && !/^(ofzo|or|of)$/.test(turn.norm[j]!)) j++;
    if (j > start) return lower(turn, start, j);
  }
  return undefined;
}

/** A version the customer describes: "cotton version", "versie met reclame", "without lids". */
function version(turn: AnalysedTurn, a: number, b: number): string | undefined {
  for (let i = a; i < b; i++) {
    const w = turn.norm[i]!;
    if (/^(versie|version|editie|edition|uitvoering|variant|model)$/.test(w)) {
      if (i + 1 < b && /^(met|zonder|with|without|in|van)$/.test(turn.norm[i + 1]!) && i + 2 < b) return lower(turn, i, Math.min(b, i + 3));
      if (i > a && !lead.nl.has(turn.norm[i - 1]!) && !lead.en.has(turn.norm[i - 1]!)) return lower(turn, i - 1, i + 1);
    }
    if (/^(without|zonder)$/.test(w) && i + 1 < b) return lower(turn, i, i + 2);
  }
  return undefined;
}

/** `s` without trailing ? ! . , ; : (a loop, not /[…]+$/, which rescans a long run from every position in it). */
function trimEndPunctuation(s: string): string {
  let end = s.length;
  while (end > 0 && '?!.,;:'.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

export function extractItems(pair: string, hits: readonly ItemAnchor[], language: 'nl' | 'en'): string[] {
  const subtype = pair.slice(pair.indexOf('/') + 1);
  const items: string[] = [];
  const add = (x: string | undefined) => {
    const item = x === undefined ? undefined : trimEndPunctuation(x).trim();
    if (item && item.length <= 60 && !notItem.has(item) && !items.includes(item)) items.push(item);
  };
  for (const hit of [...hits].sort((x, y) => y.weight - x.weight)) {
    const [a, b] = clauseOf(hit);
    const t = hit.turn;
    if (subtype === 'brand') {
      const found = names(t, a, b);
      if (found.length) found.forEach(add);
      else if (hit.cue?.slots.length === 1 && !/^(merk|brand)/.test(hit.cue.pattern)) add(lower(t, hit.from, hit.to));
      else add(following(hit, language));
    } else if (subtype === 'variant') {
      const found = values(t, a, b);
      const asked = afterIn(t, hit.from, b, language);
      if (asked) add(asked);
      else if (found.length) found.forEach(add);
      else add(version(t, a, b) ?? following(hit, language));
    } else add(following(hit, language) ?? names(t, a, b)[0]);
    if (items.length) break; // the strongest cue's clause names the item
  }
  return items;
}
