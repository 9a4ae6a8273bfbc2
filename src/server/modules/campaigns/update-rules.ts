import { diffRules } from '#core/campaign/diff.ts';
import { parseCampaignRules } from '#core/campaign/rules-schema.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError, staleVersion } from '#server/platform/errors.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { recordAudit } from '../audit/service.ts';
import { planDeadlineRuns } from './deadline-jobs.ts';
import { findCampaign } from './queries.ts';
import { campaignRules } from './rules.ts';
import { deadlineAt, touchCampaign, visibleCampaign } from './service.ts';

/**
 * Saves a new version of a campaign's rules. Shape errors refuse the save; business findings (a
 * minimum above its maximum, a missing deadline) are saved with the draft and block only opening.
 * What changed is kept with the version, and changes made after units started are shown to them.
 */
export async function updateCampaignRules(
  db: Db,
  actor: Actor,
  id: string,
  input: { rules: unknown; rulesVersion: number },
  jobs: Jobs,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const before = await visibleCampaign(trx, actor, id, true);
    // Permission first: one who may not edit is told so, not how their rules are malformed.
    campaignRules.authorize(actor, 'editRules', before);
    const parsed = parseCampaignRules(input.rules);
    if (!parsed.ok) {
      throw new AppError('VALIDATION_FAILED', `活动规则格式不正确：${parsed.findings[0]?.message ?? ''}`, {
        findings: parsed.findings,
      });
    }
    const blocking = parsed.findings.filter((f) => f.severity === 'error');
    if (before.rulesVersion !== input.rulesVersion) throw staleVersion();
    if (before.status !== 'draft' && blocking.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `活动已开放报送，规则须无错误才能保存：${blocking.map((f) => f.message).join('；')}`,
        { findings: blocking },
      );
    }
    const rules = parsed.rules;
    if (rules.year !== before.rules.year || rules.level !== before.rules.level) {
      throw new AppError('VALIDATION_FAILED', '活动的年度和级别创建后不能修改；如需其他年度，请复制为新活动');
    }
    const changes = diffRules(before.rules, rules);
    if (changes.length === 0) return { campaign: before, findings: parsed.findings, changes };
    const rulesVersion = before.rulesVersion + 1;
    const afterOpening = before.status !== 'draft';
    await trx
      .insertInto('campaignRuleVersions')
      .values({
        campaignId: id,
        rulesVersion,
        rules: JSON.stringify(rules),
        changes: JSON.stringify(changes),
        afterOpening,
        changedBy: actor.accountId,
        changedByName: actor.displayName,
      })
      .execute();
    const deadline = deadlineAt(rules);
    await touchCampaign(
      trx,
      id,
      {
        rules: JSON.stringify(rules),
        rulesVersion,
        title: rules.title,
        deadlineAt: deadline,
      },
      now,
    );
    const moved =
      deadline?.getTime() !== (before.deadlineAt ? new Date(before.deadlineAt).getTime() : undefined);
    if (moved && before.status === 'open') await planDeadlineRuns(trx, jobs, id, [deadline]);
    await recordAudit(trx, actor, {
      action: 'campaign.rules_changed',
      entityType: 'campaign',
      entityId: id,
      scopePath: before.organiserPath,
      before: { rulesVersion: before.rulesVersion },
      after: { rulesVersion, afterOpening, changes },
    });
    return { campaign: (await findCampaign(trx, id))!, findings: parsed.findings, changes };
  });
}
