import { describe, expect, it } from 'vitest';
import { type PackageInputs, packageInputsText } from './package-inputs.ts';

const nomination = (id: string, patch = {}) => ({
  id,
  version: 3,
  state: 'accepted',
  rank: 1,
  special: false,
  contentHash: `h-${id}`,
  ...patch,
});
const file = (id: string, patch = {}) => ({
  id,
  sha256: `s-${id}`,
  state: 'passed',
  fileName: `${id}.jpg`,
  findings: [],
  waivers: [],
  ...patch,
});
const inputs = (patch: Partial<PackageInputs> = {}): PackageInputs => ({
  campaignId: 'c1',
  unitId: 'u1',
  rulesVersion: 2,
  pdf: false,
  nominations: [nomination('n1'), nomination('n2')],
  files: [file('f1'), file('f2')],
  ...patch,
});

describe('package inputs', () => {
  it('are the same text whatever order the rows came in', () => {
    const reordered = inputs({
      nominations: [nomination('n2'), nomination('n1')],
      files: [file('f2'), file('f1')],
    });
    expect(packageInputsText(reordered)).toBe(packageInputsText(inputs()));
  });

  it('change with anything the package shows', () => {
    const base = packageInputsText(inputs());
    const changed = [
      inputs({ unitId: null }),
      inputs({ rulesVersion: 3 }),
      inputs({ pdf: true }),
      inputs({ nominations: [nomination('n1'), nomination('n2', { version: 4 })] }),
      inputs({ nominations: [nomination('n1')] }),
      inputs({ files: [file('f1'), file('f2', { sha256: 'other' })] }),
      inputs({ files: [file('f1'), file('f2', { waivers: [{ code: 'PHOTO_DPI' }] })] }),
    ];
    for (const other of changed) expect(packageInputsText(other)).not.toBe(base);
  });
});
