/** 参与学习人数每年不少于1000人次（线下）或3000人次（线上）: either one suffices. */
import type { ProjectEligibilityRules } from '#core/campaign/rules.ts';
import { error, type Finding, warning } from '#core/findings.ts';
import { IMPLAUSIBLE_COUNT, readCount } from './numbers.ts';

interface ParticipationInput {
  participationsOffline: unknown;
  participationsOnline: unknown;
}

export function participationFindings(input: ParticipationInput, rules: ProjectEligibilityRules): Finding[] {
  const fields = [
    {
      field: 'participationsOffline',
      label: '线下',
      min: rules.minParticipationsOffline,
      raw: input.participationsOffline,
    },
    {
      field: 'participationsOnline',
      label: '线上',
      min: rules.minParticipationsOnline,
      raw: input.participationsOnline,
    },
  ].map((f) => ({ ...f, count: readCount(f.raw) }));

  const findings: Finding[] = [];
  for (const { field, label, count } of fields) {
    if (count.kind === 'invalid') {
      findings.push(
        error(
          'PROJECT_PARTICIPATION_INVALID',
          field,
          `${label}年参与学习人次${count.problem}，请填写非负整数。`,
        ),
      );
    } else if (count.kind === 'ok' && count.value > IMPLAUSIBLE_COUNT) {
      findings.push(
        warning(
          'PROJECT_PARTICIPATION_IMPLAUSIBLE',
          field,
          `${label}年参与学习人次${count.value}异常偏大，请核对。`,
        ),
      );
    }
  }
  const requirement = `每年不少于${rules.minParticipationsOffline}人次（线下）或${rules.minParticipationsOnline}人次（线上）`;
  if (fields.every((f) => f.count.kind === 'missing')) {
    findings.push(
      error(
        'PROJECT_PARTICIPATION_MISSING',
        'participationsOffline',
        `请填写年参与学习人次（${requirement}）。`,
      ),
    );
    return findings;
  }
  const meets = fields.some((f) => f.count.kind === 'ok' && f.count.value >= f.min);
  const anyInvalid = fields.some((f) => f.count.kind === 'invalid');
  if (!meets && !anyInvalid) {
    findings.push(
      error(
        'PROJECT_PARTICIPATION_TOO_LOW',
        'participationsOffline',
        `参与学习人数应${requirement}，目前填写的人次均未达到。`,
      ),
    );
  }
  return findings;
}
