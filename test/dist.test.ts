import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The published artefacts, not the sources: both module systems must load and work.
describe('built package', () => {
  it('loads from import (ESM)', async () => {
    const api = await import(pathToFileURL(resolve('dist/index.js')).href);
    expect(api.PAIRS).toHaveLength(27);
    expect(api.TranscriptSchema.safeParse({ id: 'a', turns: [{ role: 'customer', text: 'hoi' }] }).success).toBe(true);
    expect(api.detectLanguage('mijn pakket is niet bezorgd')).toBe('nl');
    const r = api.createTagger().tag({ id: 'a', turns: [{ role: 'customer', text: 'Mijn pakket is nog steeds niet bezorgd' }] });
    expect(r.intents.map((i: { subtype: string }) => i.subtype)).toContain('delivery');
  });

  it('loads from require (CJS)', () => {
    const require = createRequire(import.meta.url);
    const api = require(resolve('dist/index.cjs'));
    expect(api.INTENTS).toEqual(['purchase_motive', 'obstacle', 'upsell_signal', 'assortment_request']);
    expect(api.tokenize('Hé 👋 daar').norm).toEqual(['he', '👋', 'daar']);
    const r = api.createTagger().tag({ id: 'a', turns: [{ role: 'customer', text: 'My parcel never arrived' }] });
    expect(r.intents.map((i: { subtype: string }) => i.subtype)).toContain('delivery');
  });
});
