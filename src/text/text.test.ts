import { describe, expect, it } from 'vitest';
import { analyseTurn, transcriptLanguage } from './analyse.js';
import { detectLanguage } from './language.js';
import { negationScope } from './negation.js';
import { linkRanges, quotedRanges } from './quoted.js';
import { singular, stem } from './stem.js';
import { tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('keeps offsets that slice back to the exact token, with emoji and accents', () => {
    const text = 'Hé, de café-stoel 🪑 is kapot!! 😡👍🏽 ideeën? don’t… e-mail: t.n.v. Zoë';
    const tokens = tokenize(text);
    const raw = tokens.start.map((s, i) => text.slice(s, tokens.end[i]));
    expect(raw).toEqual(['Hé', 'de', 'café-stoel', '🪑', 'is', 'kapot', '😡', '👍🏽', 'ideeën', 'don’t', 'e-mail', 't.n.v', 'Zoë']);
    expect(tokens.norm).toEqual(['he', 'de', 'cafe-stoel', '🪑', 'is', 'kapot', '😡', '👍🏽', 'ideeen', "don't", 'e-mail', 't.n.v', 'zoe']);
  });

  it('marks clause boundaries from punctuation and line breaks', () => {
    const tokens = tokenize('nee, geen cadeau\nvoor mij. oke');
    expect([...tokens.boundaryBefore]).toEqual([1, 1, 0, 1, 0, 1]);
  });

  it('keeps a decimal comma or a time inside its clause, but not a comma after a number', () => {
    expect([...tokenize('kost 5,95 om 18:00 thuis').boundaryBefore]).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect([...tokenize('maat 38, graag 2 stuks: ok').boundaryBefore]).toEqual([1, 0, 1, 0, 0, 1]);
  });

  it('handles empty and emoji-only text', () => {
    expect(tokenize('').norm).toEqual([]);
    expect(tokenize('   ').norm).toEqual([]);
    expect(tokenize('🎁🎁').norm).toEqual(['🎁', '🎁']);
  });
});

describe('language detection', () => {
  const nl = [
    'mijn pakket is nog niet binnen',
    'waar blijft mijn bestelling??',
    'hebben jullie die ook in het groen',
    'kan ik dit cancellen',
    'is er ook een pro versie',
    'wanneer is maat M weer op voorraad',
    'allez, da is nu al de derde keer',
    'super bedankt',
  ];
  const en = [
    'my parcel never arrived',
    'do you have this in xl',
    'the app crashes at checkout',
    'where is my order',
    'can I get a refund please',
    'is there a bigger size',
    'thanks a lot',
    'promo code not working',
  ];
  it.each(nl)('nl: %s', (line) => expect(detectLanguage(line)).toBe('nl'));
  it.each(en)('en: %s', (line) => expect(detectLanguage(line)).toBe('en'));
  it('respects a given language and reads customer turns first', () => {
    expect(transcriptLanguage({ id: 'a', language: 'nl', turns: [{ role: 'customer', text: 'where is my parcel' }] })).toBe('nl');
    expect(
      transcriptLanguage({
        id: 'a',
        turns: [
          { role: 'agent', text: 'Hello, how can I help you today?' },
          { role: 'customer', text: 'mijn bestelling is nog steeds niet binnen' },
        ],
      }),
    ).toBe('nl');
  });
});

describe('stemming and singulars', () => {
  it('stems Dutch and English', () => {
    expect(stem('bestellingen', 'nl')).toBe(stem('bestelling', 'nl'));
    expect(stem('delivered', 'en')).toBe(stem('delivering', 'en'));
    expect(stem('🎁', 'en')).toBe('🎁');
  });
  it('merges plural and singular items', () => {
    const pairs: Array<[string, string, 'nl' | 'en']> = [
      ['statieven', 'statief', 'nl'],
      ['tassen', 'tas', 'nl'],
      ['huizen', 'huis', 'nl'],
      ['boten', 'boot', 'nl'],
      ['lampen', 'lamp', 'nl'],
      ['schoenen', 'schoen', 'nl'],
      ['bekers', 'beker', 'nl'],
      ['hoesjes', 'hoesje', 'nl'],
      ['tripods', 'tripod', 'en'],
      ['batteries', 'battery', 'en'],
      ['boxes', 'box', 'en'],
      ['glass', 'glass', 'en'],
    ];
    for (const [plural, one, lang] of pairs) expect(singular(plural, lang), plural).toBe(one);
  });
});

describe('negation scope', () => {
  const negatedWords = (text: string, lang: 'nl' | 'en') => {
    const t = analyseTurn(text, 'customer', 0, lang);
    return t.norm.filter((_, i) => t.negated[i]);
  };
  it('covers the words after a negator, within the clause', () => {
    expect(negatedWords('het is geen cadeau, maar voor mezelf', 'nl')).toEqual(['cadeau']);
    expect(negatedWords("I don't need the warranty. But a case would be nice", 'en')).toEqual(['need', 'the', 'warranty']);
    expect(negatedWords('never again', 'en')).toEqual(['again']);
  });
  it('reaches back for Dutch "niet"', () => {
    expect(negatedWords('ik wil de hoes niet', 'nl')).toEqual(['wil', 'de', 'hoes']);
    expect(negationScope(tokenize('nee'), 'nl')).toEqual(new Uint8Array([0]));
  });
});

describe('negation scope of a Dutch "niet" inside its clause', () => {
  it('does not reach back when a verb follows', () => {
    const t = analyseTurn('ik heb het cadeau nog niet ontvangen', 'customer', 0, 'nl');
    expect(t.norm.filter((_, i) => t.negated[i])).toEqual(['ontvangen']);
    const u = analyseTurn('de garantie heb ik niet nodig', 'customer', 0, 'nl');
    expect(u.norm.filter((_, k) => u.negated[k])).toEqual(['garantie', 'heb', 'ik', 'nodig']);
  });
});

describe('quoted e-mail history', () => {
  /** The turn's own words, sliced back from the token offsets. */
  const own = (text: string) => {
    const turn = analyseTurn(text, 'customer', 0, 'en');
    return turn.start.map((s, i) => text.slice(s, turn.end[i])).join(' ');
  };

  it('leaves a reply header and everything below it out of the tokens (Gmail, Outlook, both languages)', () => {
    expect(own('Thanks, that works.\n\nOn Mon, 3 Nov 2025 at 10:12, Shop <s@shop.com> wrote:\n> Add the warranty too?')).toBe(
      'Thanks that works',
    );
    expect(own('Top!\n\nOp ma 3 nov. 2025 om 10:12 schreef Klantenservice <info@winkel.nl>:\n> Wilt u een hoesje?')).toBe('Top');
    expect(own('Top!\nOp 3 november 2025 10:12 heeft Winkel <info@winkel.nl> het volgende geschreven:\nUitverkocht')).toBe('Top');
    expect(own('ok\n-----Original Message-----\nparcel is late')).toBe('ok');
    expect(own('yes please\n\nFrom: Shop <s@shop.com>\nSent: Monday\nTo: me\nWould you like a case?')).toBe('yes please');
    // a header wrapped over two lines, as Gmail does with long names
    expect(own('fine\nOn Mon, 3 Nov 2025 at 10:12, A Very Long Shop Name Customer Support\n<support@shop.com> wrote:\n> late')).toBe(
      'fine',
    );
  });

  it('drops quoted lines in the middle and starts a new clause after them', () => {
    const text = 'see below\n> Is the blue one in stock?\n> We can check.\nit was sold out for weeks';
    expect(quotedRanges(text)).toEqual([[10, 53]]);
    const turn = analyseTurn(text, 'customer', 0, 'en');
    expect(turn.norm).toEqual(['see', 'below', 'it', 'was', 'sold', 'out', 'for', 'weeks']);
    expect(turn.boundaryBefore[2]).toBe(1);
    turn.norm.forEach((w, i) => expect(text.slice(turn.start[i], turn.end[i]).toLowerCase()).toBe(w));
  });

  it('leaves links and e-mail addresses out, keeping the words around them', () => {
    const text = 'zie https://www.shop.nl/cadeau/verjaardag-50 of mail jan.de.vries@example.nl, dank';
    expect(linkRanges(text).map(([a, b]) => text.slice(a, b))).toEqual([
      'https://www.shop.nl/cadeau/verjaardag-50',
      'jan.de.vries@example.nl',
    ]);
    expect(own(text)).toBe('zie of mail dank');
    expect(own('see www.example.com/gift now')).toBe('see now');
    expect(linkRanges('I am @ home, 5 @ 3 euro')).toEqual([]);
  });

  it('keeps text that only looks like a header', () => {
    expect(quotedRanges('On Monday I wrote to you about my order, no answer yet')).toEqual([]);
    expect(quotedRanges('From: Jan de Vries\nMijn pakket is niet aangekomen')).toEqual([]);
    expect(own('On Monday I wrote to you about my order, no answer yet')).toContain('no answer yet');
  });
});
