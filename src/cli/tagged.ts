import type { TagResult, Transcript } from '../contract/schemas.js';
import { readTags, readTranscripts, valuesOf } from '../io/readers.js';
import { createTagger, type TaggerOptions } from '../tagging/tagger.js';
import { prepareInputs, printSummary, say, type InputFlags } from './common.js';

/**
 * The transcripts of FILES and a tag result for each: from `--tags` where it
 * has a line, the rest tagged now. Used by the commands that work on whole
 * customers (personas, report), which need every conversation in memory.
 */
export async function transcriptsWithTags(
  files: string[],
  flags: InputFlags & { tags?: string },
  taggerOptions: TaggerOptions,
): Promise<{ transcripts: Transcript[]; tags: Map<string, TagResult> }> {
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
    if (flags.tags && !flags.quiet) say(`${untagged.length} conversation(s) have no line in ${flags.tags}; tagging them now`);
    const tagger = createTagger(taggerOptions);
    for (const t of untagged) tags.set(t.id, tagger.tag(t));
  }
  return { transcripts, tags };
}
