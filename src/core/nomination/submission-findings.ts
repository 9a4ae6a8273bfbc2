/**
 * The one list of what stands between a nomination and its submission: the registry's findings (a
 * previous winner, the same person or programme nominated elsewhere), the form's own (shape,
 * completeness, eligibility, identity) and the material's (the submit rule). The page shows this list
 * while the unit works and the server refuses a submit with it, so 「检查通过，可以提交」 appears exactly
 * when the server would accept.
 */
import { type Finding, joinMessages } from '../findings.ts';

export interface SubmissionParts {
  /** Previous winners and other nominations: they outweigh a missing field, so they come first. */
  registry?: readonly Finding[];
  form: readonly Finding[];
  material: readonly Finding[];
}

/** Registry, form, material, in that order; a finding reported twice (browser and server) once. */
export function submissionFindings({ registry = [], form, material }: SubmissionParts): Finding[] {
  const seen = new Set<string>();
  return [...registry, ...form, ...material].filter((f) => {
    const key = `${f.code}\u0000${f.field}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type RefusalCode = 'DUPLICATE_WINNER' | 'INCOMPLETE' | 'NOT_ELIGIBLE';

const INCOMPLETE_CODES = new Set(['FIELD_REQUIRED', 'ATTESTATION_REQUIRED']);

/** Why a submit is refused, with the errors of the list in one sentence; undefined when nothing blocks. */
export function submissionRefusal(
  findings: readonly Finding[],
): { code: RefusalCode; message: string; findings: Finding[] } | undefined {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return undefined;
  const code: RefusalCode = errors.some((f) => f.code.startsWith('DUPLICATE_'))
    ? 'DUPLICATE_WINNER'
    : errors.some((f) => INCOMPLETE_CODES.has(f.code) || f.code.startsWith('MATERIAL_'))
      ? 'INCOMPLETE'
      : 'NOT_ELIGIBLE';
  const message = `还有 ${errors.length} 处问题需要修改后才能提交：${joinMessages(errors.map((f) => f.message))}`;
  return { code, message, findings: errors };
}

/** The summary's headline over the same list. */
export function submissionSummary(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return `还有 ${errors} 处需完善${warnings > 0 ? `，${warnings} 处提示` : ''}`;
  if (warnings > 0) return `可以提交；有 ${warnings} 处提示请核对`;
  return '检查通过，可以提交';
}
