import { describe, expect, it } from 'vitest';
import { error, warning } from '../findings.ts';
import { fileStatus, type SlotFile, slotStatus, unwaivedErrors } from './slot-status.ts';

const file = (patch: Partial<SlotFile> = {}): SlotFile => ({
  fileName: 'a.jpg',
  state: 'passed',
  chosen: true,
  findings: [],
  waivers: [],
  ...patch,
});
const dpi = error('PHOTO_DPI_LOW', 'dpi', '分辨率低');
const size = error('PHOTO_TOO_SMALL', 'bytes', '太小');

describe('fileStatus', () => {
  it('maps states', () => {
    expect(fileStatus(file({ state: 'pending' }))).toBe('pending');
    expect(fileStatus(file({ state: 'converting' }))).toBe('pending');
    expect(fileStatus(file())).toBe('passed');
    expect(fileStatus(file({ state: 'failed', findings: [dpi] }))).toBe('failed');
  });

  it('counts a failed file as waived only when every error finding is waived', () => {
    const failed = file({ state: 'failed', findings: [dpi, size, warning('ATTESTATION_NEEDED', '', '')] });
    expect(fileStatus({ ...failed, waivers: [{ code: 'PHOTO_DPI_LOW' }] })).toBe('failed');
    expect(unwaivedErrors({ ...failed, waivers: [{ code: 'PHOTO_DPI_LOW' }] })).toEqual([size]);
    expect(fileStatus({ ...failed, waivers: [{ code: 'PHOTO_DPI_LOW' }, { code: 'PHOTO_TOO_SMALL' }] })).toBe(
      'waived',
    );
  });

  it('never counts a failed file without error findings as waived', () => {
    expect(fileStatus(file({ state: 'failed', findings: [] }))).toBe('failed');
  });
});

describe('slotStatus', () => {
  it('is missing without chosen files', () => {
    expect(slotStatus([])).toBe('missing');
    expect(slotStatus([file({ chosen: false })])).toBe('missing');
  });

  it('takes the worst chosen file: failed, pending, waived, passed', () => {
    const waived = file({ state: 'failed', findings: [dpi], waivers: [{ code: 'PHOTO_DPI_LOW' }] });
    expect(slotStatus([file(), waived])).toBe('waived');
    expect(slotStatus([file(), waived, file({ state: 'pending' })])).toBe('pending');
    expect(slotStatus([file({ state: 'pending' }), file({ state: 'failed', findings: [dpi] })])).toBe(
      'failed',
    );
    expect(slotStatus([file(), file()])).toBe('passed');
  });

  it('ignores the original a unit replaced by its converted copy', () => {
    expect(slotStatus([file({ state: 'failed', findings: [dpi], chosen: false }), file()])).toBe('passed');
  });
});
