import { describe, expect, it } from 'vitest';
import { jilin2023 } from '../campaign/templates/jilin-2023.ts';
import { national2024 } from '../campaign/templates/national-2024.ts';
import { dispatchFindings, normaliseTrackingNumber, receiptFindings, receiptProblems } from './records.ts';
import { paperRequirement } from './requirement.ts';

const today = '2024-04-08';
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('a dispatch as the unit records it', () => {
  it('accepts a complete one, tracking numbers as typed on a phone', () => {
    expect(
      dispatchFindings({ courier: 'EMS', trackingNumber: 'ea 123 456 789 cn', dispatchedOn: today }, today),
    ).toEqual([]);
    expect(normaliseTrackingNumber(' ＳＦ１２３４ ５６７８\u200b ')).toBe('SF12345678');
  });

  it('refuses an empty tracking number or courier, an odd number and a day that has not come, in Chinese', () => {
    const findings = dispatchFindings(
      { courier: ' ', trackingNumber: '  ', dispatchedOn: '2024-04-09' },
      today,
    );
    expect(codes(findings)).toEqual(['COURIER_REQUIRED', 'TRACKING_REQUIRED', 'DATE_IN_FUTURE']);
    for (const f of findings) expect(f.message).toMatch(/\p{Script=Han}/u);
    expect(
      codes(dispatchFindings({ courier: '顺丰', trackingNumber: '单号？', dispatchedOn: today }, today)),
    ).toEqual(['TRACKING_INVALID']);
    expect(
      codes(dispatchFindings({ courier: '顺丰', trackingNumber: 'SF1', dispatchedOn: '2024-02-30' }, today)),
    ).toEqual(['DATE_INVALID']);
  });
});

describe('a receipt as the organiser records it', () => {
  const receipt = { receivedOn: today, copiesReceived: 2, sealPresent: true, discReadable: true, note: '' };
  const context = { today, dispatchedOn: '2024-04-02', disc: true };

  it('accepts a complete one', () => {
    expect(receiptFindings(receipt, context)).toEqual([]);
  });

  it('refuses fewer than no copies, a fraction, a day before the dispatch or in the future, an unanswered disc', () => {
    expect(codes(receiptFindings({ ...receipt, copiesReceived: -1 }, context))).toEqual(['COPIES_INVALID']);
    expect(codes(receiptFindings({ ...receipt, copiesReceived: 1.5 }, context))).toEqual(['COPIES_INVALID']);
    expect(codes(receiptFindings({ ...receipt, receivedOn: '2024-04-01' }, context))).toEqual([
      'RECEIVED_BEFORE_DISPATCH',
    ]);
    expect(codes(receiptFindings({ ...receipt, receivedOn: '2024-04-09' }, context))).toEqual([
      'DATE_IN_FUTURE',
    ]);
    expect(codes(receiptFindings({ ...receipt, discReadable: null }, context))).toEqual(['DISC_UNKNOWN']);
    // Jilin asks for no disc: none to report.
    expect(receiptFindings({ ...receipt, discReadable: null }, { ...context, disc: false })).toEqual([]);
  });

  it('names what arrived short against the notice: copies, seal, disc', () => {
    const national = paperRequirement(national2024, ['star']);
    expect(receiptProblems(receipt, national)).toEqual([]);
    expect(receiptProblems({ copiesReceived: 1, sealPresent: false, discReadable: false }, national)).toEqual(
      ['份数不足：收到 1 份，应为一式 2 份', '未加盖公章', '光盘或U盘未收到或无法读取'],
    );
    const jilin = paperRequirement(jilin2023, ['project']);
    expect(receiptProblems({ copiesReceived: 2, sealPresent: true, discReadable: null }, jilin)).toEqual([
      '份数不足：收到 2 份，应为一式 3 份',
    ]);
  });
});

describe('what a unit posts', () => {
  it('is each form of its categories in the notice’s copies, a disc nationally, to the notice’s address', () => {
    expect(paperRequirement(national2024, ['star'])).toEqual({
      copies: 2,
      forms: [
        { title: '《百姓学习之星推介表》', copies: 2 },
        { title: '《百姓学习之星推介登记表》', copies: 2 },
      ],
      disc: true,
      address: national2024.submission.paperAddress,
    });
    const jilin = paperRequirement(jilin2023, []);
    expect(jilin).toMatchObject({ copies: 3, disc: false });
    expect(jilin.forms).toHaveLength(4);
    expect(jilin.address).toContain('长春市宽城区北京大街62号411室');
  });
});
