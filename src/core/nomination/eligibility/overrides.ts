/**
 * Some warnings are judgement calls an organiser may accept with a reason (a 县处级 official whose
 * story is exceptional; a 统一社会信用代码 that is real but fails the checksum, as a few do). An
 * accepted warning is kept, marked and explained, never dropped: reviewers and the audit trail must
 * still see it.
 */
import { type Finding, warning } from '#core/findings.ts';

export interface FindingOverride {
  code: string;
  /** Why the organiser accepts it, shown to reviewers. */
  reason: string;
}

/** A finding an organiser accepted; still severity 'warning', so counts and exports keep it. */
export type EligibilityFinding = Finding & { accepted?: { reason: string } };

export function isAccepted(finding: Finding): boolean {
  return (finding as EligibilityFinding).accepted !== undefined;
}

/** Findings that still need someone to act on them. */
export function openFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => !isAccepted(finding));
}

export function applyOverrides(
  findings: Finding[],
  overrides: readonly FindingOverride[] | undefined,
  overridable: ReadonlySet<string>,
): EligibilityFinding[] {
  // Overrides arrive from a request body: anything that is not a list of objects is ignored.
  if (!Array.isArray(overrides) || overrides.length === 0) return findings;
  const result: EligibilityFinding[] = [...findings];
  for (const override of overrides as unknown[]) {
    const { code: rawCode, reason: rawReason } = (
      typeof override === 'object' && override !== null ? override : {}
    ) as Partial<FindingOverride>;
    const code = typeof rawCode === 'string' ? rawCode : '';
    const reason = typeof rawReason === 'string' ? rawReason.trim() : '';
    if (!overridable.has(code)) {
      result.push(
        warning('OVERRIDE_NOT_ALLOWED', 'overrides', '所选的提示不能由组织单位确认放行，确认未生效。'),
      );
      continue;
    }
    if (reason === '') {
      const what = findings.find((f) => f.code === code)?.message ?? '这条提示';
      result.push(warning('OVERRIDE_REASON_MISSING', 'overrides', `确认放行“${what}”须填写理由，请补充。`));
      continue;
    }
    result.forEach((finding, i) => {
      if (finding.code === code && finding.severity === 'warning' && !isAccepted(finding)) {
        result[i] = {
          ...finding,
          message: `${finding.message}（组织单位已确认：${reason}）`,
          accepted: { reason },
        };
      }
    });
  }
  return result;
}
