/**
 * The whole report stage in one call for API users: tagged transcripts →
 * customer profiles → personas → report data. The CLI composes the same steps.
 */
import type { TagResult, Transcript } from '../contract/schemas.js';
import { findPersonas, type FindPersonasOptions, type PersonaResult } from '../personas/find.js';
import { profileCustomers } from '../profiles/profile.js';
import { buildReport, majorityLanguage, type BuildReportOptions, type ReportData } from './build.js';

export interface CreateReportOptions extends BuildReportOptions {
  /** Options of findPersonas; the persona names follow the report's language unless this sets another. */
  personas?: FindPersonasOptions;
}

export function createReport(
  transcripts: readonly Transcript[],
  tags: ReadonlyMap<string, TagResult> | Iterable<TagResult>,
  options: CreateReportOptions = {},
): { report: ReportData; personas: PersonaResult } {
  const byId =
    tags instanceof Map ? (tags as ReadonlyMap<string, TagResult>) : new Map([...(tags as Iterable<TagResult>)].map((t) => [t.id, t]));
  const profiles = profileCustomers(transcripts, byId);
  const { personas: personaOptions, ...reportOptions } = options;
  const language = reportOptions.language ?? majorityLanguage(transcripts.flatMap((t) => byId.get(t.id) ?? []));
  const personas = findPersonas(profiles, { language, ...personaOptions });
  return { report: buildReport({ transcripts, tags: byId, personas }, { ...reportOptions, language }), personas };
}
