/**
 * What a user would pick instead of convotag, trained on the same train split
 * and asked about the same customer turns.
 *
 * The peers are single-label classifiers, and the task is multi-label. The
 * fair reduction used here is one multi-class model per intent and language:
 * its classes are the intent's subtypes plus "none"; a train conversation is
 * one document per gold subtype of that intent (or one "none" document); the
 * predicted class, unless "none", becomes the (intent, subtype) pair. So a
 * peer can name up to one subtype per intent, like most gold conversations
 * (about 10% have two subtypes of one intent). The document is the
 * customer's turns joined (agent text would leak the answer's vocabulary).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './corpus.mjs';

const require = createRequire(import.meta.url);

/** Training documents per intent: [{ text, label }] with label a subtype or 'none'. */
export function intentDocuments(examples, intent) {
  const docs = [];
  for (const { text, pairs } of examples) {
    const subtypes = pairs.filter((p) => p.startsWith(`${intent}/`)).map((p) => p.slice(intent.length + 1));
    if (!text.trim()) continue;
    if (!subtypes.length) docs.push({ text, label: 'none' });
    for (const s of subtypes) docs.push({ text, label: s });
  }
  return docs;
}

/** natural's BayesClassifier with the language's Porter stemmer (English default, Dutch from natural's own stemmers). */
export function naturalBayes() {
  const { BayesClassifier } = require('natural/lib/natural/classifiers');
  const stemmers = {
    en: require('natural/lib/natural/stemmers/porter_stemmer'),
    nl: require('natural/lib/natural/stemmers/porter_stemmer_nl'),
  };
  return {
    name: 'natural BayesClassifier',
    async train(lang, docs) {
      const c = new BayesClassifier(stemmers[lang]);
      for (const d of docs) c.addDocument(d.text, d.label);
      c.train();
      return { classify: async (text) => c.classify(text) };
    },
  };
}

/**
 * nlp.js (node-nlp) NlpManager, its usual entry point, with its own
 * normalisation and stemming per language. Training logs and built-in entity
 * extraction are off (the first prints to stdout, the second is not part of
 * classification); `classify` is its cheapest call that returns the intent.
 *
 * Training takes about a minute on this machine, so with `cache` a model
 * trained earlier on exactly the same documents by the same nlp.js version
 * is loaded instead (the quick run does that; the full run always trains).
 */
export function nlpJs({ cache = false } = {}) {
  const { NlpManager } = require('node-nlp');
  const version = JSON.parse(readFileSync(require.resolve('node-nlp/package.json'), 'utf8')).version;
  const cacheDir = join(ROOT, 'node_modules', '.cache', 'convotag-bench', 'nlpjs');
  const peer = {
    name: 'nlp.js NlpManager',
    version,
    /** How many models of this run came from the cache. */
    cached: 0,
    async train(lang, docs) {
      const manager = new NlpManager({
        languages: [lang],
        forceNER: false,
        autoSave: false,
        autoLoad: false,
        nlu: { log: false, useNoneFeature: true },
        ner: { builtins: [] },
      });
      const key = createHash('sha256')
        .update(JSON.stringify([version, lang, docs]))
        .digest('hex')
        .slice(0, 24);
      const file = join(cacheDir, `${key}.json`);
      if (cache && existsSync(file)) {
        manager.import(readFileSync(file, 'utf8'));
        peer.cached++;
      } else {
        for (const d of docs) manager.addDocument(lang, d.text, d.label);
        await manager.train();
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(file, manager.export(true));
      }
      return {
        classify: async (text) => {
          const r = await manager.classify(lang, text);
          const top = r?.classifications?.[0];
          // nlp.js answers 'None' when no intent clears its own threshold
          return top && top.intent !== 'None' && top.score >= 0.5 ? top.intent : 'none';
        },
      };
    },
  };
  return peer;
}

/**
 * A plain keyword baseline: per intent and language, the words whose
 * training documents carry one subtype in at least 60% of cases (seen at
 * least 3 times); a conversation gets the subtype of its strongest keyword.
 */
export function keywordBaseline() {
  const words = (text) => text.toLowerCase().match(/\p{L}[\p{L}\p{N}'-]*/gu) ?? [];
  return {
    name: 'keyword baseline',
    async train(_lang, docs) {
      const counts = new Map(); // word → Map(label → docs)
      for (const d of docs) {
        for (const w of new Set(words(d.text))) {
          let m = counts.get(w);
          if (!m) counts.set(w, (m = new Map()));
          m.set(d.label, (m.get(d.label) ?? 0) + 1);
        }
      }
      const keywords = new Map(); // word → [label, precision]
      for (const [w, m] of counts) {
        const total = [...m.values()].reduce((a, b) => a + b, 0);
        if (total < 3) continue;
        let best = ['none', 0];
        for (const [label, n] of m) if (label !== 'none' && n / total > best[1]) best = [label, n / total];
        if (best[0] !== 'none' && best[1] >= 0.6 && (m.get(best[0]) ?? 0) >= 3) keywords.set(w, best);
      }
      return {
        classify: async (text) => {
          let best = ['none', 0];
          for (const w of words(text)) {
            const k = keywords.get(w);
            if (k && k[1] > best[1]) best = k;
          }
          return best[0];
        },
      };
    },
  };
}

/** Trains one model per language and intent; returns a predictor of pair lists. */
export async function trainPeer(peer, trainByLang, intents) {
  const models = {};
  for (const [lang, examples] of Object.entries(trainByLang)) {
    models[lang] = {};
    for (const intent of intents) models[lang][intent] = await peer.train(lang, intentDocuments(examples, intent));
  }
  return {
    async predict(lang, text) {
      const pairs = [];
      for (const intent of intents) {
        const label = await models[lang][intent].classify(text);
        if (label && label !== 'none') pairs.push(`${intent}/${label}`);
      }
      return pairs;
    },
  };
}
