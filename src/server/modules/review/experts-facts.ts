/**
 * The business checks of an expert's facts as the organiser enters them (invite, edit, import): a chair
 * sits on the panel they chair, one chair per panel, loads in order, a valid 身份证号 and credit code.
 * The request shape is the contract's (zod); these need today's date and the rest of the pool.
 */
import type { z } from 'zod';

import type { Category } from '#core/campaign/rules.ts';
import type { ExpertFactsBody } from '#core/contract/review-setup.ts';
import { error, type Finding } from '#core/findings.ts';
import { parseCreditCode } from '#core/identity/credit-code.ts';
import { parseIdNumber } from '#core/identity/id-number.ts';
import { AppError } from '#server/platform/errors.ts';
import { type DataKeyring, dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { sealedIdNumberColumns } from '#server/platform/personal-data/sealed-column.ts';
import { sealRelations } from './experts-relatives.ts';
import { PANEL_LABELS } from './setup-presenter.ts';

export type ExpertFactsInput = z.output<typeof ExpertFactsBody>;

export function expertFactsFindings(
  input: ExpertFactsInput,
  context: {
    today: string;
    chairs: readonly { expertId: string; name: string; chairOf: readonly Category[] }[];
    expertId?: string;
  },
): Finding[] {
  const findings: Finding[] = [];
  for (const panel of input.chairOf) {
    if (!input.panels.includes(panel))
      findings.push(
        error('CHAIR_NOT_ON_PANEL', 'chairOf', `主持${PANEL_LABELS[panel]}评审组的专家须在该评审组中`),
      );
    const other = context.chairs.find((c) => c.expertId !== context.expertId && c.chairOf.includes(panel));
    if (other)
      findings.push(
        error(
          'CHAIR_TAKEN',
          'chairOf',
          `${PANEL_LABELS[panel]}评审组已由${other.name}担任组长，每个评审组只设一名组长，请先取消其组长`,
        ),
      );
  }
  if (input.maxLoad !== null && input.maxLoad < input.minLoad)
    findings.push(
      error(
        'LOAD_RANGE',
        'maxLoad',
        `最高工作量（${input.maxLoad}份）不能低于最低工作量（${input.minLoad}份）`,
      ),
    );
  if (input.idNumber) {
    const parsed = parseIdNumber(input.idNumber, context.today, 'idNumber');
    if (!parsed.valid) findings.push(...parsed.findings.filter((f) => f.severity === 'error'));
  }
  if (input.employerCreditCode) {
    const parsed = parseCreditCode(input.employerCreditCode, 'employerCreditCode');
    if (!parsed.valid) findings.push(...parsed.findings.filter((f) => f.severity === 'error'));
  }
  return findings;
}

export function refuseFindings(findings: readonly Finding[]): void {
  if (findings.length === 0) return;
  const code = findings.some((f) => f.code === 'CHAIR_TAKEN') ? 'CHAIR_TAKEN' : 'VALIDATION_FAILED';
  throw new AppError(code, findings.map((f) => f.message.replace(/。$/, '')).join('；'), { findings });
}

/**
 * The pool columns an expert's facts are stored in: the 身份证号 sealed, with its match hash (0016), and
 * so are the declared people's numbers in the relations; a mask sent back keeps its number among
 * `keptRelations` (the relations stored before an edit).
 */
export function factColumns(
  input: ExpertFactsInput,
  keptRelations: unknown = [],
  keyring: DataKeyring = dataKeys(),
) {
  return {
    panels: input.panels,
    chairOf: input.chairOf,
    employerName: input.employerName || null,
    employerCreditCode: input.employerCreditCode || null,
    province: input.province,
    field: input.field,
    ...sealedIdNumberColumns(input.idNumber, keyring),
    minLoad: input.minLoad,
    maxLoad: input.maxLoad,
    relations: JSON.stringify(sealRelations(input.relations, keptRelations, keyring)),
  };
}
