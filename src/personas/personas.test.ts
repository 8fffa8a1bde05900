import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PersonaDocSchema } from '../contract/schemas.js';
import type { Language } from '../contract/taxonomy.js';
import { ConvotagError } from '../io/errors.js';
import { FEATURE_NAMES, OPTIONAL_FEATURES } from '../profiles/features.js';
import type { CustomerProfile } from '../profiles/profile.js';
import { adjustedRandIndex } from './ari.js';
import { findPersonas, personaDocument, assignPersonaDoc } from './find.js';
import { assignPersonas, loadPersonaModel, parsePersonaModel, savePersonaModel } from './model.js';
import { seededRandom } from './random.js';

/** A profile from a few named feature values, with seeded noise on the shares. */
function profile(
  id: string,
  features: Record<string, number>,
  rand: () => number,
  language: Language = 'en',
  noise = 0.08,
): CustomerProfile {
  const vector = FEATURE_NAMES.map((name) => {
    if (OPTIONAL_FEATURES.has(name)) return Number.NaN;
    const base = features[name] ?? 0;
    return Math.max(0, base + (rand() - 0.5) * noise);
  });
  const f: Record<string, number> = {};
  FEATURE_NAMES.forEach((n, i) => (f[n] = vector[i]!));
  const pairs: Record<string, number> = {};
  if ((features['motive.gift'] ?? 0) > 0.5) pairs['purchase_motive/gift'] = 2;
  return {
    customerId: id,
    anonymous: false,
    language,
    conversations: 3,
    conversationIds: [`${id}-1`, `${id}-2`, `${id}-3`],
    features: f,
    vector,
    pairs,
    items: {},
    quotes: pairs['purchase_motive/gift'] ? [{ pair: 'purchase_motive/gift', conversationId: `${id}-1`, text: `a present (${id})` }] : [],
  };
}

const ARCHETYPES: Record<string, Record<string, number>> = {
  gift: { 'intent.purchase_motive': 0.9, 'motive.gift': 1, 'upsell.service_addon': 1, 'intent.upsell_signal': 0.5, 'value.delivery': 0.6 },
  bargain: { 'intent.obstacle': 0.8, 'obstacle.pricing': 0.6, 'obstacle.payment': 0.4, 'value.price': 0.9 },
  hobby: { 'intent.purchase_motive': 0.5, 'motive.hobby': 1, 'upsell.premium': 1, 'intent.upsell_signal': 0.6, 'value.product': 0.7 },
  frustrated: { 'intent.obstacle': 1, 'obstacle.service': 0.5, 'obstacle.returns': 0.5, 'value.service': 0.8, 'sentiment.negative': 0.7 },
};

function population(
  groups: string[],
  perGroup: number,
  seed: number,
  language: Language = 'en',
): { profiles: CustomerProfile[]; truth: string[] } {
  const rand = seededRandom(seed);
  const profiles: CustomerProfile[] = [];
  const truth: string[] = [];
  for (let i = 0; i < perGroup; i++)
    for (const g of groups) {
      profiles.push(profile(`${g}-${i}`, ARCHETYPES[g]!, rand, language));
      truth.push(g);
    }
  return { profiles, truth };
}

describe('findPersonas', () => {
  it('finds the right k on well-separated profiles and recovers the groups', () => {
    for (const groups of [
      ['gift', 'bargain', 'hobby'],
      ['gift', 'bargain', 'hobby', 'frustrated'],
    ]) {
      const { profiles, truth } = population(groups, 20, 3);
      const result = findPersonas(profiles, { k: 'auto', seed: 42 });
      expect(result.k).toBe(groups.length);
      expect(result.selection.method).toBe('silhouette');
      expect(result.selection.scores?.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
      const persona = new Map(result.assignments.map((a) => [a.customerId, a.persona]));
      expect(
        adjustedRandIndex(
          profiles.map((p) => persona.get(p.customerId)!),
          truth,
        ),
      ).toBe(1);
    }
  });

  it('gives identical output for the same input and seed', () => {
    const { profiles } = population(['gift', 'bargain', 'hobby', 'frustrated'], 15, 9);
    const a = findPersonas(profiles, { k: 'auto', seed: 7 });
    const b = findPersonas(profiles, { k: 'auto', seed: 7 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = findPersonas(profiles, { k: 3, seed: 7 });
    expect(JSON.stringify(findPersonas(profiles, { k: 3, seed: 7 }))).toBe(JSON.stringify(c));
  });

  it('satisfies the FORMAT.md personas document, with every customer assigned exactly once', () => {
    const { profiles } = population(['gift', 'bargain', 'hobby'], 10, 5);
    const result = findPersonas(profiles, { k: 'auto', seed: 42 });
    const doc = personaDocument(result);
    expect(PersonaDocSchema.safeParse(doc).success).toBe(true);
    expect('model' in doc).toBe(false);
    expect(doc.assignments.map((a) => a.customerId)).toEqual(profiles.map((p) => p.customerId));
    expect(doc.personas.reduce((s, p) => s + p.size, 0)).toBe(profiles.length);
    const ids = new Set(doc.personas.map((p) => p.id));
    for (const a of doc.assignments) expect(ids.has(a.persona)).toBe(true);
    // ids by size, then the map: a centre and a position for everyone
    expect(doc.personas.map((p) => p.size)).toEqual([...doc.personas.map((p) => p.size)].sort((x, y) => y - x));
    for (const p of doc.personas) expect(Number.isFinite(p.centre.x) && Number.isFinite(p.centre.y)).toBe(true);
    for (const a of doc.assignments) expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
  });

  it('names and describes a persona from its distinctive traits, in its language', () => {
    const en = findPersonas(population(['gift', 'bargain', 'hobby'], 10, 5).profiles, { k: 3, seed: 1 });
    const gift = en.personas.find((p) => p.representatives.some((r) => r.customerId.startsWith('gift-')))!;
    expect(gift.name).toMatch(/gift/i);
    expect(gift.description).toMatch(/buy gifts for others/);
    const top = gift.traits[0]!;
    expect(top.lift).toBeGreaterThan(1.2);
    expect(gift.traits.map((t) => t.feature)).toContain('motive.gift');
    expect(gift.representatives[0]!.quote).toMatchObject({ pair: 'purchase_motive/gift' });
    expect(gift.motives[0]).toMatchObject({ subtype: 'gift' });

    const nl = findPersonas(population(['gift', 'bargain', 'hobby'], 10, 5, 'nl').profiles, { k: 3, seed: 1 });
    const cadeau = nl.personas.find((p) => p.representatives.some((r) => r.customerId.startsWith('gift-')))!;
    expect(cadeau.language).toBe('nl');
    expect(cadeau.name).toMatch(/cadeau/i);
    expect(cadeau.description).toMatch(/kopen cadeaus voor anderen/);
    expect(new Set(nl.personas.map((p) => p.name)).size).toBe(3);
  });

  it('refuses a degenerate k: an outlier does not get a persona of its own', () => {
    const { profiles } = population(['gift', 'bargain', 'hobby'], 20, 11);
    const rand = seededRandom(99);
    const everything = Object.fromEntries(FEATURE_NAMES.map((n) => [n, 3]));
    profiles.push(profile('outlier', everything, rand));
    const result = findPersonas(profiles, { k: 'auto', seed: 42, kRange: [2, 6] });
    // the outlier was set aside while fitting, and joined its nearest persona
    const chosen = result.selection.scores!.find((s) => s.k === result.k)!;
    expect(chosen).toMatchObject({ k: 3, outliers: 1, degenerate: false });
    expect(Math.min(...result.personas.map((p) => p.size))).toBeGreaterThan(1);
    expect(result.assignments).toHaveLength(61);
    expect(result.assignments.filter((a) => a.customerId === 'outlier')).toHaveLength(1);
    // a fixed k is taken as asked: there the outlier is a persona of its own
    expect(Math.min(...findPersonas(profiles, { k: 3, seed: 42 }).personas.map((p) => p.size))).toBe(1);
  });

  it('handles tiny populations', () => {
    expect(findPersonas([], { seed: 1 })).toMatchObject({ k: 0, personas: [], assignments: [] });
    const rand = seededRandom(1);
    const one = findPersonas([profile('solo', ARCHETYPES.gift!, rand)], { k: 'auto', seed: 1 });
    expect(one.k).toBe(1);
    expect(one.assignments).toEqual([expect.objectContaining({ customerId: 'solo', persona: 'p1' })]);
    const clamped = findPersonas([profile('a', ARCHETYPES.gift!, rand), profile('b', ARCHETYPES.bargain!, rand)], { k: 5, seed: 1 });
    expect(clamped.k).toBe(2);
    expect(clamped.selection.note).toMatch(/only 2 customers/);
  });

  it('rejects bad options and duplicate customers', () => {
    const { profiles } = population(['gift'], 3, 1);
    expect(() => findPersonas(profiles, { k: 0 })).toThrow(ConvotagError);
    expect(() => findPersonas(profiles, { kRange: [6, 3] })).toThrow(/kRange/);
    expect(() => findPersonas([...profiles, profiles[0]!])).toThrow(/more than one profile/);
  });
});

describe('persona model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'convotag-personas-'));
  const { profiles } = population(['gift', 'bargain', 'hobby', 'frustrated'], 12, 21);
  const result = findPersonas(profiles, { k: 'auto', seed: 42 });

  it('round-trips: save → load → assign gives the same assignments', () => {
    const file = join(dir, 'model.json');
    savePersonaModel(result.model, file);
    const loaded = loadPersonaModel(file);
    expect(loaded).toEqual(result.model);
    expect(assignPersonas(loaded, profiles)).toEqual(result.assignments);
  });

  it('assigns new customers to existing personas without re-clustering', () => {
    const fresh = population(['hobby', 'gift'], 3, 1234).profiles.map((p) => ({ ...p, customerId: `new-${p.customerId}` }));
    const assigned = assignPersonas(result.model, fresh);
    const personaOf = (prefix: string) => result.assignments.find((a) => a.customerId.startsWith(prefix))!.persona;
    for (const a of assigned) expect(a.persona).toBe(personaOf(a.customerId.includes('hobby') ? 'hobby-' : 'gift-'));
    const doc = assignPersonaDoc(result.model, fresh);
    expect(doc.selection.method).toBe('model');
    expect(doc.personas.map((p) => p.name)).toEqual(result.personas.map((p) => p.name));
    expect(doc.personas.reduce((s, p) => s + p.size, 0)).toBe(6);
    expect(PersonaDocSchema.safeParse(doc).success).toBe(true);
  });

  it('gives clear errors for a wrong format, version, feature set or a corrupt file', () => {
    const json = JSON.parse(JSON.stringify(result.model));
    expect(() => parsePersonaModel({ ...json, version: 2 }, 'm.json')).toThrow(/m\.json: persona model version 2 is not supported/);
    expect(() => parsePersonaModel({ hello: 1 }, 'm.json')).toThrow(/not a convotag persona model/);
    expect(() => parsePersonaModel({ ...json, featureSet: 'deadbeef' }, 'm.json')).toThrow(/another profile feature set/);
    const broken = { ...json, scaler: { ...json.scaler, center: json.scaler.center.slice(1) } };
    expect(() => parsePersonaModel(broken, 'm.json')).toThrow(/corrupt persona model: scaler\.center: has \d+ values/);
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(join(dir, 'model.json'), 'utf8').slice(0, 200));
    expect(() => loadPersonaModel(truncated)).toThrow(/not valid JSON, the persona model file is corrupt/);
    expect(() => loadPersonaModel(join(dir, 'missing.json'))).toThrow(/no such file/);
  });
});

describe('adjustedRandIndex', () => {
  it('is 1 for the same partition under other names, about 0 or below for unrelated ones', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b', 'c'], ['x', 'x', 'y', 'y', 'z'])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).toBeLessThan(0);
    const partial = adjustedRandIndex(['a', 'a', 'a', 'b', 'b', 'b'], ['x', 'x', 'y', 'y', 'y', 'y']);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1);
    expect(() => adjustedRandIndex(['a'], [])).toThrow();
  });
});
