import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function tuijie(...args: string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, ['src/cli/main.ts', 'check-id', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status, stdout, stderr };
}

function json(...args: string[]) {
  const run = tuijie(...args, '--json');
  return { status: run.status, output: JSON.parse(run.stdout) };
}

describe('tuijie check-id', () => {
  it('shows birth date and sex of a valid number', () => {
    expect(json('11010519491231002X')).toEqual({
      status: 0,
      output: {
        input: '11010519491231002X',
        valid: true,
        normalised: '11010519491231002X',
        birthDate: '1949-12-31',
        sex: 'female',
        regionCode: '110105',
        findings: [],
      },
    });
  });

  it.each([
    ['lower-case x', ['11010519491231002x']],
    ['full-width digits', ['１１０１０５１９４９１２３１００２Ｘ']],
    ['stray spaces', [' 110105\u300019491231 002X ']],
    ['a number split over several arguments', ['110105', '19491231', '002x']],
  ])('accepts %s', (_why, args) => {
    const { status, output } = json(...args);
    expect(status).toBe(0);
    expect(output).toMatchObject({ valid: true, normalised: '11010519491231002X', birthDate: '1949-12-31' });
  });

  it.each([
    ['110105194912310021', 'ID_CHECKSUM'],
    ['11010519490230002X', 'ID_BIRTH_DATE'],
    ['11010520990101002X', 'ID_BIRTH_DATE'],
    ['99010519491231002X', 'ID_REGION'],
    ['110105491231002', 'ID_LENGTH'],
    ['11010519491231００2Ｙ', 'ID_CHARACTERS'],
    ['', 'ID_EMPTY'],
  ])('refuses the impossible number %j with exit code 1', (value, code) => {
    const { status, output } = json(value);
    expect(status).toBe(1);
    expect(output.valid).toBe(false);
    expect(output.birthDate).toBeUndefined();
    expect(output.findings.map((finding: { code: string }) => finding.code)).toContain(code);
  });

  it('speaks Chinese without --json', () => {
    const valid = tuijie('11010519491231002X');
    expect(valid.status).toBe(0);
    expect(valid.stdout).toContain('出生日期：1949年12月31日');
    expect(valid.stdout).toContain('性别：女');
    const invalid = tuijie('110105194912310021');
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toContain('错误 ID_CHECKSUM：身份证号第18位校验码应为 X，实为 1');
  });

  it('reports a missing value as a usage error', () => {
    const { status, stderr } = tuijie();
    expect(status).toBe(2);
    expect(stderr).toContain('请给出要校验的身份证号');
  });
});
