import { describe, expect, it } from 'vitest';
import { analyseTurn, transcriptLanguage } from './analyse.js';
import { detectLanguage } from './language.js';
import { negationScope } from './negation.js';
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
