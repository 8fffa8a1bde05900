/**
 * convotag report: transcripts (+ tags, or tagged on the fly) → profiles →
 * personas → the shop report, as one self-contained HTML page, Markdown
 * tables or the numbers as JSON. The report goes to --out, or to stdout;
 * messages go to stderr.
 */
import { writeFileSync } from 'node:fs';
import { ConvotagError } from '../io/errors.js';
import { findPersonas } from '../personas/find.js';
import { profileCustomers } from '../profiles/profile.js';
import { buildReport, majorityLanguage } from '../report/build.js';
import { renderReport, type ReportFormat } from '../report/render.js';
import { EXIT_OK, StdoutWriter, say, type InputFlags } from './common.js';
import { transcriptsWithTags } from './tagged.js';
import { parseK, parseKRange, parseSeed } from './personas.js';
import { parseConfidence } from './tag.js';

export interface ReportFlags extends InputFlags {
  out?: string;
  format?: ReportFormat;
  lang?: 'nl' | 'en';
  title?: string;
  tags?: string;
  minConfidence?: string;
  k?: string;
  kRange?: string;
  seed?: string;
}

/** The format a file name asks for: .md/.markdown, .json, .html/.htm; undefined for anything else. */
export function formatForFile(path: string | undefined): ReportFormat | undefined {
  const ext = path?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'json') return 'json';
  if (ext === 'html' || ext === 'htm') return 'html';
  return undefined;
}

export async function reportCommand(files: string[], flags: ReportFlags): Promise<number> {
  const k = parseK(flags.k);
  const seed = parseSeed(flags.seed);
  const kRange = parseKRange(flags.kRange);
  const minConfidence = parseConfidence(flags.minConfidence);
  const format: ReportFormat = flags.format ?? formatForFile(flags.out) ?? 'html';
  const note = (m: string) => {
    if (!flags.quiet) say(m);
  };

  // --lang sets the report's words only: each conversation is tagged in its own language
  const { transcripts, tags } = await transcriptsWithTags(files, flags, minConfidence !== undefined ? { minConfidence } : {});
  if (minConfidence !== undefined)
    for (const [id, r] of tags) tags.set(id, { ...r, intents: r.intents.filter((i) => i.confidence >= minConfidence) });

  const profiles = profileCustomers(transcripts, tags, { anonymous: 'own', onNote: note });
  const anonymous = profiles.filter((p) => p.anonymous).length;
  if (anonymous) note(`${anonymous} conversation(s) without customerId counted as their own customer (conv:<id>)`);
  const language = flags.lang ?? majorityLanguage(transcripts.map((t) => tags.get(t.id)!));
  const personas = findPersonas(profiles, { k, seed, language, ...(kRange ? { kRange } : {}) });
  const data = buildReport({ transcripts, tags, personas }, { language, ...(flags.title ? { title: flags.title } : {}) });
  const text = renderReport(data, format);

  if (flags.out) {
    try {
      writeFileSync(flags.out, text);
    } catch (err) {
      throw new ConvotagError(`cannot write the report to ${flags.out}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    note(
      `report (${format}) written to ${flags.out}: ${data.overview.conversations} conversation(s), ${data.overview.customers} customer(s), ${data.personas.k} persona(s)`,
    );
  } else await StdoutWriter.get().write(text);
  return EXIT_OK;
}
