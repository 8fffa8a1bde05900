import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
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

  it('reads the built-in model from next to the bundle, and names the file when it is missing', async () => {
    // inside the project, so the copy still finds its dependencies in node_modules
    mkdirSync(resolve('node_modules/.cache'), { recursive: true });
    const copy = mkdtempSync(resolve('node_modules/.cache/convotag-dist-'));
    try {
      cpSync(resolve('dist'), copy, { recursive: true, filter: (f) => !f.endsWith('builtin-model.json') });
      const require = createRequire(import.meta.url);
      const api = require(join(copy, 'index.cjs'));
      expect(api.detectLanguage('where is my parcel')).toBe('en'); // what needs no model still works
      expect(() => api.createTagger()).toThrow(/built-in model is missing \(.*builtin-model\.json/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
