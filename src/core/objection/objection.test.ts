import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../calendar/work-calendar.ts';
import { idCheckCharacter } from '../identity/id-number.ts';
import { ATTACHMENT_MAX_BYTES, judgeAttachment } from './attachments.ts';
import { isOverdue, OBJECTION_DEADLINES, objectionDue } from './deadlines.ts';
import { checkObjectionInput } from './input.ts';
import { allowedObjectionMoves, objectionMove, reasonMissing } from './moves.ts';
import { formatReceipt, isReceipt, normaliseReceipt, RECEIPT_ALPHABET } from './receipt.ts';
import { findObjectionTransition } from './states.ts';
import { objectionWindow } from './window.ts';

const validId = (() => {
  const first = '11010519491231002';
  return first + idCheckCharacter(first);
})();
const facts = '该同志申报材料中所述获奖情况与实际不符，请核实相关证书。';

describe('checkObjectionInput', () => {
  it('accepts a person with a valid ID number and a mobile phone', () => {
    const check = checkObjectionInput(
      {
        objectorKind: 'person',
        name: '张三',
        idNumber: validId,
        workplace: '某单位',
        phone: '13800138000',
        facts,
      },
      '2026-10-01',
    );
    expect(check.findings).toEqual([]);
    expect(check.objector).toMatchObject({ kind: 'person', idNumber: validId, phone: '13800138000' });
  });

  it('refuses a wrong check digit, and names the field', () => {
    const wrong = validId.slice(0, 17) + (validId[17] === '1' ? '2' : '1');
    const check = checkObjectionInput(
      {
        objectorKind: 'person',
        name: '张三',
        idNumber: wrong,
        workplace: '某单位',
        phone: '13800138000',
        facts,
      },
      '2026-10-01',
    );
    expect(check.objector).toBeUndefined();
    expect(check.findings.map((f) => f.field)).toContain('idNumber');
  });

  it('asks a unit for its contact person and accepts a landline', () => {
    const check = checkObjectionInput(
      { objectorKind: 'unit', unitName: '某某学校', phone: '0431-88886666', facts },
      '2026-10-01',
    );
    expect(check.findings.map((f) => [f.field, f.code])).toEqual([['contactName', 'OBJECTOR_MISSING']]);
    const ok = checkObjectionInput(
      { objectorKind: 'unit', unitName: '某某学校', contactName: '李四', phone: '0431-88886666', facts },
      '2026-10-01',
    );
    expect(ok.findings).toEqual([]);
  });

  it('refuses facts too short to look into, and keeps markup as typed text', () => {
    expect(
      checkObjectionInput(
        { objectorKind: 'unit', unitName: '某校', contactName: '李四', phone: '13800138000', facts: '不符' },
        '2026-10-01',
      ).findings.map((f) => f.code),
    ).toEqual(['FACTS_TOO_SHORT']);
    const script = `<script>alert(1)</script>${facts}`;
    const check = checkObjectionInput(
      { objectorKind: 'unit', unitName: '某校', contactName: '李四', phone: '13800138000', facts: script },
      '2026-10-01',
    );
    expect(check.facts).toBe(script);
  });
});

describe('objectionWindow', () => {
  const period = { state: 'open', startDay: '2026-09-29', endDay: '2026-10-10' };
  it('is open on the first and the last day', () => {
    expect(objectionWindow(period, '2026-09-29')).toEqual({ open: true });
    expect(objectionWindow(period, '2026-10-10')).toEqual({ open: true });
  });
  it('refuses after the end with the period’s dates', () => {
    const answer = objectionWindow({ ...period, state: 'closed' }, '2026-10-11');
    expect(answer).toEqual({
      open: false,
      message: '公示期为2026年9月29日至2026年10月10日，逾期提出的异议不予受理。',
    });
  });
  it('refuses before the start, and while the announcement is not open', () => {
    expect(objectionWindow({ ...period, state: 'scheduled' }, '2026-09-28')).toMatchObject({
      open: false,
      message: expect.stringContaining('公示期为2026年9月29日至2026年10月10日'),
    });
    expect(objectionWindow({ ...period, state: 'closed' }, '2026-10-05').open).toBe(false);
  });
});

describe('deadlines', () => {
  const calendar = createWorkCalendar();
  it('counts working days on the official calendar across 国庆节 and 调休', () => {
    // 2026: 10月1日–7日 off; 9月20日 (Sun) and 10月10日 (Sat) are working days.
    const accept = objectionDue(calendar, 'accept', '2026-09-30');
    expect(accept).toEqual({ ok: true, date: '2026-10-09' });
    expect(OBJECTION_DEADLINES).toEqual({ accept: 2, conclude: 10, reply: 5 });
  });
  it('flags a step overdue only after its day, and never once done', () => {
    expect(isOverdue('2026-10-09', '2026-10-09', false)).toBe(false);
    expect(isOverdue('2026-10-09', '2026-10-10', false)).toBe(true);
    expect(isOverdue('2026-10-09', '2026-10-10', true)).toBe(false);
  });
  it('refuses a year without calendar data', () => {
    expect(objectionDue(calendar, 'reply', '2027-12-30').ok).toBe(false);
  });
});

describe('receipt', () => {
  it('is the year and 10 characters without look-alikes', () => {
    const receipt = formatReceipt(2026, new Uint8Array([0, 1, 2, 31, 255, 8, 9, 10, 11, 12]));
    expect(receipt).toBe('26012ZZ89ABC');
    expect(isReceipt(receipt)).toBe(true);
    expect(RECEIPT_ALPHABET).not.toMatch(/[ILOU]/);
    expect(normaliseReceipt('26-o123 zz89ab')).toBe('260123ZZ89AB');
  });
});

describe('objectionMove', () => {
  const handler = { actorId: 'a', isHandler: true, isOrganiserAdmin: true, proposedBy: null };
  it('lets the handler accept and propose 成立', () => {
    expect(objectionMove('received', 'investigating', handler).ok).toBe(true);
    expect(objectionMove('investigating', 'upheld_proposed', handler).ok).toBe(true);
  });
  it('refuses moves outside the table', () => {
    expect(objectionMove('received', 'upheld', handler)).toMatchObject({
      ok: false,
      code: 'OBJECTION_MOVE_NOT_ALLOWED',
    });
  });
  it('needs a second person, an organiser admin, to confirm 成立', () => {
    expect(objectionMove('upheld_proposed', 'upheld', { ...handler, proposedBy: 'a' })).toMatchObject({
      ok: false,
      code: 'SECOND_SIGNATURE_REQUIRED',
    });
    expect(
      objectionMove('upheld_proposed', 'upheld', { ...handler, proposedBy: 'b', isOrganiserAdmin: false }),
    ).toMatchObject({ ok: false, code: 'SECOND_SIGNATURE_REQUIRED' });
    expect(objectionMove('upheld_proposed', 'upheld', { ...handler, proposedBy: 'b' }).ok).toBe(true);
    expect(allowedObjectionMoves('upheld_proposed', { ...handler, proposedBy: 'a' })).toEqual([]);
  });
  it('refuses anyone who does not handle the objection', () => {
    expect(objectionMove('received', 'investigating', { ...handler, isHandler: false }).ok).toBe(false);
  });
  it('asks for the reason of 不予受理 and the reply text', () => {
    expect(reasonMissing(findObjectionTransition('received', 'rejected')!, ' ')).toContain('理由');
    expect(reasonMissing(findObjectionTransition('dismissed', 'replied')!, '')).toContain('答复');
    expect(reasonMissing(findObjectionTransition('received', 'investigating')!, undefined)).toBeUndefined();
  });
});

describe('judgeAttachment', () => {
  it('knows PDF and JPEG by their bytes, not their names', () => {
    expect(judgeAttachment('a.jpg', new TextEncoder().encode('%PDF-1.7 …'))).toEqual({
      ok: true,
      contentType: 'application/pdf',
    });
    expect(judgeAttachment('a.pdf', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({
      contentType: 'image/jpeg',
    });
    expect(judgeAttachment('证据.pdf', new TextEncoder().encode('MZ\x90\x00 an exe'))).toMatchObject({
      ok: false,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });
  it('refuses more than 10 MB and empty files', () => {
    const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(judgeAttachment('big.pdf', big)).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE' });
    expect(judgeAttachment('e.pdf', new Uint8Array())).toMatchObject({ ok: false });
  });
});
