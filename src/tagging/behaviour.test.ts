import { describe, expect, it } from 'vitest';
import type { TagResult, Transcript } from '../contract/schemas.js';
import { createTagger } from './tagger.js';

const tagger = createTagger();
const pairs = (r: TagResult) => r.intents.map((i) => `${i.intent}/${i.subtype}`);
const conv = (id: string, ...turns: Array<[Transcript['turns'][number]['role'], string]>): Transcript => ({
  id,
  turns: turns.map(([role, text]) => ({ role, text })),
});

describe('only the customer decides', () => {
  it("an accepted agent offer is the customer's up-sell; a declined one is nothing", () => {
    const accepted = tagger.tag(
      conv(
        'a',
        ['customer', 'Ik bestel de Kobo Clara'],
        ['agent', 'Zal ik er een beschermhoes bij doen?'],
        ['customer', 'ja, doe die hoes er maar bij'],
      ),
    );
    expect(pairs(accepted)).toContain('upsell_signal/accessory');
    const ev = accepted.intents.find((i) => i.subtype === 'accessory')!.evidence;
    expect(ev.some((e) => e.turn === 2)).toBe(true); // the customer's own words are evidence
    const declined = tagger.tag(
      conv('d', ['customer', 'Ik bestel de Kobo Clara'], ['agent', 'Zal ik er een beschermhoes bij doen?'], ['customer', 'nee hoor']),
    );
    expect(pairs(declined)).not.toContain('upsell_signal/accessory');
  });

  it('an agent offer alone is no up-sell, and agent words raise no obstacle', () => {
    const r = tagger.tag(
      conv(
        'o',
        ['customer', 'Ik wil mijn e-mailadres wijzigen'],
        ['agent', 'Dat kan! Wil je ook onze verlengde garantie? Je pakket is trouwens vertraagd.'],
      ),
    );
    expect(pairs(r)).toEqual([]);
  });

  it('tags a call note without customer turns from what it reports', () => {
    const r = tagger.tag({
      id: 'n',
      channel: 'phone',
      turns: [{ role: 'agent', text: 'Klant belde: pakket niet ontvangen, is voor de verjaardag van haar dochter zaterdag.' }],
    });
    expect(pairs(r)).toEqual(expect.arrayContaining(['obstacle/delivery', 'purchase_motive/gift']));
  });
});

describe('negation', () => {
  it.each([
    ['nl', 'Het is geen cadeau, het is voor mezelf.', 'purchase_motive/gift'],
    ['en', "I don't need the warranty, thanks.", 'upsell_signal/service_addon'],
    ['nl', 'Ik wil de hoes niet, alleen de telefoon.', 'upsell_signal/accessory'],
  ])('%s: %s', (_, text, pair) => {
    expect(pairs(tagger.tag(conv('n', ['customer', text])))).not.toContain(pair);
  });

  it('keeps negated complaints: "niet ontvangen" is a delivery problem', () => {
    expect(pairs(tagger.tag(conv('n', ['customer', 'Ik heb mijn bestelling nog steeds niet ontvangen'])))).toContain('obstacle/delivery');
  });
});

describe('sold out versus never carried', () => {
  it('a listed item that is sold out is a stock obstacle, not an assortment request', () => {
    const p = pairs(tagger.tag(conv('s', ['customer', 'De regenjas in maat M is uitverkocht, wanneer komt hij weer binnen?'])));
    expect(p).toContain('obstacle/stock');
    expect(p.some((x) => x.startsWith('assortment_request/'))).toBe(false);
  });
  it('a product never sold is an assortment request with its item', () => {
    const r = tagger.tag(conv('s', ['customer', 'Do you sell tripods as well? I could not find them on the site.']));
    expect(pairs(r)).toContain('assortment_request/product');
    expect(r.items).toContain('tripods');
    expect(pairs(r)).not.toContain('obstacle/stock');
  });
});

describe('evidence and edge cases', () => {
  const texts = [
    'Héél blij met de café-stoel 🪑 maar het pakket 📦 is nóg steeds niet bezorgd 😡😡',
    'Line one\r\nmy parcel never arrived 👎🏽\r\nplease help',
    'Zoë hier: kunnen jullie het cadeau inpakken? 🎁',
  ];
  it.each(texts)('evidence offsets slice the original turn exactly: %s', (text) => {
    const r = tagger.tag(conv('e', ['customer', text]));
    expect(r.intents.length).toBeGreaterThan(0);
    for (const i of r.intents) {
      expect(i.confidence).toBeGreaterThanOrEqual(0);
      expect(i.confidence).toBeLessThanOrEqual(1);
      for (const e of i.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('tags empty-looking, emoji-only and agent-only conversations without inventing intents', () => {
    expect(tagger.tag(conv('x', ['customer', ' ']))).toMatchObject({ intents: [], items: [] });
    expect(tagger.tag(conv('y', ['customer', '👍👍🙏']))).toMatchObject({ intents: [], items: [] });
    expect(tagger.tag(conv('z', ['agent', 'Goedemiddag, hoe kan ik helpen?'], ['bot', 'Chat gesloten.']))).toMatchObject({ intents: [] });
  });

  it('is deterministic, keeps ids and customer ids, and respects a language override and minConfidence', () => {
    const t: Transcript = {
      id: 't-9',
      customerId: 'c-3',
      turns: [{ role: 'customer', text: 'Mijn pakket is nog niet binnen en het is een cadeau voor zaterdag' }],
    };
    const a = tagger.tag(t);
    expect(tagger.tag(t)).toEqual(a);
    expect(a).toMatchObject({ id: 't-9', customerId: 'c-3', language: 'nl' });
    expect(createTagger({ language: 'en' }).tag(t).language).toBe('en');
    const strict = createTagger({ minConfidence: 0.999 }).tag(t);
    expect(strict.intents.every((i) => i.confidence >= 0.999)).toBe(true);
  });

  it('streams with tagMany in input order, from sync and async iterables', async () => {
    const inputs = ['a', 'b', 'c'].map((id) => conv(id, ['customer', `bestelling ${id} is niet aangekomen`]));
    const out: string[] = [];
    for await (const r of tagger.tagMany(inputs)) out.push(r.id);
    async function* gen() {
      yield* inputs;
    }
    for await (const r of tagger.tagMany(gen())) out.push(r.id);
    expect(out).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('rejects invalid options with a clear error', () => {
    expect(() => createTagger({ minConfidence: 2 })).toThrow(/minConfidence/);
  });
});

describe('words with a second meaning in web-shop talk', () => {
  const tagged = (text: string) => pairs(tagger.tag(conv('w', ['customer', text])));

  it('recovering a password is no health motive; recovering from an operation is', () => {
    expect(tagged('I forgot my login, how do I recover my password?')).not.toContain('purchase_motive/health');
    expect(tagged('Ik kan mijn wachtwoord niet herstellen, de link werkt niet')).not.toContain('purchase_motive/health');
    expect(tagged("I'm recovering from knee surgery and need a shower stool I can sit on")).toContain('purchase_motive/health');
    expect(tagged('Mijn vader is aan het herstellen van een heupoperatie, hij zoekt een stevige rollator')).toContain(
      'purchase_motive/health',
    );
  });

  it('a parcel sent to a country is no trip; flying to it is', () => {
    expect(tagged('Do you ship to Japan, and how long does delivery take?')).not.toContain('purchase_motive/travel');
    expect(tagged('Kunnen jullie ook naar Spanje verzenden? Mijn zus woont daar')).not.toContain('purchase_motive/travel');
    expect(tagged("We're flying to Japan in three weeks, will the adapter arrive before then?")).toContain('purchase_motive/travel');
    expect(tagged('We fly to Spain, can you deliver the suitcase by Friday?')).toContain('purchase_motive/travel');
  });
});

describe('a payment with a problem is an obstacle; a question about ways to pay is not', () => {
  const tagged = (text: string) => pairs(tagger.tag(conv('p', ['customer', text])));

  it('in English', () => {
    expect(tagged('I need help reporting an error with my online payment')).toContain('obstacle/payment');
    expect(tagged("The payment won't go through, I tried three times")).toContain('obstacle/payment');
    expect(tagged('Which payment methods do you accept?')).not.toContain('obstacle/payment');
    expect(tagged('can i pay with paypal')).not.toContain('obstacle/payment');
    expect(tagged('can i pay with paypal? it keeps failing')).toContain('obstacle/payment');
    expect(tagged("I'd like to see your payment options")).not.toContain('obstacle/payment');
    expect(tagged('the payment options page gives an error when I click iDEAL')).toContain('obstacle/payment');
  });

  it('in Dutch', () => {
    expect(tagged('Er ging iets fout bij het betalen, ik kreeg een foutmelding')).toContain('obstacle/payment');
    expect(tagged('Ik kan niet betalen met iDEAL, hij blijft hangen')).toContain('obstacle/payment');
    expect(tagged('Welke betaalmethodes hebben jullie allemaal?')).not.toContain('obstacle/payment');
    expect(tagged('Kan ik achteraf betalen met Klarna?')).not.toContain('obstacle/payment');
    expect(tagged('Kan ik met iDEAL betalen? Het lukt steeds niet')).toContain('obstacle/payment');
    expect(tagged('Ik wil graag weten welke betaalmogelijkheden er zijn')).not.toContain('obstacle/payment');
    expect(tagged('Geen enkele betaalmethode werkt, ik krijg steeds een foutmelding')).toContain('obstacle/payment');
  });
});

describe('not getting into an account is a website obstacle; opening or changing one is not', () => {
  const tagged = (text: string) => pairs(tagger.tag(conv('a', ['customer', text])));

  it('in English', () => {
    expect(tagged('I forgot my PIN and the reset email never arrives')).toContain('obstacle/website');
    expect(tagged('logging in gives an error every time')).toContain('obstacle/website');
    expect(tagged('How do I create an account?')).not.toContain('obstacle/website');
    expect(tagged('Can I change my account email address?')).not.toContain('obstacle/website');
  });

  it('in Dutch', () => {
    expect(tagged('Ik ben mijn wachtwoord vergeten en de resetlink komt niet aan')).toContain('obstacle/website');
    expect(tagged('Registreren lukt niet, ik krijg steeds een foutmelding')).toContain('obstacle/website');
    expect(tagged('Hoe maak ik een account aan?')).not.toContain('obstacle/website');
    expect(tagged('Kan ik het e-mailadres van mijn account wijzigen?')).not.toContain('obstacle/website');
  });
});

describe('a harsh word about the service is a service obstacle; the same word about something else is not', () => {
  const tagged = (text: string) => pairs(tagger.tag(conv('s', ['customer', text])));

  it('in English', () => {
    expect(tagged('Pathetic service, three emails and all I get are automated replies')).toContain('obstacle/service');
    expect(tagged('Terrible weather here, can you hold the parcel until Monday?')).not.toContain('obstacle/service');
  });

  it('in Dutch', () => {
    expect(tagged('Jullie service is echt een lachertje')).toContain('obstacle/service');
    expect(tagged('Waardeloos weer vandaag, kan het pakket maandag komen?')).not.toContain('obstacle/service');
  });
});

describe('quoted e-mail history in a reply is not the customer speaking', () => {
  it("an offer or a problem quoted from the shop raises nothing; the customer's own answer still counts", () => {
    const quotedOffer =
      'Thanks, that works.\n\nOn Mon, 3 Nov 2025 at 10:12, Shop Support <support@shop.com> wrote:\n> Would you like to add the 3-year warranty and a carrying case?';
    expect(pairs(tagger.tag(conv('q1', ['customer', quotedOffer])))).toEqual([]);
    const quotedStock =
      'Bedankt, opgelost!\n\nOp ma 3 nov. 2025 om 10:12 schreef Klantenservice <info@winkel.nl>:\n> Deze is nu uitverkocht, verwacht over 2 weken.';
    expect(pairs(tagger.tag(conv('q2', ['customer', quotedStock])))).toEqual([]);
    const ownAnswer =
      'Yes please add the case too!\n\nFrom: Shop Support <support@shop.com>\nSent: Monday, 3 November 2025 10:12\nSubject: RE: order 4411\nWe are sorry the parcel is late.';
    const r = tagger.tag(conv('q3', ['customer', ownAnswer]));
    expect(pairs(r)).toContain('upsell_signal/accessory');
    expect(pairs(r)).not.toContain('obstacle/delivery');
    for (const i of r.intents) for (const e of i.evidence) expect(e.end).toBeLessThanOrEqual(ownAnswer.indexOf('From:'));
  });

  it('a pasted link is an address, not a reason to buy', () => {
    const link = 'hoe lang duurt de levering naar Gent? https://www.shop.nl/cadeau/verjaardag-cadeaubon-50';
    expect(pairs(tagger.tag(conv('l1', ['customer', link])))).not.toContain('purchase_motive/gift');
    expect(pairs(tagger.tag(conv('l2', ['customer', 'Het is een cadeau voor mijn zus, hoe lang duurt de levering?'])))).toContain(
      'purchase_motive/gift',
    );
  });
});

describe('a request whose object is a name asks for a brand; a name qualifying a kind of product does not', () => {
  const tagged = (text: string) => pairs(tagger.tag(conv('n', ['customer', text])));

  it('in English', () => {
    expect(tagged('do you sell Dyson?')).toEqual(['assortment_request/brand']);
    expect(tagged('do you sell GPS watches?')).toEqual(['assortment_request/product']);
  });

  it('in Dutch', () => {
    expect(tagged('verkopen jullie ook Miele?')).toEqual(['assortment_request/brand']);
    expect(tagged('verkopen jullie ook CO2-installaties?')).not.toContain('assortment_request/brand');
  });
});

describe("the taxonomy's own examples, each sent as a one-line message", () => {
  // ../shared/TAXONOMY.md's example column: short texts, where the model's intercept must not drown a clear cue
  const examples: Array<[string, string]> = [
    ['we krijgen een kindje', 'purchase_motive/life_event'],
    ["we're moving next month", 'purchase_motive/life_event'],
    ['ik fotografeer als hobby', 'purchase_motive/hobby'],
    ["I've got into cycling", 'purchase_motive/hobby'],
    ['voor mijn thuiswerkplek', 'purchase_motive/work_study'],
    ['for uni', 'purchase_motive/work_study'],
    ['kan het ingepakt worden', 'upsell_signal/service_addon'],
    ['extended warranty', 'upsell_signal/service_addon'],
    ['ik bestel dit elke maand', 'upsell_signal/repeat'],
    ['can I set up a subscription', 'upsell_signal/repeat'],
    ['wanneer krijg ik mijn geld terug', 'obstacle/returns'],
    ["the return label doesn't work", 'obstacle/returns'],
    ['when will size M be back', 'obstacle/stock'],
    ['welke maat moet ik nemen', 'obstacle/product_info'],
    ['does this fit a Canon R6', 'obstacle/product_info'],
    ['ik kan niet inloggen', 'obstacle/website'],
    ['the app crashes at checkout', 'obstacle/website'],
    ['verzendkosten zijn te hoog', 'obstacle/pricing'],
    ["it's cheaper elsewhere", 'obstacle/pricing'],
    ['al drie keer gemaild', 'obstacle/service'],
    ['nobody answers the phone', 'obstacle/service'],
  ];
  const tagged = (text: string) => pairs(tagger.tag(conv('t', ['customer', text])));

  it.each(examples)('"%s" is %s', (text, pair) => {
    expect(tagged(text)).toContain(pair);
  });

  it('while short messages without an intent stay untagged', () => {
    for (const text of [
      'bedankt!',
      'ok',
      'what are your opening hours',
      'Ik wil mijn adres wijzigen',
      'please send me an invoice',
      'I want to buy a camera',
    ])
      expect(tagged(text)).toEqual([]);
  });
});

describe('a delivery later than promised is a delivery obstacle', () => {
  it('in Dutch, and a parcel that came is not', () => {
    const tagged = (text: string) => pairs(tagger.tag(conv('d', ['customer', text])));
    expect(tagged('mijn bestelling komt pas volgende week binnen, ik had hem voor vrijdag nodig')).toContain('obstacle/delivery');
    expect(tagged('het pakket is vanochtend keurig binnengekomen, dank je')).not.toContain('obstacle/delivery');
  });
});

describe('more of the same is a quantity up-sell; a price that is extra is not', () => {
  const tagged = (text: string) => pairs(tagger.tag(conv('q', ['customer', text])));

  it('in both languages', () => {
    expect(tagged('ik wil er graag nog 2 bij')).toContain('upsell_signal/quantity');
    expect(tagged('can I get another 3 of these?')).toContain('upsell_signal/quantity');
    expect(tagged('het kost 2 euro extra')).not.toContain('upsell_signal/quantity');
  });
});
