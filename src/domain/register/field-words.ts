/**
 * Each field in the words people use for it ("target resolution date", not
 * "targetResolution"), for text that has no register header at hand: what an
 * update changed, a conflict. Fields not listed are spelt out from their key.
 */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  id: 'ID',
  dateRaised: 'date raised',
  impactOnProgramme: 'impact on programme',
  mitigatingActions: 'mitigating actions',
  targetResolution: 'target resolution date',
  actionOwner: 'action owner',
  dateLastUpdated: 'date last updated',
  rag: 'RAG',
  coDependencies: 'co-dependencies',
  successCriteria: 'success criteria',
  targetDate: 'target date',
  originalTargetDate: 'original target date',
  timesSlipped: 'times slipped',
  latestNote: 'latest note',
  linkedRisks: 'linked risks',
  dateClosed: 'date closed',
  slackUser: 'Slack user',
  email: 'e-mail',
};

/** A field key in plain words: "targetResolution" is "target resolution date", "impact" stays "impact". */
export function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
