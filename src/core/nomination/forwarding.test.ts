import { describe, expect, it } from 'vitest';
import { getTemplate } from '../campaign/templates/index.ts';
import {
  type ForwardingCampaign,
  type ForwardingNomination,
  type ForwardingTarget,
  forwardingFindings,
  forwardingProblems,
} from './forwarding.ts';

const jilin: ForwardingCampaign = {
  id: 'jl-2023',
  year: 2023,
  level: 'provincial',
  organiserId: 'org-jilin',
  forwardsToNationalRound: true,
};
const target: ForwardingTarget = {
  campaign: { id: 'cn-2023', year: 2023, level: 'national' },
  unitId: 'org-jilin',
};
const selected: ForwardingNomination = { id: 'n1', state: 'selected', campaignId: 'jl-2023' };
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('forwardingProblems', () => {
  it('a selected nomination goes to the national round of the same year, as the province', () => {
    expect(forwardingProblems(selected, jilin, target)).toEqual([]);
  });

  it('only selected nominations', () => {
    const problems = forwardingProblems({ ...selected, state: 'shortlisted' }, jilin, target);
    expect(problems).toEqual([
      {
        code: 'FORWARD_NOT_SELECTED',
        severity: 'error',
        field: 'state',
        message: '只有“入选”的推介可以报送上级，该推介目前为“拟推介”。',
      },
    ]);
    expect(codes(forwardingProblems({ ...selected, state: 'forwarded' }, jilin, target))).toEqual([
      'FORWARD_ALREADY_DONE',
    ]);
  });

  it('same year, next level up, the organiser as unit, own campaign', () => {
    const wrong: ForwardingTarget = {
      campaign: { id: 'x', year: 2024, level: 'provincial' },
      unitId: 'org-other',
    };
    expect(codes(forwardingProblems({ ...selected, campaignId: 'other' }, jilin, wrong))).toEqual([
      'FORWARD_WRONG_CAMPAIGN',
      'FORWARD_YEAR_MISMATCH',
      'FORWARD_LEVEL_MISMATCH',
      'FORWARD_UNIT_MISMATCH',
    ]);
    const national = { ...jilin, level: 'national' as const };
    expect(forwardingProblems(selected, national, target)[0]!.message).toBe(
      '全国活动的入选推介没有上级活动可以报送。',
    );
  });

  it('a city forwards to its province', () => {
    const city = { ...jilin, level: 'city' as const, organiserId: 'org-cc' };
    const province: ForwardingTarget = {
      campaign: { id: 'p', year: 2023, level: 'provincial' },
      unitId: 'org-cc',
    };
    expect(forwardingProblems(selected, city, province)).toEqual([]);
  });

  it('warns when the notice did not announce forwarding', () => {
    expect(codes(forwardingProblems(selected, { ...jilin, forwardsToNationalRound: false }, target))).toEqual(
      ['FORWARD_NOT_IN_NOTICE'],
    );
  });
});

describe('forwardingFindings', () => {
  const national = getTemplate('national-2024')!;

  it('checks the national quota of a province, specials on top', () => {
    expect(
      forwardingFindings(
        { star: { regular: 5, special: 1 }, project: { regular: 3, special: 0 } },
        national,
        'provincial_edu',
      ),
    ).toEqual([]);
    expect(
      codes(
        forwardingFindings(
          { star: { regular: 6, special: 2 }, project: { regular: 1, special: 0 } },
          national,
          'provincial_edu',
        ),
      ),
    ).toEqual(['QUOTA_EXCEEDED', 'SPECIAL_QUOTA_EXCEEDED', 'QUOTA_BELOW_MIN']);
  });

  it('a unit override wins, and categories not forwarded are not checked', () => {
    expect(
      forwardingFindings({ star: { regular: 7, special: 0 } }, national, 'provincial_edu', {
        star: { min: 1, max: 8 },
      }),
    ).toEqual([]);
    expect(codes(forwardingFindings({ star: { regular: 1, special: 0 } }, national, 'city_edu'))).toEqual([
      'QUOTA_NOT_ASSIGNED',
    ]);
  });
});
