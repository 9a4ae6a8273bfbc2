import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const VALID = '91350100M000100Y43';

function tuijie(...args: string[]) {
  const { status, stdout, stderr } = spawnSync(
    process.execPath,
    ['src/cli/main.ts', 'check-credit-code', ...args],
    { cwd: root, encoding: 'utf8' },
  );
  return { status, stdout, stderr };
}

function json(...args: string[]) {
  const run = tuijie(...args, '--json');
  return { status: run.status, output: JSON.parse(run.stdout) };
}

describe('tuijie check-credit-code', () => {
  it('accepts a valid code and shows its province', () => {
    expect(json(VALID)).toEqual({
      status: 0,
      output: {
        input: VALID,
        normalised: VALID,
        valid: true,
        wellFormed: true,
        checksumOk: true,
        regionCode: '350100',
        province: '35',
        findings: [],
      },
    });
  });

  it.each([
    ['mixed case', ['91350100m000100Y43']],
    ['full-width characters', ['９１３５０１００Ｍ０００１００Ｙ４３']],
    ['stray spaces', [' 9135 0100 M000 100Y 43 ']],
    ['several arguments', ['91350100', 'M000100Y43']],
  ])('accepts %s', (_why, args) => {
    const { status, output } = json(...args);
    expect(status).toBe(0);
    expect(output).toMatchObject({ normalised: VALID, valid: true, checksumOk: true });
  });

  it('exits 1 and says not valid on a check character that does not match, though the platform only warns', () => {
    const { status, output } = json('91350100M000100Y44');
    expect(status).toBe(1);
    expect(output).toMatchObject({ valid: false, wellFormed: true, checksumOk: false });
    expect(output.findings).toEqual([
      expect.objectContaining({ code: 'CREDIT_CODE_CHECKSUM', severity: 'warning' }),
    ]);
    expect(tuijie('91350100M000100Y44').stdout).toContain('警告 CREDIT_CODE_CHECKSUM');
  });

  it.each([
    ['9135O100M000100Y43', 'CREDIT_CODE_CHARACTERS', '第5位「O」（可能应为数字 0）'],
    ['91350100M000100Y4', 'CREDIT_CODE_LENGTH', '实为17位'],
    ['某某有限公司', 'CREDIT_CODE_CHARACTERS', '第1位「某」'],
  ])('refuses %j with exit code 1', (value, code, hint) => {
    const { status, output } = json(value);
    expect(status).toBe(1);
    expect(output).toMatchObject({ valid: false, wellFormed: false });
    const finding = output.findings.find((f: { code: string }) => f.code === code);
    expect(finding.message).toContain(hint);
  });

  it('reports a missing value as a usage error', () => {
    const { status, stderr } = tuijie('--json');
    expect(status).toBe(2);
    expect(stderr).toContain('请给出要校验的统一社会信用代码');
  });
});
