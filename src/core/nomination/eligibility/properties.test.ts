/** Property tests: whatever a form sends, eligibility answers with findings and never throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTemplate } from '#core/campaign/templates/index.ts';
import { readCount } from './numbers.ts';
import { checkProjectEligibility, type ProjectEligibilityInput } from './project.ts';
import { checkStarEligibility, type StarEligibilityInput } from './star.ts';

const rules = getTemplate('jilin-2023')!;
const anyValue = fc.oneof(fc.anything(), fc.string(), fc.double(), fc.integer(), fc.constant(Number.NaN));
const toFullWidth = (text: string) =>
  text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('eligibility properties', () => {
  it('never throws on arbitrary star input', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'nationality',
            'focusGroups',
            'conditionsAttested',
            'overrides',
            'noMisconductAttested',
          ),
          anyValue,
        ),
        (input) => {
          const findings = checkStarEligibility(input as unknown as StarEligibilityInput, rules);
          expect(Array.isArray(findings)).toBe(true);
        },
      ),
    );
  });

  it('never throws on arbitrary project input', () => {
    const keys = fc.constantFrom(
      'programmeName',
      'entity',
      'creditRecord',
      'startDate',
      'participationsOffline',
      'participationsOnline',
      'workSummary',
      'conditionsAttested',
      'overrides',
    );
    fc.assert(
      fc.property(fc.dictionary(keys, anyValue), (input) => {
        const findings = checkProjectEligibility(input as unknown as ProjectEligibilityInput, rules);
        expect(findings.every((f) => typeof f.message === 'string' && f.message !== '')).toBe(true);
      }),
    );
  });

  it('participation: meeting either threshold never yields TOO_LOW; missing both never passes', () => {
    fc.assert(
      fc.property(
        fc.option(fc.nat(10_000), { nil: null }),
        fc.option(fc.nat(10_000), { nil: null }),
        (offline, online) => {
          const base = {
            participationsOffline: offline,
            participationsOnline: online,
          } as ProjectEligibilityInput;
          const found = checkProjectEligibility(base, rules).map((f) => f.code);
          const meets = (offline ?? -1) >= 1000 || (online ?? -1) >= 3000;
          expect(found.includes('PROJECT_PARTICIPATION_TOO_LOW')).toBe(
            !meets && (offline !== null || online !== null),
          );
          expect(found.includes('PROJECT_PARTICIPATION_MISSING')).toBe(offline === null && online === null);
        },
      ),
    );
  });

  it('readCount reads any whole number however it was typed', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('plain', 'grouped', 'fullWidth', 'spaced'), (n, style) => {
        const text = {
          plain: String(n),
          grouped: n.toLocaleString('en-US'),
          fullWidth: toFullWidth(String(n)),
          spaced: ` ${n} 人次 `,
        }[style];
        expect(readCount(text)).toEqual({ kind: 'ok', value: n });
      }),
    );
  });

  it('readCount refuses every negative number', () => {
    fc.assert(
      fc.property(fc.integer({ max: -1 }), (n) => {
        expect(readCount(n).kind).toBe('invalid');
        expect(readCount(String(n)).kind).toBe('invalid');
      }),
    );
  });
});
