/**
 * The organiser's tables as XLSX: quota use (from the nominations module's live dashboard), findings
 * still open on nominations in play, and the result list once the round has selected. Organisers
 * only: each table spans every unit. Exports are audited like the other documents.
 */
import { printable, safeFileName } from '#core/documents/index.ts';
import {
  findingsTable,
  type OfficialTable,
  quotaTable,
  resultTable,
} from '#core/documents/organiser-tables.ts';
import { remarkFor } from '#core/nomination/registration-table.ts';
import { NOMINATION_STATES } from '#core/nomination/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { renderTablesXlsx } from '#server/platform/documents/render-table-xlsx.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { quotaDashboard } from '../nominations/quota-dashboard.ts';
import { isOrganiserOf } from '../nominations/rules.ts';
import { listVisibleNominations } from '../nominations/service.ts';
import { nominationFindings } from '../nominations/submission-checks.ts';
import { printedForm } from './nomination-documents.ts';
import type { DocumentFile } from './service.ts';

export const ORGANISER_TABLES = ['quota', 'findings', 'results'] as const;
export type OrganiserTable = (typeof ORGANISER_TABLES)[number];

/**
 * Nominations someone still has to act on: the unit (returned) or the organiser (submitted). Of drafts
 * the organiser sees only those a unit asked it to look at (the rest are counts in the quota table).
 */
const IN_PLAY = new Set(['draft', 'returned', 'submitted', 'accepted']);
const RESULT = new Set(['selected', 'forwarded']);

async function organiserCampaign(db: Db, actor: Actor, campaignId: string) {
  const campaign = await visibleCampaign(db, actor, campaignId);
  if (!isOrganiserOf(actor, campaign)) throw forbidden('只有本活动的组织单位可以导出汇总表。');
  return campaign;
}

async function buildTable(db: Db, actor: Actor, campaignId: string, table: OrganiserTable, now: Date) {
  const campaign = await organiserCampaign(db, actor, campaignId);
  const rules = campaign.rules;
  if (table === 'quota')
    return { campaign, table: quotaTable(await quotaDashboard(db, actor, campaignId), rules) };
  const rows = await listVisibleNominations(db, actor, campaign, { campaignId });
  if (table === 'findings') {
    const items = [];
    for (const n of rows.filter((r) => IN_PLAY.has(r.state))) {
      const findings = await nominationFindings(db, n, campaign, { duplicates: false, reader: null, now });
      if (findings.length === 0) continue;
      items.push({
        unitName: n.unitName,
        category: n.category,
        rank: n.rank,
        title: n.title || '（未填写名称）',
        stateLabel: NOMINATION_STATES[n.state],
        findings,
      });
    }
    return { campaign, table: findingsTable(items, rules) };
  }
  const selected = rows.filter((n) => RESULT.has(n.state));
  if (selected.length === 0) {
    throw new AppError('NO_SELECTED_NOMINATIONS', '本活动尚无入选名单：活动审定、推介列为“入选”后才能导出。');
  }
  const entries = selected.map((n) => {
    const category = n.category;
    const form = printedForm(n);
    return {
      category,
      title: n.title,
      entity: printable(category === 'star' ? form.workUnit : form.entityName),
      unitName: n.unitName,
      remark: remarkFor(n, category, rules),
    };
  });
  return { campaign, table: resultTable(entries, rules) };
}

export async function organiserTable(
  db: Db,
  actor: Actor,
  campaignId: string,
  which: OrganiserTable,
  now: Date,
): Promise<DocumentFile> {
  const { campaign, table } = await buildTable(db, actor, campaignId, which, now);
  const body = await renderTablesXlsx([table] as OfficialTable[]);
  await recordAudit(db, actor, {
    action: 'document.downloaded',
    entityType: 'campaign',
    entityId: campaign.id,
    scopePath: actor.organisationPath,
    after: { document: `table.${which}`, rows: table.rows.length },
  });
  return { fileName: safeFileName(table.title, 'xlsx'), body };
}
