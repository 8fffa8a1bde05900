/**
 * convotag personas: transcripts (+ tags, or tagged on the fly) → customer
 * profiles → personas; or, with --model, customers put on a saved model's
 * personas. stdout carries the document (--json) or a readable summary.
 */
import { assignPersonaDoc, findPersonas, personaDocument, type FindPersonasOptions, type PersonaDoc } from '../personas/find.js';
import { formatPersonas } from '../personas/format.js';
import { loadPersonaModel, savePersonaModel } from '../personas/model.js';
import { profileCustomers } from '../profiles/profile.js';
import { EXIT_OK, StdoutWriter, UsageError, say, type InputFlags } from './common.js';
import { transcriptsWithTags } from './tagged.js';

export interface PersonasFlags extends InputFlags {
  tags?: string;
  k?: string;
  kRange?: string;
  seed?: string;
  json?: boolean;
  save?: string;
  model?: string;
  lang?: 'nl' | 'en';
  anonymous?: 'own' | 'skip';
}

export function parseK(value: string | undefined): 'auto' | number {
  if (value === undefined || value === 'auto') return 'auto';
  const k = Number(value);
  if (!Number.isInteger(k) || k < 1) throw new UsageError(`--k must be "auto" or a whole number ≥ 1, got "${value}"`);
  return k;
}

export function parseSeed(value: string | undefined): number {
  if (value === undefined) return 42;
  const seed = Number(value);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${value}"`);
  return seed;
}

export function parseKRange(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+)\s*(?:-|\.\.|,)\s*(\d+)\s*$/.exec(value);
  const lo = Number(m?.[1]);
  const hi = Number(m?.[2]);
  if (!m || lo < 2 || hi < lo) throw new UsageError(`--k-range must look like 2-8 (smallest k ≥ 2, largest ≥ smallest), got "${value}"`);
  return [lo, hi];
}

export async function personasCommand(files: string[], flags: PersonasFlags): Promise<number> {
  const k = parseK(flags.k);
  const seed = parseSeed(flags.seed);
  const kRange = parseKRange(flags.kRange);
  if (flags.model && (flags.save || flags.k !== undefined || kRange))
    throw new UsageError('--model assigns customers to saved personas; it does not go with --k, --k-range or --save');
  // fail on a bad model file before reading any input
  const model = flags.model ? loadPersonaModel(flags.model) : undefined;

  const { transcripts, tags } = await transcriptsWithTags(files, flags, flags.lang ? { language: flags.lang } : {});

  const profiles = profileCustomers(transcripts, tags, {
    anonymous: flags.anonymous ?? 'own',
    onNote: (m) => {
      if (!flags.quiet) say(m);
    },
  });
  const anonymous = profiles.filter((p) => p.anonymous).length;
  if (anonymous && !flags.quiet) say(`${anonymous} conversation(s) without customerId profiled as their own customer (conv:<id>)`);

  let doc: PersonaDoc;
  if (model) {
    doc = assignPersonaDoc(model, profiles);
  } else {
    const options: FindPersonasOptions = { k, seed, ...(kRange ? { kRange } : {}), ...(flags.lang ? { language: flags.lang } : {}) };
    const result = findPersonas(profiles, options);
    if (flags.save) {
      savePersonaModel(result.model, flags.save);
      if (!flags.quiet) say(`persona model saved to ${flags.save}`);
    }
    doc = personaDocument(result);
  }
  await StdoutWriter.get().write(flags.json ? `${JSON.stringify(doc)}\n` : `${formatPersonas(doc)}\n`);
  return EXIT_OK;
}
