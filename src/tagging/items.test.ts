import { describe, expect, it } from 'vitest';
import type { PairKey } from '../contract/taxonomy.js';
import { analyseTurn, type AnalysedTurn } from '../text/analyse.js';
import { extractItems, names, type ItemAnchor } from './items.js';
import { compileCue } from './lexicon/compile.js';
import { createTagger } from './tagger.js';

type Lang = 'nl' | 'en';

const turnOf = (text: string, language: Lang, index = 0): AnalysedTurn => analyseTurn(text, 'customer', index, language);

/** Items of one pair from customer turns alone: only request frames point at them. */
function items(subtype: 'product' | 'brand' | 'variant', language: Lang, ...texts: string[]): string[] {
  const turns = texts.map((t, i) => turnOf(t, language, i));
  return extractItems(`assortment_request/${subtype}`, [], language, turns);
}

/** A cue hit of `pair` on the words `words` of `turn`. */
function hitOn(turn: AnalysedTurn, words: string, pair: PairKey, weight = 0.9): ItemAnchor {
  const want = words.toLowerCase().split(' ');
  for (let i = 0; i + want.length <= turn.norm.length; i++)
    if (want.every((w, k) => turn.norm[i + k] === w))
      return { turn, from: i, to: i + want.length, weight, cue: compileCue(pair, `${words.toLowerCase()} @${weight}`) };
  throw new Error(`"${words}" not in "${turn.text}"`);
}

describe('brands: the name the request frame asks for', () => {
  it('takes the name after the question, not the names the customer owns (en)', () => {
    expect(items('brand', 'en', 'My Trek Domane has been great for years. Would you ever stock Rapha kit?')).toEqual(['rapha']);
  });
  it('takes the name after the question, not the names the customer owns (nl)', () => {
    expect(items('brand', 'nl', 'Ik rijd al jaren op een Gazelle. Verkopen jullie ook Riese & Müller?')).toEqual(['riese & müller']);
  });
  it('never takes what the shop already lists after "only"/"alleen"', () => {
    expect(items('brand', 'en', 'On your site I can only find Castelli and Assos, do you also carry Rapha?')).toEqual(['rapha']);
    expect(items('brand', 'nl', 'Ik zie alleen Garmin en Polar. Hebben jullie ook Coros?')).toEqual(['coros']);
  });
  it('near miss: a question about the shop only selling a brand names no item', () => {
    expect(items('brand', 'en', 'Do you only sell Castelli?')).toEqual([]);
    expect(items('brand', 'nl', 'Verkopen jullie alleen Garmin?')).toEqual([]);
  });
  it('follows "them"/"ze" back to the last name before the question', () => {
    expect(items('brand', 'en', 'Our barista swears by Hario kettles. Do you stock them?')).toEqual(['hario']);
    expect(items('brand', 'nl', 'Mijn zus gebruikt Hario filters. Hebben jullie ze?')).toEqual(['hario']);
  });
  it('near miss: a pointing question with no name before it names nothing', () => {
    expect(items('brand', 'en', 'Do you stock them?')).toEqual([]);
    expect(items('brand', 'nl', 'Verkopen jullie ze?')).toEqual([]);
  });
  it('reads a name with an inner apostrophe, not an occasion', () => {
    expect(items('brand', 'nl', "Gaan jullie ook Arc'teryx verkopen?")).toEqual(["arc'teryx"]);
    expect(items('brand', 'en', "Do you sell Mother's Day cards by Papyrus?")).toEqual(['papyrus']);
  });
  it('looks past an empty clause to the rest of the sentence', () => {
    expect(items('brand', 'en', 'I wondered whether you stock, or could get in, Moomin Arabia mugs?')).toEqual(['moomin arabia']);
  });
  it('a question to the shop outranks a wish ("looking for")', () => {
    expect(items('brand', 'en', "I'm looking for the Lumix S5. Do you carry Sigma lenses?")).toEqual(['sigma']);
    expect(items('brand', 'en', "I'm looking for the Lumix S5.")).toEqual(['lumix s5']);
  });
  it('goes on into a next clause that continues the request ("… and Altra?")', () => {
    expect(items('brand', 'en', 'Would you ever stock Hoka? and maybe Altra?')).toEqual(['hoka', 'altra']);
    expect(items('brand', 'nl', 'Verkopen jullie ook Lowa? En Meindl?')).toEqual(['lowa', 'meindl']);
  });
  it('near miss: a next sentence that does not continue the request adds nothing', () => {
    expect(items('brand', 'en', 'Would you ever stock Hoka? Altra is what my partner wears.')).toEqual(['hoka']);
    expect(items('brand', 'nl', 'Verkopen jullie ook Lowa? Meindl heb ik al.')).toEqual(['lowa']);
  });
  it('keeps names as the cue layer reads them: no inner apostrophes there', () => {
    const t = turnOf("I'd love Arc'teryx and Patagonia here", 'en');
    expect(names(t, 0, t.norm.length)).toEqual(['patagonia']);
  });
});

describe('products: the noun phrase after the request', () => {
  it('reads the thing after a question to the shop (en, nl)', () => {
    expect(items('product', 'en', 'Any chance you will start doing proper reading lamps though?')).toEqual(['proper reading lamps']);
    expect(items('product', 'nl', 'Gaan jullie ooit houten speelgoed verkopen?')).toEqual(['houten speelgoed']);
    expect(items('product', 'nl', 'Komen jullie ooit met biologische zaden?')).toEqual(['biologische zaden']);
  });
  it('reads a statement of the gap ("ik mis") and a call note', () => {
    expect(items('product', 'nl', 'Mooie tuinafdeling, maar ik mis regentonnen.')).toEqual(['regentonnen']);
    const note = analyseTurn('Customer rang: asked whether we carry pet ramps at all. Logged it.', 'agent', 0, 'en');
    expect(extractItems('assortment_request/product', [], 'en', [note])).toEqual(['pet ramps']);
  });
  it('takes the subject line when the question only points ("them")', () => {
    expect(items('product', 'en', 'Subject: dog ramps\n\nOur old labrador struggles with the stairs. Do you sell them?')).toEqual([
      'dog ramps',
    ]);
    expect(items('product', 'nl', 'Onderwerp: regentonnen\n\nIk zie ze nergens op de site. Verkopen jullie ze?')).toEqual(['regentonnen']);
  });
  it('near miss: without a subject line a pointing question names nothing', () => {
    expect(items('product', 'en', 'Our old labrador struggles with the stairs. Do you sell them?')).toEqual([]);
  });
  it('reads suggestions and polite questions', () => {
    expect(items('product', 'en', 'You guys should really stock trail gaiters')).toEqual(['trail gaiters']);
    expect(items('product', 'en', 'Is there any way you could carry left-handed pruners?')).toEqual(['left-handed pruners']);
    expect(items('brand', 'nl', 'Zouden jullie ooit Vaude kunnen leveren?')).toEqual(['vaude']);
    expect(items('product', 'nl', 'Ik zou graag zien dat jullie ook insectenhotels verkopen')).toEqual(['insectenhotels']);
  });
  it('near miss: a service request in the same shape names no item', () => {
    expect(items('product', 'en', 'Is there any way you could deliver it on Monday?')).toEqual([]);
    expect(items('product', 'nl', 'Kunnen jullie het pakket morgen bezorgen?')).toEqual([]);
  });
  it('stops at a slash between alternatives', () => {
    expect(items('product', 'en', 'Do you sell e-books / audiobooks?')).toEqual(['e-books']);
  });
  it('a comparative asks for a variant: its value is the item', () => {
    expect(items('product', 'en', 'Do you have smaller ones, in 500 ml?')).toEqual(['500 ml']);
    expect(items('product', 'nl', 'Hebben jullie ook goedkopere, in een zak van 250 gram?')).toEqual(['250 gram']);
  });
  it('never starts the item in the next clause', () => {
    expect(items('product', 'en', 'Do you sell? Tripods, I mean.')).toEqual([]);
  });
});

describe('variants: versions, values and what follows "in"', () => {
  it('takes a described version before a value elsewhere in the clause', () => {
    expect(items('variant', 'en', 'The 200 cm rack is too tall, do you have a three-shelf version?')).toEqual(['three-shelf version']);
    expect(items('variant', 'nl', 'Hebben jullie hem ook als kale versie zonder accessoires?')).toEqual(['kale versie']);
  });
  it('reads version compounds and "versie met …"', () => {
    expect(items('variant', 'nl', 'Is er geen studentenversie?')).toEqual(['studentenversie']);
    expect(items('variant', 'nl', 'Bestaat die ook in een versie met grotere knoppen?')).toEqual(['versie met grotere knoppen']);
  });
  it('reads what follows "in"', () => {
    expect(items('variant', 'en', 'Do you stock these trail shoes in a wide fit?')).toEqual(['wide fit']);
    expect(items('variant', 'nl', 'Hebben jullie dit vest ook in het oker?')).toEqual(['oker']);
  });
  it('passes over a vague "smaller" to the value the sentence names', () => {
    expect(items('variant', 'nl', 'Hebben jullie de pan ook in een kleinere maat, 18 cm bijvoorbeeld?')).toEqual(['18 cm']);
    expect(items('variant', 'en', 'Is there a smaller bag, maybe 2 kg?')).toEqual(['2 kg']);
  });
  it('keeps decimals written with a comma and dimensions whole', () => {
    expect(items('variant', 'nl', 'Komt er ook een fles van 1,5 liter?')).toEqual(['1,5 liter']);
    expect(items('variant', 'nl', 'Zijn er ook tegels van 40x40?')).toEqual(['40x40']);
  });
  it('reads formats and conditions as values', () => {
    expect(items('variant', 'en', 'Any chance of a paperback of that novel?')).toEqual(['paperback']);
    expect(items('variant', 'en', 'Do you sell refurbished ones?')).toEqual(['refurbished']);
  });
  it('near miss: values after "only"/"alleen" are what the shop has', () => {
    expect(items('variant', 'nl', 'Ik zie alleen 1 liter. Is er ook 5 liter?')).toEqual(['5 liter']);
    expect(items('variant', 'en', 'You only list 25 and 28 mm. Do you have them in 32 mm?')).toEqual(['32 mm']);
  });
  it('skips a cue inside an "only" statement and reads the question after it', () => {
    expect(items('variant', 'en', 'These only come in the 5 kg sack. u do a 2kg one?')).toEqual(['2kg']);
    const t = turnOf('Deze komen alleen in de zak van 5 kilo. Is er ook een 2kg zak?', 'nl');
    expect(extractItems('assortment_request/variant', [hitOn(t, 'komen alleen in', 'assortment_request/variant')], 'nl', [t])).toEqual([
      '2kg',
    ]);
  });
  it('near miss: "you sell" inside a statement is no request frame', () => {
    expect(items('variant', 'en', 'The rack you sell is 180 cm.')).toEqual([]);
  });
  it('"without the lids" is "without lids"', () => {
    expect(items('variant', 'en', 'Do you have it without the lids?')).toEqual(['without lids']);
    expect(items('variant', 'nl', 'Hebben jullie hem zonder de deksels?')).toEqual(['zonder deksels']);
  });
  it('a request frame outranks a cue hit on what the shop already has', () => {
    const t = turnOf('Ik zie hem alleen in het zwart. Hebben jullie hem ook in het groen?', 'nl');
    const onListed = hitOn(t, 'in het zwart', 'assortment_request/variant');
    expect(extractItems('assortment_request/variant', [onListed], 'nl', [t])).toEqual(['groen']);
  });
  it('falls back to the cue hits when no frame is there', () => {
    const t = turnOf('Dit model in het groen zou ik meteen kopen', 'nl');
    expect(extractItems('assortment_request/variant', [hitOn(t, 'in het groen', 'assortment_request/variant')], 'nl', [t])).toEqual([
      'groen',
    ]);
  });
});

describe('products named before the question that points back at them', () => {
  it('takes the fronted noun phrase (nl and en)', () => {
    expect(items('product', 'nl', 'lesboeken, verkopen jullie die ook?')).toEqual(['lesboeken']);
    expect(items('product', 'nl', "antistatische binnenhoezen voor lp's, hebben jullie die ergens?")).toEqual([
      'antistatische binnenhoezen',
    ]);
    expect(items('product', 'en', 'racing cockpits, do you sell them at all?')).toEqual(['racing cockpits']);
  });
  it('never takes a greeting or a whole sentence for the thing', () => {
    expect(items('product', 'nl', 'Goedemorgen, verkopen jullie die ook?')).toEqual([]);
    expect(items('product', 'en', 'I looked everywhere on the site for ages yesterday, do you sell them?')).toEqual([]);
  });
});

describe('brands: the one said to be missing, not the chance or the ones carried', () => {
  const tagger = createTagger();
  const itemsOf = (text: string) => tagger.tag({ id: 'b', turns: [{ role: 'customer', text }] }).items;

  it('takes the name after "geen" / "no" over the names the shop carries (nl and en)', () => {
    expect(itemsOf('Hallo, ik zie dat jullie Weber en Kamado Joe voeren, maar geen Big Green Egg. Komt dat nog?')).toEqual([
      'big green egg',
    ]);
    expect(itemsOf('You carry Garmin and Wahoo but no Hammerhead, any plans?')).toEqual(['hammerhead']);
  });

  it('never takes "kans" or "chance" for the thing', () => {
    expect(itemsOf('Ik zie bij jullie vooral Korg en Roland. Is er een kans dat jullie Elektron gaan voeren?')).toEqual(['elektron']);
  });
});
