/**
 * Seeded generator of conversations for speed and memory runs only (never
 * for accuracy): each one takes the shape (roles, channel, metadata) of a
 * train conversation and fills every turn with a train turn of the same
 * language and role, drawn at random. Same seed, same stream.
 *
 * As a script: `node bench/lib/generate.mjs COUNT [SEED]` writes JSON Lines to
 * stdout with back-pressure, so it can feed `convotag tag` through a pipe.
 */
import { fileURLToPath } from 'node:url';
import { LANGS, loadSplit } from './corpus.mjs';

/** mulberry32: small, fast, and good enough to shuffle benchmark data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let pools;
function trainPools() {
  if (pools) return pools;
  pools = {};
  for (const lang of LANGS) {
    const { transcripts } = loadSplit(lang, 'train');
    const byRole = {};
    for (const t of transcripts) for (const turn of t.turns) (byRole[turn.role] ??= []).push(turn.text);
    const shapes = transcripts.map((t) => ({
      roles: t.turns.map((x) => x.role),
      channel: t.channel,
      metadata: t.metadata,
    }));
    pools[lang] = { byRole, shapes };
  }
  return pools;
}

/** `count` conversations; half carry their language, half leave it to detection. */
export function* generateConversations(count, seed = 42) {
  const p = trainPools();
  const next = rng(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const customers = Math.max(1, Math.floor(count / 4));
  for (let i = 0; i < count; i++) {
    const lang = next() < 0.5 ? 'nl' : 'en';
    const { byRole, shapes } = p[lang];
    const shape = pick(shapes);
    const t = { id: `gen-${i}`, customerId: `gen-c${Math.floor(next() * customers)}` };
    if (shape.channel) t.channel = shape.channel;
    if (i % 2 === 0) t.language = lang;
    t.turns = shape.roles.map((role) => ({ role, text: pick(byRole[role]) }));
    if (shape.metadata) t.metadata = shape.metadata;
    yield t;
  }
}

export function generateArray(count, seed = 42) {
  return [...generateConversations(count, seed)];
}

async function main() {
  const count = Number(process.argv[2] ?? 1000);
  const seed = Number(process.argv[3] ?? 42);
  const out = process.stdout;
  let buffer = '';
  for (const t of generateConversations(count, seed)) {
    buffer += `${JSON.stringify(t)}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise((r) => out.once('drain', r));
      buffer = '';
    }
  }
  if (buffer) out.write(buffer);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  await main();
}
