import { describe, expect, it } from 'vitest';
import {
  campaignStanding,
  notTheOrganiserMessage,
  organisesCampaign,
  supervisesCampaign,
} from './organiser-scope.ts';

const NATIONAL = '/root/cace/';
const JILIN = '/root/cace/jilin/';
const CHANGCHUN = '/root/cace/jilin/cc/';

const admin = (organisationPath: string) => ({ organisationPath, roles: ['organiser_admin' as const] });

describe('campaign standing', () => {
  it('makes the campaign organisation own admins its organiser, and no one else', () => {
    expect(campaignStanding(admin(JILIN), { organiserPath: JILIN })).toBe('organiser');
    expect(organisesCampaign(admin(JILIN), JILIN)).toBe(true);
    expect(organisesCampaign(admin(NATIONAL), JILIN)).toBe(false);
    expect(organisesCampaign({ organisationPath: '/root/', roles: ['platform_admin'] }, JILIN)).toBe(false);
    expect(organisesCampaign({ organisationPath: JILIN, roles: ['unit_submitter', 'expert'] }, JILIN)).toBe(
      false,
    );
  });

  it('lets an organisation above only supervise, and only where the campaign allows it', () => {
    expect(campaignStanding(admin(NATIONAL), { organiserPath: JILIN })).toBe('above');
    expect(
      campaignStanding(admin(NATIONAL), { organiserPath: JILIN, supervision: { parentMayView: false } }),
    ).toBe('above');
    expect(
      supervisesCampaign(admin(NATIONAL), { organiserPath: JILIN, supervision: { parentMayView: true } }),
    ).toBe(true);
    // Supervision is read-only: it never makes the supervisor the organiser.
    expect(organisesCampaign(admin(NATIONAL), JILIN)).toBe(false);
  });

  it('gives nothing below the organiser or in another branch, whatever the switch', () => {
    const open = { organiserPath: JILIN, supervision: { parentMayView: true } };
    expect(campaignStanding(admin(CHANGCHUN), open)).toBe('none');
    expect(campaignStanding(admin('/root/cace/beijing/'), open)).toBe('none');
    // A sibling whose id starts like the organiser's is not above it.
    expect(campaignStanding(admin('/root/cace/ji/'), open)).toBe('none');
    expect(campaignStanding({ organisationPath: NATIONAL, roles: ['expert'] }, open)).toBe('none');
  });

  it('names the organiser in its Chinese refusal', () => {
    expect(notTheOrganiserMessage('吉林省教育厅')).toContain('由吉林省教育厅组织');
    expect(notTheOrganiserMessage(null)).toMatch(/^该推介活动/);
  });
});
