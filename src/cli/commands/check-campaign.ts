/**
 * `tuijie check --campaign ID`: the slot specs of a campaign as stored in the platform's database (the
 * organiser may have changed sizes, counts or caps since the notice), resolved by name with
 * core/materials `campaignSpec`. Opens the database the server uses (`DATABASE_URL`, else the embedded
 * one in `var/pg`) and closes it again.
 */
import type { CampaignRules } from '#core/campaign/rules.ts';
import { campaignSpec } from '#core/materials/campaign-specs.ts';
import type { MaterialSlotSpec } from '#core/materials/spec.ts';
import { openRuntime } from '../runtime.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CampaignSlot = { slot: MaterialSlotSpec; campaignTitle: string } | { problem: string };

export async function campaignSlot(campaignId: string, specName: string): Promise<CampaignSlot> {
  if (!UUID.test(campaignId)) {
    return {
      problem: `活动编号「${campaignId}」格式不正确：应为推介平台中活动页面地址里的编号（形如 0f8c…-…）。`,
    };
  }
  let runtime: Awaited<ReturnType<typeof openRuntime>>;
  try {
    runtime = await openRuntime();
  } catch (caught) {
    return {
      problem: `无法连接推介平台的数据库（${(caught as Error).message}）。请在平台所在的机器上运行，或设置 DATABASE_URL。`,
    };
  }
  try {
    const campaign = await runtime.db
      .selectFrom('campaigns')
      .select(['title', 'rules'])
      .where('id', '=', campaignId)
      .executeTakeFirst();
    if (!campaign) return { problem: `找不到编号为 ${campaignId} 的推介活动，请核对活动编号。` };
    const resolved = campaignSpec((campaign.rules as CampaignRules).materials, specName);
    return 'slot' in resolved ? { slot: resolved.slot, campaignTitle: campaign.title } : resolved;
  } finally {
    await runtime.close();
  }
}
