/**
 * findPersonas at scale: time and adjusted Rand index for 1k, 10k and 100k
 * synthetic customer profiles with known groups, k chosen automatically.
 *
 * The groups are the corpus archetypes: the train customers are tagged and
 * profiled by convotag, and each synthetic profile copies a random real
 * profile of a random archetype with its numbers jittered (Gaussian, a
 * tenth of each feature's spread, kept within the feature's observed range).
 * So the groups overlap as much as real archetypes do, and ARI measures how
 * well personas recover them, not how easy the data is.
 */
import { LANGS, loadSplit } from '../lib/corpus.mjs';
import { loadApi } from '../lib/dist.mjs';
import { rng } from '../lib/generate.mjs';
import { isMain, log, runSection } from '../lib/section.mjs';
import { fmt, table, verdict } from '../lib/stats.mjs';

function gaussian(next) {
  // Box–Muller; 1 - u keeps log away from 0
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

function archetypeProfiles(api) {
  const tagger = api.createTagger();
  const archetype = new Map();
  const profiles = [];
  for (const lang of LANGS) {
    const train = loadSplit(lang, 'train');
    for (const t of train.transcripts) {
      const persona = train.goldById.get(t.id)?.persona;
      if (persona && t.customerId) archetype.set(t.customerId, persona);
    }
    const tags = train.transcripts.map((t) => tagger.tag(t));
    profiles.push(...api.profileCustomers(train.transcripts, tags).filter((p) => archetype.has(p.customerId)));
  }
  return { profiles, archetype };
}

export function synthesise(base, archetype, count, seed) {
  const next = rng(seed);
  const groups = new Map();
  for (const p of base) {
    const a = archetype.get(p.customerId);
    if (!groups.has(a)) groups.set(a, []);
    groups.get(a).push(p);
  }
  const names = [...groups.keys()].sort();
  const dims = base[0].vector.length;
  const lo = new Array(dims).fill(Infinity);
  const hi = new Array(dims).fill(-Infinity);
  const sd = new Array(dims).fill(0);
  for (let k = 0; k < dims; k++) {
    const xs = base.map((p) => p.vector[k]).filter(Number.isFinite);
    if (!xs.length) continue;
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    sd[k] = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    lo[k] = Math.min(...xs);
    hi[k] = Math.max(...xs);
  }
  const featureNames = Object.keys(base[0].features);
  const profiles = [];
  const truth = [];
  for (let i = 0; i < count; i++) {
    const group = names[Math.floor(next() * names.length)];
    const members = groups.get(group);
    const src = members[Math.floor(next() * members.length)];
    const vector = src.vector.map((v, k) => (Number.isFinite(v) ? Math.min(hi[k], Math.max(lo[k], v + 0.1 * sd[k] * gaussian(next))) : v));
    const features = {};
    featureNames.forEach((name, k) => (features[name] = vector[k]));
    profiles.push({ ...src, customerId: `syn-${i}`, conversationIds: [], features, vector });
    truth.push(group);
  }
  return { profiles, truth, groups: names.length };
}

export async function run({ quick }) {
  const api = await loadApi();
  if (typeof api.findPersonas !== 'function' || typeof api.profileCustomers !== 'function') {
    log('clustering: findPersonas is not exported by the built package yet, skipped');
    return { skipped: 'findPersonas / profileCustomers are not exported from dist yet' };
  }
  const { profiles: base, archetype } = archetypeProfiles(api);
  const sizes = [1_000, 10_000, 100_000];
  const runs = [];
  for (const n of sizes) {
    const { profiles, truth, groups } = synthesise(base, archetype, n, 5);
    const t0 = performance.now();
    const result = api.findPersonas(profiles, { k: 'auto', seed: 42 });
    const seconds = (performance.now() - t0) / 1000;
    const byId = new Map(result.assignments.map((a) => [a.customerId, a.persona]));
    const ari = api.adjustedRandIndex(
      profiles.map((p) => byId.get(p.customerId)),
      truth,
    );
    runs.push({ profiles: n, groups, k: result.k, seconds, ari, silhouette: result.selection?.silhouette ?? null });
    log(`clustering: ${fmt.int(n)} profiles, k=${result.k}, ARI ${fmt.f3(ari)}, ${fmt.f1(seconds)} s`);
    if (quick && seconds > 20) break; // the quick run stays short on a busy machine
  }
  const largest = runs.find((r) => r.profiles === 100_000);
  return {
    realProfiles: base.length,
    runs,
    goals: { auto100kUnder30s: { target: 30, value: largest?.seconds ?? null, met: largest ? largest.seconds < 30 : null } },
  };
}

export function markdown(r) {
  const head = "### Personas: findPersonas with k: 'auto' on synthetic profiles with known groups";
  if (r.error) return `${head}\n\nfailed: ${r.error.split('\n')[0]}`;
  if (r.skipped) return `${head}\n\n_Skipped: ${r.skipped}._`;
  const out = [head, ''];
  out.push(
    table(
      ['profiles', 'known groups', 'k found', 'seconds', 'ARI vs known groups', 'silhouette'],
      r.runs.map((x) => [fmt.int(x.profiles), x.groups, x.k, fmt.f1(x.seconds), fmt.f3(x.ari), fmt.f3(x.silhouette)]),
    ),
  );
  out.push(
    '',
    `Groups: the 5 corpus archetypes; each profile is a jittered copy of one of ${r.realProfiles} real train-customer profiles (tagged and profiled by convotag). Goal: 100k profiles in < 30 s → ${verdict(r.goals.auto100kUnder30s.met)}${r.goals.auto100kUnder30s.value === null ? ' (not run)' : ` (${fmt.f1(r.goals.auto100kUnder30s.value)} s)`}.`,
  );
  return out.join('\n');
}

if (isMain(import.meta.url)) await runSection(run, markdown);
