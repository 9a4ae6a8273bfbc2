/**
 * The facts a unit records about its parcel and the organiser about what arrived, checked before they
 * are stored: what is missing or impossible is an error with a Chinese message that says what to fix.
 */
import { readIsoDate } from '../calendar/iso-date.ts';
import { error, type Finding } from '../findings.ts';
import type { PaperRequirement } from './requirement.ts';

export interface DispatchInput {
  courier: string;
  trackingNumber: string;
  /** YYYY-MM-DD, Beijing time. */
  dispatchedOn: string;
}

export interface ReceiptInput {
  receivedOn: string;
  copiesReceived: number;
  sealPresent: boolean;
  /** null: no disc or USB stick came, or the campaign asks for none. */
  discReadable: boolean | null;
  note: string;
}

export const MAX_TEXT = { courier: 40, trackingNumber: 40, note: 500 } as const;
/** More would be a typing error: even Jilin asks for 3 copies of each form. */
export const MAX_COPIES = 99;

/** Tracking numbers as typed on a phone or copied from a receipt: full-width digits, spaces, dashes. */
export function normaliseTrackingNumber(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200f\u2060\ufeff]/g, '')
    .toUpperCase();
}

function dateFindings(field: string, what: string, value: string, today: string): Finding[] {
  if (!readIsoDate(value))
    return [error('DATE_INVALID', field, `${what}不是有效的日期，请按“年-月-日”填写。`)];
  if (value > today) return [error('DATE_IN_FUTURE', field, `${what}不能晚于今天，请填写实际日期。`)];
  return [];
}

export function dispatchFindings(input: DispatchInput, today: string): Finding[] {
  const findings: Finding[] = [];
  const courier = input.courier.trim();
  if (!courier)
    findings.push(error('COURIER_REQUIRED', 'courier', '请填写寄送方式或快递公司，如“EMS”“顺丰速运”。'));
  else if ([...courier].length > MAX_TEXT.courier)
    findings.push(error('COURIER_TOO_LONG', 'courier', `快递公司名称不能超过 ${MAX_TEXT.courier} 个字。`));
  const tracking = normaliseTrackingNumber(input.trackingNumber);
  if (!tracking) {
    findings.push(error('TRACKING_REQUIRED', 'trackingNumber', '请填写快递单号，以便组织单位查询。'));
  } else if (!/^[A-Z0-9-]+$/.test(tracking) || tracking.length > MAX_TEXT.trackingNumber) {
    findings.push(
      error(
        'TRACKING_INVALID',
        'trackingNumber',
        `快递单号只能包含字母、数字和“-”，且不超过 ${MAX_TEXT.trackingNumber} 位，请对照快递底单填写。`,
      ),
    );
  }
  findings.push(...dateFindings('dispatchedOn', '寄出日期', input.dispatchedOn, today));
  return findings;
}

export function receiptFindings(
  input: ReceiptInput,
  context: { today: string; dispatchedOn: string | null; disc: boolean },
): Finding[] {
  const findings = dateFindings('receivedOn', '签收日期', input.receivedOn, context.today);
  if (findings.length === 0 && context.dispatchedOn && input.receivedOn < context.dispatchedOn) {
    findings.push(
      error('RECEIVED_BEFORE_DISPATCH', 'receivedOn', '签收日期早于报送单位登记的寄出日期，请核对后填写。'),
    );
  }
  if (!Number.isInteger(input.copiesReceived) || input.copiesReceived < 0) {
    findings.push(
      error('COPIES_INVALID', 'copiesReceived', '收到的份数应为 0 或正整数，请按实际收到的份数填写。'),
    );
  } else if (input.copiesReceived > MAX_COPIES) {
    findings.push(
      error('COPIES_INVALID', 'copiesReceived', `收到的份数不能超过 ${MAX_COPIES} 份，请核对后填写。`),
    );
  }
  if (context.disc && input.discReadable === null) {
    findings.push(
      error(
        'DISC_UNKNOWN',
        'discReadable',
        '本活动要求寄送光盘或U盘，请填写能否读取（未收到的按“不能读取”填写）。',
      ),
    );
  }
  if ([...input.note].length > MAX_TEXT.note)
    findings.push(error('NOTE_TOO_LONG', 'note', `备注不能超过 ${MAX_TEXT.note} 个字。`));
  return findings;
}

/** What a receipt found wrong against what the campaign asks for; empty when the parcel was complete. */
export function receiptProblems(
  receipt: Pick<ReceiptInput, 'copiesReceived' | 'sealPresent' | 'discReadable'>,
  requirement: Pick<PaperRequirement, 'copies' | 'disc'>,
): string[] {
  const problems: string[] = [];
  if (receipt.copiesReceived < requirement.copies)
    problems.push(`份数不足：收到 ${receipt.copiesReceived} 份，应为一式 ${requirement.copies} 份`);
  if (!receipt.sealPresent) problems.push('未加盖公章');
  if (requirement.disc && receipt.discReadable !== true) problems.push('光盘或U盘未收到或无法读取');
  return problems;
}
