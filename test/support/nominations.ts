import type { CampaignRules } from '#core/campaign/rules.ts';
import { creditCodeCheckCharacter, idCheckCharacter } from '#core/identity/index.ts';
import { projectForm, starForm } from '#core/nomination/forms/fixtures.test-support.ts';
import { as, type Session, type TestApp } from './app.ts';
import { supplyRequiredMaterials } from './materials.ts';

/** A valid 身份证号 born 1980-01-01 in 长春, distinct for each sequence number (0–999). */
export function idNumber(sequence: number): string {
  const first17 = `22010219800101${String(sequence).padStart(3, '0')}`;
  return `${first17}${idCheckCharacter(first17)}`;
}

/** A complete, eligible star form for a campaign's rules, for nominee number `n`. */
export function completeStar(rules: CampaignRules, n: number, patch: Record<string, unknown> = {}) {
  return starForm({
    name: `学习之星${n}号`,
    idNumber: idNumber(n),
    attestations: { conditions: rules.eligibility.star.conditions.map(() => true), noMisconduct: true },
    ...patch,
  });
}

/** A complete, eligible project form for nominee number `n`: its own programme name and credit code. */
export function completeProject(rules: CampaignRules, n: number, creditCheckedOn: string) {
  const first17 = `91220102MA${String(n).padStart(7, '0')}`;
  return projectForm({
    name: `第${n}号社区学习品牌项目`,
    entityName: `长春市第${n}社区学习中心`,
    creditCode: `${first17}${creditCodeCheckCharacter(first17)}`,
    attestations: {
      conditions: rules.eligibility.project.conditions.map(() => true),
      creditRecord: true,
      creditCheckedOn,
    },
  });
}

export async function campaignOf(t: TestApp, session: Session, organiserName: string) {
  const list = await t.app.inject({ method: 'GET', url: '/api/campaigns', headers: as(session) });
  const campaign = list
    .json()
    .items.find(
      (c: { organiserName: string; status: string }) =>
        c.organiserName === organiserName && c.status === 'open',
    );
  const detail = await t.app.inject({
    method: 'GET',
    url: `/api/campaigns/${campaign.id}`,
    headers: as(session),
  });
  return { campaign, rules: detail.json().rules as CampaignRules };
}

/**
 * Creates a draft and saves the form into it; returns the nomination as the API shows it. Unless
 * `materials` is false, it also uploads real files to the required material slots (marked passed, as the
 * check job would), so a complete form can be submitted under the real submit rule.
 */
export async function draftWith(
  t: TestApp,
  session: Session,
  campaignId: string,
  form: object,
  category = 'star',
  { materials = true } = {},
) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/nominations',
    headers: as(session),
    payload: { campaignId, category },
  });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`);
  const { nomination } = created.json();
  const saved = await t.app.inject({
    method: 'PUT',
    url: `/api/nominations/${nomination.id}`,
    headers: as(session),
    payload: { form, version: nomination.version },
  });
  if (saved.statusCode !== 200) throw new Error(`save failed: ${saved.body}`);
  if (materials) await supplyRequiredMaterials(t, session, nomination.id);
  return saved.json().nomination;
}
