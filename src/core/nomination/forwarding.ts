/**
 * Levels chain: a province's (or a city's) selected nominations go on to the next round up in the
 * same year (吉林: 同时将宣传推介的典型代表和品牌项目参加2023年全国……宣传推介活动). In the target round the
 * forwarding organisation is an ordinary reporting unit, bound by its quota there like any other.
 */
import { type QuotaCounts, quotaFindings } from '../campaign/quotas.ts';
import {
  CAMPAIGN_LEVEL_LABELS,
  CATEGORIES,
  type CampaignLevel,
  type CampaignRules,
  type Category,
  type UnitQuotaOverride,
} from '../campaign/rules.ts';
import type { OrganisationType } from '../campaign/unit-types.ts';
import { error, type Finding, warning } from '../findings.ts';
import { NOMINATION_STATES, type NominationState } from './states.ts';

/** city → provincial → national; nothing is above national. */
const NEXT_LEVEL: Record<CampaignLevel, CampaignLevel | null> = {
  city: 'provincial',
  provincial: 'national',
  national: null,
};

export interface ForwardingCampaign {
  id: string;
  year: number;
  level: CampaignLevel;
  /** The organisation that runs the campaign (吉林省教育厅 for Jilin's round). */
  organiserId: string;
  forwardsToNationalRound: boolean;
}

export interface ForwardingNomination {
  id: string;
  state: NominationState;
  campaignId: string;
}

export interface ForwardingTarget {
  campaign: Pick<ForwardingCampaign, 'id' | 'year' | 'level'>;
  /** The reporting unit the nominations will belong to in the target campaign. */
  unitId: string;
}

/**
 * Whether one nomination may be forwarded from `source` into `target`: it is `selected` in the source
 * campaign, the target is the next level up in the same year, and the target's reporting unit is the
 * source campaign's organiser (the province reports its own selection, nobody else's).
 */
export function forwardingProblems(
  nomination: ForwardingNomination,
  source: ForwardingCampaign,
  target: ForwardingTarget,
): Finding[] {
  const findings: Finding[] = [];
  if (nomination.campaignId !== source.id) {
    findings.push(error('FORWARD_WRONG_CAMPAIGN', '', '该推介不属于本次活动，请刷新页面后重试。'));
  }
  if (nomination.state === 'forwarded') {
    findings.push(error('FORWARD_ALREADY_DONE', 'state', '该推介已报送上级，无需重复报送。'));
  } else if (nomination.state !== 'selected') {
    findings.push(
      error(
        'FORWARD_NOT_SELECTED',
        'state',
        `只有“${NOMINATION_STATES.selected}”的推介可以报送上级，该推介目前为“${NOMINATION_STATES[nomination.state]}”。`,
      ),
    );
  }
  if (target.campaign.year !== source.year) {
    findings.push(
      error(
        'FORWARD_YEAR_MISMATCH',
        'targetCampaign',
        `只能报送同一年度的上级活动：本次活动为${source.year}年，所选活动为${target.campaign.year}年。`,
      ),
    );
  }
  const next = NEXT_LEVEL[source.level];
  if (next === null || target.campaign.level !== next) {
    findings.push(
      error(
        'FORWARD_LEVEL_MISMATCH',
        'targetCampaign',
        next === null
          ? '全国活动的入选推介没有上级活动可以报送。'
          : `${CAMPAIGN_LEVEL_LABELS[source.level]}活动的入选推介应报送${CAMPAIGN_LEVEL_LABELS[next]}活动，所选活动为${CAMPAIGN_LEVEL_LABELS[target.campaign.level]}。`,
      ),
    );
  }
  if (target.unitId !== source.organiserId) {
    findings.push(
      error(
        'FORWARD_UNIT_MISMATCH',
        'unitId',
        '只能以本次活动组织单位的名义报送上级活动，请选择正确的报送单位。',
      ),
    );
  }
  if (next === 'national' && !source.forwardsToNationalRound) {
    findings.push(
      warning(
        'FORWARD_NOT_IN_NOTICE',
        'targetCampaign',
        '本次活动的通知未说明入选推介参加全国活动，请确认确需报送。',
      ),
    );
  }
  return findings;
}

/**
 * Quota of the forwarding unit in the target campaign, per category, with counts *after* forwarding
 * (nominations it already has there plus those being forwarded): the target's quota for its unit type
 * applies, specials on top, as for any reporting unit.
 */
export function forwardingFindings(
  counts: Partial<Record<Category, QuotaCounts>>,
  targetRules: CampaignRules,
  unitType: OrganisationType,
  unitOverride?: UnitQuotaOverride,
): Finding[] {
  return CATEGORIES.flatMap((category) => {
    const count = counts[category];
    return count ? quotaFindings(targetRules, unitType, unitOverride, category, count) : [];
  });
}
