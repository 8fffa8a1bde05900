/**
 * The labelled corpus and the real-world datasets as plain objects. The bench
 * only runs code on the dev split and reads metric numbers; it never prints
 * dev text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = join(ROOT, 'fixtures', 'corpus');
export const DATASETS_DIR = resolve(ROOT, '..', 'shared', 'datasets');
export const LANGS = ['nl', 'en'];

export function readJsonl(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

export function corpusPath(lang, split, kind) {
  return join(CORPUS_DIR, `${lang}.${split}.${kind}.jsonl`);
}

/** One split of one language: transcripts and gold, joined by id, in file order. */
export function loadSplit(lang, split) {
  const transcripts = readJsonl(corpusPath(lang, split, 'transcripts'));
  const gold = readJsonl(corpusPath(lang, split, 'gold'));
  const goldById = new Map(gold.map((g) => [g.id, g]));
  return { lang, split, transcripts, gold, goldById };
}

/** What a single-label classifier gets to read: the customer's words, turns joined by newlines. */
export function customerText(transcript) {
  return transcript.turns
    .filter((t) => t.role === 'customer')
    .map((t) => t.text)
    .join('\n');
}

export function pairsOf(gold) {
  return [...new Set(gold.labels.map((l) => `${l.intent}/${l.subtype}`))];
}

export function datasetsPresent() {
  return existsSync(join(DATASETS_DIR, 'README.md'));
}

/** Transcripts and gold of one real-world dataset (same ids, same order), or undefined when absent. */
export function loadDataset(prefix) {
  const t = join(DATASETS_DIR, `${prefix}.transcripts.jsonl`);
  const g = join(DATASETS_DIR, `${prefix}.gold.jsonl`);
  if (!existsSync(t) || !existsSync(g)) return undefined;
  return { prefix, transcripts: readJsonl(t), gold: readJsonl(g), transcriptsPath: t };
}
