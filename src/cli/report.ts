/**
 * convotag report: transcripts (+ tags, or tagged on the fly) → profiles →
 * personas → the shop report, as one self-contained HTML page, Markdown
 * tables or the numbers as JSON. The report goes to --out, or to stdout;
 * messages go to stderr.
 */
import { writeFileSync } from 'node:fs';
import type { TagResult, Transcript } from '../contract/schemas.js';
import { ConvotagError } from '../io/errors.js';
import { readTags, readTranscripts, valuesOf } from '../io/readers.js';
import { findPersonas } from '../personas/find.js';
import { profileCustomers } from '../profiles/profile.js';
import { buildReport, majorityLanguage } from '../report/build.js';
import { renderReport, type ReportFormat } from '../report/render.js';
import { createTagger } from '../tagging/tagger.js';
import { EXIT_OK, StdoutWriter, prepareInputs, printSummary, say, type InputFlags } from './common.js';
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

  const { sources, options, report } = await prepareInputs(files, flags);
  const transcripts: Transcript[] = [];
  for await (const t of valuesOf(readTranscripts(sources, options))) transcripts.push(t);
  printSummary(report, flags, flags.tags ? 'transcripts: ' : '');

  const tags = new Map<string, TagResult>();
  if (flags.tags) {
    const tagsIn = await prepareInputs([flags.tags], flags);
    for await (const r of valuesOf(readTags(tagsIn.sources, tagsIn.options))) tags.set(r.id, r);
    printSummary(tagsIn.report, flags, 'tags: ');
  }
  const untagged = transcripts.filter((t) => !tags.has(t.id));
  if (untagged.length) {
    if (flags.tags) note(`${untagged.length} conversation(s) have no line in ${flags.tags}; tagging them now`);
    // --lang sets the report's words only: each conversation is tagged in its own language
    const tagger = createTagger(minConfidence !== undefined ? { minConfidence } : {});
    for (const t of untagged) tags.set(t.id, tagger.tag(t));
  }
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
