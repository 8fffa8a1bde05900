/**
 * The requested thing of an assortment request, as the customer wrote it,
 * lower-cased. Where: the clauses of request frames the customer uses ("do
 * you also sell …", "verkopen jullie ook …", "is er een …"), ranked above
 * the clauses of the tagger's cue hits. What: per subtype, a name written
 * with capitals right after the frame (brands: "Peak Design", "Brød &
 * Taylor"), an explicit version ("cotton version", "basisversie"), what
 * follows "in" ("in a wide fit"), a value (a colour, a size, "8,8 liter",
 * "30x30", "paperback"), else the short noun phrase after the frame
 * ("verkopen jullie ook statieven" → "statieven"). Names and values after
 * "only"/"alleen" are what the shop already has and never the item. Plural
 * and singular are merged downstream by `itemKey`.
 */
import type { AnalysedTurn } from '../text/analyse.js';
import { clauseBounds } from '../text/clauses.js';
import type { CueHit } from './cues.js';

/** Where an item may be named: a cue hit, or a word the model leans on. */
export type ItemAnchor = Pick<CueHit, 'turn' | 'from' | 'to' | 'weight'> & { cue?: CueHit['cue'] };

type Lang = 'nl' | 'en';

// Words skipped before the item: articles, particles, hedges, the frame's own words.
const lead: Record<'nl' | 'en', ReadonlySet<string>> = {
  nl: new Set(
    "ook nog misschien eigenlijk soms toevallig een de het die deze dit dat wel al iets er nou gewoon zo n 'n in van merk jullie u je ergens nu binnenkort echt dan spullen producten dingen artikelen zoiets zo'n ooit plannen plan om geen nog".split(
      ' ',
    ),
  ),
  en: new Set(
    "also maybe perhaps actually ever any some the a an this that these those in of by from brand you guys still chance now plans to stock sell carry have offer do start selling stocking anything stuff products items range your more other get any kind kinds sort ever going planning thinking about start starting doing selling stocking carrying offering adding bringing getting having you'll youll you'd youd u ya guys will would could might can we way possibility".split(
      ' ',
    ),
  ),
};
// Words that end the item: prepositions, conjunctions, verbs, pronouns.
const stop: Record<'nl' | 'en', ReadonlySet<string>> = {
  nl: new Set(
    'voor als of om omdat want maar en die dat met op bij te zijn is zou kan kunnen verkopen hebben heeft aanbieden leveren gaan in aan nodig zoeken zoek ik we wij mijn graag alvast bedankt dank hoor nee ja ook zie kon waar wanneer hoe wat welke niet geen meer dan hier daar er nu verkrijgbaar beschikbaar leverbaar of jullie u je te krijgen kopen bestellen staan staat ofzo opnemen nemen zonder bezorgen versturen sturen opsturen helpen terugbetalen annuleren wijzigen laten bellen mailen'.split(
      ' ',
    ),
  ),
  en: new Set(
    "for as or because but and that which with on at to is are be would could can sell stock have carry offer in i we my please thanks thank too well anywhere here there now soon all yet available if so like from when where how what do does did not don't than instead also either online any by you your it they them though tho at w without or ofzo deliver send ship refund cancel change help check tell let update fix call email contact give".split(
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
  // "is er een kans dat…", "is there any chance…": the chance is not the thing
  'kans',
  'kansje',
  'chance',
  'mogelijkheid',
  'possibility',
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

const comparatives = new Set(
  'kleinere kleiner grotere groter goedkopere goedkoper lichtere lichter simpelere simpeler andere ander smaller bigger larger cheaper lighter simpler other different maat size kleur colour color een a'.split(
    ' ',
  ),
);
// Formats and conditions a listed product may be asked in: values like a colour or a size.
const formats = new Set(
  'paperback paperbacks hardback hardcover pocket refurbished refurb second-hand secondhand tweedehands preloved pre-owned ex-display ex-demo grootletter large-print wide-fit'.split(
    ' ',
  ),
);
const twoWordFormats = new Set(['large print', 'wide fit', 'extra wide', 'second hand', 'slim fit', 'regular fit', 'grote letter']);
// Words after which a name or value is one the shop already lists ("I only see Sage and DeLonghi").
const onlyWords = new Set(['only', 'alleen', 'enkel', 'uitsluitend', 'slechts']);
// Words that stand for the thing asked about without naming it.
const pronouns = new Set(['it', 'them', 'one', 'ones', 'those', 'these', 'that', 'this', 'het', 'hem', 'ze', 'zulke', 'dat', 'dit']);
const versionWord = /^(versie|versies|version|versions|editie|edities|edition|editions|uitvoering|uitvoeringen|variant|varianten|model)$/;
const versionCompound = /^[\p{L}\d]{3,}-?(versie|editie|edition|uitvoering|variant)$/u;
const dimensions = /^\d+x\d+(?:x\d+)?(?:cm|mm|m)?$/;

/**
 * Request frames: the customer's ways of asking for what the shop does not
 * have. Slots are separated by spaces, alternatives by |, a trailing ? makes
 * a slot optional. The item follows the frame (after the lead words). A
 * leading ~ marks an indirect frame ("looking for", "ik zoek"), which also
 * names what the customer wants from the shop's own range; a question to the
 * shop ("do you sell", "verkopen jullie") outranks it. A leading ^ marks a
 * Dutch frame whose verb comes last: it asks for an item only when that verb
 * is one of selling ("kunnen jullie X leveren", not "… X bezorgen"). A
 * leading < marks a frame that must open its clause ("u do a 1kg one?", not
 * "the unit you sell is too tall").
 */
const frameSpecs: Record<Lang, readonly string[]> = {
  en: [
    'do|does|did|would|will|could|can you|u|ya guys|folks? also|ever|still|currently|maybe|perhaps|possibly|actually|not? happen? to? sell|stock|carry|have|do|make|offer|supply|get|order|sells|stocks|carries',
    'are|r you|u guys? also|ever|still? going|planning|thinking|likely|looking to|of|about|at? sell|stock|carry|add|offer|bring|selling|stocking|carrying|adding|offering|bringing|getting|doing',
    'whether|if you|we|u guys? also|ever|still|currently? sell|stock|carry|have|do|offer|get|make|could|sold|stocked|carried|had|did|made|offered',
    'is|are there also|ever|still|maybe|perhaps|possibly|not?',
    'you|u guys? should|could|must really|definitely|seriously|totally? sell|stock|carry|start|add|offer|consider|do|get',
    'any chance',
    "you|u do|dont|don't|never not? seem? to? sell|stock|carry|have",
    '<~you|u guys? do|sell|stock|carry|have|make',
    "~couldn't|couldnt|can't|cant|cannot|didn't|didnt|don't|dont find|see|spot",
    '~could|can|did|do not find|see|spot',
    '~looking|searching|hunting for',
    "~i'm|im after",
    '~can|could|may i|we get|buy|order|have',
    '~in the market for',
    'wish you sold|had|stocked|carried|did|made|offered|would',
    'start|started|begin|starting selling|stocking|carrying|doing|offering',
    'plan|plans|planning to|on sell|stock|carry|add|offer|selling|stocking|carrying|adding|offering',
    'consider|considering stocking|selling|adding|carrying|offering',
    'please stock|add|carry|sell',
    '~asked for|about',
    '~wants|wanted|needs|needed',
  ],
  nl: [
    'verkopen|verkoopt|verkoop|hebben|heeft|hebt|heb|leveren|levert|lever|voeren|voert|bieden|biedt|doen|doet|maken|maakt jullie|julie|u|je|jij',
    '^gaan|gaat|ga|zullen|zult|zouden|zou|willen|wil|kunnen|kunt|kan jullie|julie|u|je|jij ook|ooit|nog|misschien|binnenkort|eens?',
    'komen|komt|kom jullie|julie|u|je|jij ook|ooit|nog|misschien|binnenkort|eens? met',
    'is|zijn er ook|ooit|nog|misschien|eigenlijk|geen?',
    'komt|komen|bestaat|bestaan er|die|deze|dit|het|hij|ze? ook|nog|misschien?',
    'of|dat jullie|julie|u|je|jij ook|nog|misschien|eigenlijk?',
    'ik mis',
    '~ik zoek',
    '~zoek ik',
    '~op zoek naar',
    '~zie|vind ik|je geen|nergens',
    '~kan|kon ik geen|nergens',
    'plannen|plan om',
  ],
};

interface FrameSlot {
  words: ReadonlySet<string>;
  optional: boolean;
}

interface Frame {
  slots: FrameSlot[];
  direct: boolean;
  verbLast: boolean;
  opensClause: boolean;
}

const sellingVerbs = new Set(
  'verkopen verkoop verkocht aanbieden aanbiedt leveren levert opnemen nemen voeren inkopen krijgen hebben halen'.split(' '),
);

function compileFrames(specs: readonly string[]): Map<string, Frame[]> {
  const byFirst = new Map<string, Frame[]>();
  for (const spec of specs) {
    const opensClause = spec.startsWith('<');
    const bare = spec.replace(/^</, '');
    const direct = !bare.startsWith('~');
    const verbLast = bare.startsWith('^');
    const slots = bare
      .replace(/^[~^]/, '')
      .split(' ')
      .map((s) => ({ words: new Set(s.replace(/\?$/, '').split('|')), optional: s.endsWith('?') }));
    for (const w of slots[0]!.words) {
      let list = byFirst.get(w);
      if (!list) byFirst.set(w, (list = []));
      list.push({ slots, direct, verbLast, opensClause });
    }
  }
  return byFirst;
}
const frames: Record<Lang, Map<string, Frame[]>> = { en: compileFrames(frameSpecs.en), nl: compileFrames(frameSpecs.nl) };

/** The longest frame starting at token i: its end and whether it is a direct question. Frames do not cross clause boundaries. */
function frameAt(turn: AnalysedTurn, i: number, language: Lang): { end: number; direct: boolean } | undefined {
  const candidates = frames[language].get(turn.norm[i]!);
  if (!candidates) return undefined;
  let best: { end: number; direct: boolean } | undefined;
  for (const { slots, direct, verbLast, opensClause } of candidates) {
    if (opensClause && !turn.boundaryBefore[i]) continue;
    let j = i;
    let ok = true;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!;
      if (j < turn.norm.length && (s === 0 || !turn.boundaryBefore[j]) && slot.words.has(turn.norm[j]!)) j++;
      else if (!slot.optional) {
        ok = false;
        break;
      }
    }
    if (ok && verbLast && !sellingVerbLater(turn, j)) ok = false;
    if (ok && (!best || j > best.end)) best = { end: j, direct };
  }
  return best;
}

/** A place in a turn where an item may be named: after a frame, or around a cue hit. */
interface Site {
  turn: AnalysedTurn;
  from: number;
  to: number;
  /** Clause bounds, at most WINDOW tokens either side of the frame or hit. */
  a: number;
  b: number;
  frame: boolean;
  /** A question to the shop rather than a wish ("do you sell" rather than "looking for"). */
  direct: boolean;
  rank: number;
  /** Where the next frame in the turn starts: a name after it belongs to that request. */
  next: number;
}

function lower(turn: AnalysedTurn, from: number, to: number): string {
  return turn.text
    .slice(turn.start[from]!, turn.end[to - 1]!)
    .toLowerCase()
    .trim();
}

// Names per clause, computed once per turn: a long turn with many hits would otherwise be read once per hit.
const namesByClause = new WeakMap<AnalysedTurn, Map<string, Name[]>>();

interface Name {
  from: number;
  to: number;
  text: string;
}

/** Token range of the clause around a hit. */
export function clauseOf(hit: Pick<CueHit, 'turn' | 'from' | 'to'>): [number, number] {
  const { starts, ends } = clauseBounds(hit.turn);
  return [starts[hit.from] ?? 0, ends[hit.to] ?? hit.turn.norm.length];
}

/** Whether a sentence end (. ! ? or a line break) stands in the gap before token i. */
function sentenceBreakBefore(turn: AnalysedTurn, i: number): boolean {
  if (i <= 0 || i >= turn.norm.length) return true;
  if (!turn.boundaryBefore[i]) return false;
  return /[.!?\n]/.test(turn.text.slice(turn.end[i - 1]!, turn.start[i]!));
}

/**
 * How far around a frame or hit an item is looked for, in tokens. A turn
 * without punctuation is one clause; reading all of it for every frame in it
 * would be quadratic.
 */
const WINDOW = 24;

/** The first sentence end after token i (exclusive bound), at most WINDOW tokens on. */
function sentenceEnd(turn: AnalysedTurn, i: number): number {
  const limit = Math.min(turn.norm.length, i + 1 + WINDOW);
  let j = i + 1;
  while (j < limit && !sentenceBreakBefore(turn, j)) j++;
  return j;
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

/**
 * Runs of capitalised words that are not sentence starts or common words:
 * names of brands and product lines. The cue layer reads these too (a
 * request naming a name is a brand cue), so their rules stay as trained.
 */
export function names(turn: AnalysedTurn, a: number, b: number): readonly string[] {
  return nameSpans(turn, a, b, false).map((n) => n.text);
}

/**
 * The name of tokens [a, b) that starts at token i, if any. The names are in
 * token order, so a binary search: a linear look-up for every request in a
 * long clause of names would be quadratic.
 */
export function nameStartingAt(turn: AnalysedTurn, a: number, b: number, i: number): Name | undefined {
  const spans = nameSpans(turn, a, b, false);
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.from < i) lo = mid + 1;
    else hi = mid;
  }
  const name = spans[lo];
  return name?.from === i ? name : undefined;
}

/** Names with their token ranges. `inner` also accepts names with an inner apostrophe ("Arc'teryx"), not contractions. */
function nameSpans(turn: AnalysedTurn, a: number, b: number, inner: boolean): readonly Name[] {
  let cache = namesByClause.get(turn);
  if (!cache) namesByClause.set(turn, (cache = new Map()));
  const key = `${a}:${b}:${inner ? 1 : 0}`;
  let found = cache.get(key);
  if (!found) cache.set(key, (found = findNames(turn, a, b, inner)));
  return found;
}

// Capitalised possessives that open an occasion, not a brand ("Mother's Day"); brands keep theirs ("Levi's").
const occasions = new Set(["mother's", "father's", "valentine's", "children's", "women's", "men's", "kid's"]);

function apostropheBlocks(word: string, inner: boolean): boolean {
  if (!word.includes("'")) return false;
  return !inner || occasions.has(word) || /'(t|m|re|ll|ve|d)$/.test(word);
}

// "CO2-installaties", "USB-kabels", "LED-lampen": a compound with a lower-case head is a kind of product ("Maxi-Cosi" stays a name)
const compoundWithLowerHead = /-\p{Ll}+$/u;

function findNames(turn: AnalysedTurn, a: number, b: number, inner: boolean): Name[] {
  const out: Name[] = [];
  let i = a;
  while (i < b) {
    const raw = turn.text.slice(turn.start[i]!, turn.end[i]!);
    const capital = /^\p{Lu}/u.test(raw) && raw !== raw.toUpperCase() ? true : /^\p{Lu}{2,}$/u.test(raw) && raw.length <= 6;
    const sentenceStart = i === 0 || opensSentence(turn.text, turn.start[i]!);
    const listedAlready = i > a && /^(alleen|only|just|enkel)$/.test(turn.norm[i - 1]!);
    if (capital && inner && occasions.has(turn.norm[i]!)) {
      // "Mother's Day": the capitals after it belong to the occasion
      i++;
      while (i < b && !turn.boundaryBefore[i] && /^\p{Lu}/u.test(turn.text.slice(turn.start[i]!, turn.end[i]!))) i++;
      continue;
    }
    if (
      !capital ||
      listedAlready ||
      compoundWithLowerHead.test(raw) ||
      notName.has(turn.norm[i]!) ||
      apostropheBlocks(turn.norm[i]!, inner) ||
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
    out.push({ from: i, to: j, text: lower(turn, i, j) });
    i = j;
  }
  return out;
}

/** First token after an "only"/"alleen" in [a, b), or b: what stands after it is already in the range. */
function listedFrom(turn: AnalysedTurn, a: number, b: number): number {
  for (let i = a; i < b; i++) if (onlyWords.has(turn.norm[i]!)) return i + 1;
  return b;
}

/**
 * Values a range names, with where they start: a colour, a size, a format,
 * an amount with its unit ("8,8 liter", "60ml", "30x30"). Values after an
 * "only"/"alleen" in their clause are what the shop has and are left out.
 */
function values(turn: AnalysedTurn, a: number, b: number): Array<{ at: number; text: string }> {
  const out: Array<{ at: number; text: string }> = [];
  const { starts } = clauseBounds(turn);
  let listed = -1;
  for (let i = a; i < b; i++) {
    if (listed >= 0 && starts[i] !== starts[listed]) listed = -1;
    if (onlyWords.has(turn.norm[i]!)) listed = i;
    if (listed >= 0) continue;
    const w = turn.norm[i]!;
    const pairText = i + 1 < b && !turn.boundaryBefore[i + 1] ? `${w} ${turn.norm[i + 1]}` : '';
    if (colours.has(w) || sizes.test(w) || formats.has(w) || dimensions.test(w)) out.push({ at: i, text: lower(turn, i, i + 1) });
    else if (twoWordFormats.has(pairText)) out.push({ at: i, text: lower(turn, i, ++i + 1) });
    else if (/^\d+$/.test(w)) {
      // a decimal written with a comma or point is two tokens, the comma a clause break: "8,8 liter"
      let last = i;
      if (i + 1 < b && /^\d+$/.test(turn.norm[i + 1]!) && /^[.,]$/.test(turn.text.slice(turn.end[i]!, turn.start[i + 1]!))) last++;
      const u = last + 1;
      if (u < b && !turn.boundaryBefore[u] && unit.test(turn.norm[u]!)) {
        out.push({ at: i, text: lower(turn, i, u + 1) });
        i = u;
      }
    } else if (amount.test(w) && /\D/.test(w)) out.push({ at: i, text: lower(turn, i, i + 1) });
  }
  return out;
}

/** Index of the first token after the lead words from i, or -1 at a clause end (the item never opens a new clause). */
function afterLead(turn: AnalysedTurn, i: number, language: Lang): number {
  while (i < turn.norm.length && !turn.boundaryBefore[i] && lead[language].has(turn.norm[i]!)) i++;
  if (i >= turn.norm.length || turn.boundaryBefore[i]) return -1;
  return i;
}

/** Whether the thing asked for is only pointed at ("do you sell them?"). */
function pointsBack(turn: AnalysedTurn, to: number, language: Lang): boolean {
  const i = afterLead(turn, to, language);
  return i >= 0 && pronouns.has(turn.norm[i]!);
}

/** The noun phrase after a frame or cue: up to four words, after lead words, before a stop word or clause end. */
function following(turn: AnalysedTurn, to: number, language: Lang): string | undefined {
  const i = afterLead(turn, to, language);
  if (i < 0 || pronouns.has(turn.norm[i]!)) return undefined;
  return nounPhrase(turn, i, language);
}

/** The noun phrase from token `start`: up to four words, before a stop word or the clause end, without trailing filler. */
function nounPhrase(turn: AnalysedTurn, start: number, language: Lang): string | undefined {
  let i = start;
  while (
    i < turn.norm.length &&
    i - start < 4 &&
    (i === start || (!turn.boundaryBefore[i] && !turn.text.slice(turn.end[i - 1]!, turn.start[i]!).includes('/'))) &&
    !stop[language].has(turn.norm[i]!) &&
    !onlyWords.has(turn.norm[i]!) &&
    !/^\p{Extended_Pictographic}/u.test(turn.norm[i]!)
  )
    i++;
  while (i > start && (notItem.has(turn.norm[i - 1]!) || pronouns.has(turn.norm[i - 1]!))) i--;
  if (i === start) return undefined;
  return lower(turn, start, i);
}

/** What follows "in"/"als" in a variant question ("in a UK 14", "ook in het groen", "als kale versie"). */
function afterIn(turn: AnalysedTurn, from: number, b: number, language: Lang): string | undefined {
  b = listedFrom(turn, from, b);
  for (let i = from; i < b - 1; i++) {
    if (turn.norm[i] !== 'in' && !(language === 'nl' && turn.norm[i] === 'als' && i > from)) continue;
    let j = i + 1;
    while (j < b && /^(een|de|het|a|an|the|maat|size|kleur|colour|color)$/.test(turn.norm[j]!)) j++;
    const start = j;
    while (j < b && j - start < 3 && !stop[language].has(turn.norm[j]!) && !/^(ofzo|or|of|stock|voorraad)$/.test(turn.norm[j]!)) j++;
    if (j > start) return lower(turn, start, j);
  }
  return undefined;
}

/** Whether every word is a comparative or a placeholder ("kleinere", "a cheaper one"): a wish, not yet the value. */
function vague(item: string): boolean {
  return item.split(/\s+/).every((w) => comparatives.has(w) || pronouns.has(w));
}

/** A version the customer describes: "basisversie", "cotton version", "versie met reclame", "kale versie". */
function version(turn: AnalysedTurn, a: number, b: number): string | undefined {
  for (let i = a; i < b; i++) {
    const w = turn.norm[i]!;
    if (versionCompound.test(w)) return lower(turn, i, i + 1);
    if (!versionWord.test(w)) continue;
    // up to two describing words before it ("large print editions", "kale versie")
    let from = i;
    while (from > a && i - from < 2 && describes(turn.norm[from - 1]!)) from--;
    if (from < i) return lower(turn, from, i + 1);
    // or what it has or lacks after it ("versie met grotere stukken")
    if (i + 2 < b && /^(met|zonder|with|without)$/.test(turn.norm[i + 1]!)) {
      let j = i + 2;
      while (j < b && j - i < 5 && !stop.nl.has(turn.norm[j]!) && !stop.en.has(turn.norm[j]!)) j++;
      if (j > i + 2) return lower(turn, i, j);
    }
  }
  return undefined;
}

function describes(word: string): boolean {
  return !lead.nl.has(word) && !lead.en.has(word) && !stop.nl.has(word) && !stop.en.has(word) && !pronouns.has(word);
}

/** "without (the) lids" → "without lids". */
function without(turn: AnalysedTurn, a: number, b: number): string | undefined {
  for (let i = a; i < b - 1; i++) {
    if (!/^(without|zonder)$/.test(turn.norm[i]!)) continue;
    let j = i + 1;
    while (j < b && /^(the|a|an|de|het|een|al|die|all|those)$/.test(turn.norm[j]!)) j++;
    if (j < b) return `${turn.norm[i]} ${lower(turn, j, j + 1)}`;
  }
  return undefined;
}

/** The subject line of an e-mail turn ("Subject: baby monitor?"), when short enough to be the thing itself. */
function subjectLine(turn: AnalysedTurn): string | undefined {
  const m = /^\s*(?:subject|onderwerp|re)\s*:\s*([^\n?!.]{2,40})/i.exec(turn.text);
  if (!m) return undefined;
  const words = m[1]!.trim().toLowerCase().split(/\s+/);
  return words.length <= 3 ? words.join(' ') : undefined;
}

/** Whether a verb of selling closes the clause that goes on at token i (within WINDOW tokens). */
function sellingVerbLater(turn: AnalysedTurn, i: number): boolean {
  const limit = Math.min(turn.norm.length, i + WINDOW);
  for (let j = i; j < limit && (j === i || !turn.boundaryBefore[j]); j++) if (sellingVerbs.has(turn.norm[j]!)) return true;
  return false;
}

/** Request frames in a turn, as sites. A frame right after another, only lead words between, continues it ("if we have any plans to stock"). */
function frameSites(turn: AnalysedTurn, language: Lang): Site[] {
  const out: Site[] = [];
  const { starts, ends } = clauseBounds(turn);
  for (let i = 0; i < turn.norm.length; i++) {
    const f = frameAt(turn, i, language);
    if (!f) continue;
    const last = out[out.length - 1];
    if (last && last.b > i && afterLead(turn, last.to, language) >= i) {
      last.to = f.end;
      last.b = Math.max(last.b, ends[f.end] ?? turn.norm.length);
    } else
      out.push({
        turn,
        from: i,
        to: f.end,
        a: starts[i] ?? 0,
        b: ends[f.end] ?? turn.norm.length,
        frame: true,
        direct: f.direct,
        rank: 0,
        next: turn.norm.length,
      });
    i = f.end - 1;
  }
  for (let k = 0; k + 1 < out.length; k++) out[k]!.next = out[k + 1]!.from;
  return out;
}

// The best few sites name the item; a conversation repeating its question a thousand times is not read a thousand times.
const MAX_SITES = 16;

/**
 * Sites in the order to try. A frame scores by its kind (a question to the
 * shop 2, a wish 1) plus the best cue support in its clause; a hit outside
 * frames by its support alone. Ties go to the earlier words: the first
 * request is the main one.
 */
function sites(pair: string, hits: readonly ItemAnchor[], language: Lang, turns: readonly AnalysedTurn[]): Site[] {
  const out: Site[] = [];
  // support of a clause by a hit: the pair's own cue, another assortment cue, the model's strongest word (no cue)
  const support = (h: ItemAnchor) => (h.cue === undefined ? 0.5 : h.cue.pair === pair ? 1.5 : 1);
  // the best support per turn and clause start, so a frame finds its clause's support in one look-up
  const supportByClause = new Map<AnalysedTurn, Map<number, number>>();
  for (const h of hits) {
    let byClause = supportByClause.get(h.turn);
    if (!byClause) supportByClause.set(h.turn, (byClause = new Map()));
    const { starts } = clauseBounds(h.turn);
    for (const at of [starts[h.from] ?? 0, starts[h.to - 1] ?? 0]) byClause.set(at, Math.max(byClause.get(at) ?? 0, support(h)));
  }
  const scan = turns.length ? turns : [...supportByClause.keys()];
  for (const turn of scan) {
    const byClause = supportByClause.get(turn);
    const { starts } = clauseBounds(turn);
    for (const s of frameSites(turn, language)) {
      const best = byClause ? Math.max(byClause.get(s.a) ?? 0, byClause.get(starts[s.b - 1] ?? s.a) ?? 0) : 0;
      // a question to the shop outranks a cue hit outside any frame: cues also fire on what the shop already has ("only in 1 liter")
      s.rank = (s.direct ? 2 : 1) + best;
      out.push(s);
    }
  }
  for (const h of hits) {
    const [a, b] = clauseOf(h);
    out.push({
      turn: h.turn,
      from: h.from,
      to: h.to,
      a,
      b,
      frame: false,
      direct: false,
      rank: support(h) + h.weight / 10,
      next: h.turn.norm.length,
    });
  }
  for (const s of out) {
    s.a = Math.max(s.a, s.from - WINDOW);
    s.b = Math.min(s.b, s.to + WINDOW);
  }
  out.sort((x, y) => y.rank - x.rank || x.turn.index - y.turn.index || x.from - y.from);
  return out.slice(0, MAX_SITES);
}

const missingMarkers = new Set(['geen', 'no', 'not', 'niet', 'nergens', 'zonder', 'without', 'never', 'nooit']);

function brandItems(s: Site, language: Lang): string[] {
  const t = s.turn;
  let end = s.b;
  // "whether you stock, or could order in, Folio Society editions?": the frame's clause is empty, its sentence is not
  if (s.frame && s.to >= s.b) end = sentenceEnd(t, s.to - 1);
  end = Math.min(end, s.next);
  const listed = listedFrom(t, s.a, end);
  const usable = nameSpans(t, s.a, end, true).filter((n) => n.from < listed);
  // "jullie voeren Weber en Kamado Joe, maar geen Big Green Egg": the name said to be missing is the one asked for
  const sentence = Math.min(sentenceEnd(t, Math.max(s.a, s.to - 1)), s.next);
  const missing = nameSpans(t, s.a, Math.max(end, sentence), true).filter((n) => n.from > 0 && missingMarkers.has(t.norm[n.from - 1]!));
  if (missing.length) return missing.map((n) => n.text);
  const after = usable.filter((n) => n.from >= s.to);
  if (after.length) return after.map((n) => n.text);
  if (s.frame) {
    if (pointsBack(t, s.to, language)) {
      // "I couldn't find David Austin. Do you stock them?": the last name before, outside any "only" list
      const before = nameSpans(t, Math.max(0, s.from - 2 * WINDOW), s.from, true).filter(
        (n) => n.from < listedFrom(t, sentenceStartOf(t, n.from), s.from),
      );
      const last = before[before.length - 1];
      return last ? [last.text] : [];
    }
    const f = following(t, s.to, language);
    return f ? [f] : [];
  }
  if (usable.length) return [usable[0]!.text];
  return [];
}

/** Start of the sentence of token i, at most WINDOW tokens back. */
function sentenceStartOf(turn: AnalysedTurn, i: number): number {
  const limit = Math.max(0, i - WINDOW);
  let j = i;
  while (j > limit && !sentenceBreakBefore(turn, j)) j--;
  return j;
}

function variantItems(s: Site, language: Lang): string[] {
  const t = s.turn;
  const from = s.frame ? s.from : s.a;
  const v = version(t, s.a, s.b);
  if (v) return [v];
  const asked = afterIn(t, from, s.b, language);
  if (asked && !vague(asked)) return [asked];
  // in the clause, else later in the sentence ("in a smaller size, 20 cm for example")
  const found = values(t, from, sentenceEnd(t, Math.max(s.b - 1, from)));
  const inClause = found.filter((x) => x.at < s.b);
  if (inClause.length) return inClause.map((x) => x.text);
  if (found.length) return found.map((x) => x.text);
  if (s.frame) {
    const f = following(t, s.to, language);
    if (f && !vague(f)) return [f];
  }
  const w = without(t, s.a, s.b);
  if (w) return [w];
  if (asked) return [asked];
  if (!s.frame) {
    const f = following(t, s.to, language);
    if (f) return [f];
  }
  return [];
}

function productItems(s: Site, language: Lang): string[] {
  const t = s.turn;
  if (s.frame && pointsBack(t, s.to, language)) {
    const named = frontedObject(t, s.a, language) ?? subjectLine(t);
    return named ? [named] : [];
  }
  const f = following(t, s.to, language);
  // "hebben jullie ook kleinere, in 9cm pot?": a comparative asks for a variant; its value is the item
  if (f && vague(f)) {
    const v = variantItems(s, language);
    return v.length ? v : [f];
  }
  if (f) return [f];
  if (s.frame) {
    // nothing after the question ("verkopen jullie die ook?"): the thing may stand before it
    const named = frontedObject(t, s.a, language);
    return named ? [named] : [];
  }
  const n = nameSpans(t, s.a, s.b, true)[0];
  return n ? [n.text] : [];
}

/**
 * "lesboeken, verkopen jullie die ook?", "racing cockpits, do you sell them
 * at all?": the thing is named first, in a short clause of the same sentence,
 * and the question points back at it.
 */
// what opens a message without naming anything ("Goedemorgen, verkopen jullie die ook?")
const openers = new Set(
  'hoi hallo hey hi hello hiya heya yo dag beste geachte goedemorgen goedemiddag goedenavond morning afternoon evening dear thanks thx bedankt dank ok oke okay ja nee yes no sorry so zo nou well en and but maar trouwens btw also'.split(
    ' ',
  ),
);

function frontedObject(turn: AnalysedTurn, a: number, language: Lang): string | undefined {
  if (a === 0 || sentenceBreakBefore(turn, a)) return undefined;
  const start = clauseBounds(turn).starts[a - 1]!;
  // a noun phrase, not a sentence of its own
  if (a - start > 6) return undefined;
  let i = start;
  while (i < a && lead[language].has(turn.norm[i]!)) i++;
  if (i >= a || openers.has(turn.norm[i]!)) return undefined;
  // the phrase ends at the latest where the question's clause begins
  return nounPhrase(turn, i, language);
}

/** Whether an "only"/"alleen" stands in the site's clause before its frame or cue ends. */
function withinOnly(s: Site): boolean {
  for (let i = s.a; i < s.to; i++) if (onlyWords.has(s.turn.norm[i]!)) return true;
  return false;
}

// Words that open a clause going on with the same request ("… stock Leica? and Kowa scopes?").
const continuing = new Set(['and', 'or', 'also', 'plus', 'en', 'of', 'ook']);

/** Items of up to two clauses right after a frame's clause that go on with the same request. */
function continuations(s: Site, subtype: string, language: Lang): string[] {
  const t = s.turn;
  const { ends } = clauseBounds(t);
  const out: string[] = [];
  let j = s.b;
  for (let k = 0; k < 2 && j < t.norm.length && j < s.to + WINDOW && continuing.has(t.norm[j]!); k++) {
    const b = Math.min(ends[j + 1] ?? t.norm.length, j + WINDOW);
    if (subtype === 'brand') {
      const found = nameSpans(t, j, b, true);
      const listed = listedFrom(t, j, b);
      for (const n of found) if (n.from < listed) out.push(n.text);
    } else if (subtype === 'variant') {
      for (const v of values(t, j, b)) out.push(v.text);
    } else {
      const f = following(t, j + 1, language);
      if (f) out.push(f);
    }
    j = b;
  }
  return out;
}

/** `s` without trailing ? ! . , ; : (a loop, not /[…]+$/, which rescans a long run from every position in it). */
function trimEndPunctuation(s: string): string {
  let end = s.length;
  while (end > 0 && '?!.,;:'.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/**
 * Items of one assortment pair. `hits` are the tagger's cue hits (the pair's
 * own and other assortment cues); `turns` the turns whose words decide (the
 * customer's, or a call note's), scanned for request frames. Without turns,
 * the hits' turns are scanned.
 */
export function extractItems(pair: string, hits: readonly ItemAnchor[], language: Lang, turns: readonly AnalysedTurn[] = []): string[] {
  const subtype = pair.slice(pair.indexOf('/') + 1);
  const items: string[] = [];
  const add = (x: string | undefined) => {
    const item = x === undefined ? undefined : trimEndPunctuation(x).trim();
    if (item && item.length <= 60 && !notItem.has(item) && !pronouns.has(item) && !items.includes(item)) items.push(item);
  };
  for (const s of sites(pair, hits, language, turns)) {
    if (withinOnly(s)) continue; // "only come in the 2.5kg net": what the shop has
    const found =
      subtype === 'brand' ? brandItems(s, language) : subtype === 'variant' ? variantItems(s, language) : productItems(s, language);
    found.forEach(add);
    if (!items.length) continue;
    if (s.frame) for (const more of continuations(s, subtype, language)) add(more);
    break; // the best site names the item
  }
  return items;
}
