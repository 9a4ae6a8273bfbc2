/**
 * The nominating unit asked to explain (调查核实): the handler sets a working-day deadline; the unit's
 * submitters are told, see the facts of the objection and the entry (never who objected) and answer with
 * text and files, once, while the objection is still being looked into.
 */
import { formatChineseDate } from '#core/calendar/format.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { isOverdue, workingDaysAfter } from '#core/objection/deadlines.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError, forbidden, notFound } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { notify } from '../notifications/notify.ts';
import { dueOrThrow, organiserCalendar } from './calendar.ts';
import { presentFile } from './presenter.ts';
import {
  addEvent,
  findObjection,
  listObjectionsOfUnit,
  type ObjectionRow,
  objectionEvents,
  objectionFiles,
  organiserAdmins,
  unitSubmitters,
} from './queries.ts';
import { objectionRules } from './rules.ts';
import { type IncomingFile, recordFiles, removeStored, storeFiles } from './store-files.ts';
import { subjectOf } from './subject.ts';

export async function requestExplanation(
  db: Db,
  actor: Actor,
  id: string,
  input: { workingDays: number; question: string },
  now: Date,
) {
  await db.transaction().execute(async (trx) => {
    const row = await findObjection(trx, id, true);
    if (!row || !objectionRules.can(actor, 'handle', subjectOf(row))) throw notFound('异议');
    if (row.state !== 'investigating')
      throw new AppError('OBJECTION_MOVE_NOT_ALLOWED', '受理异议后、作出结论前，才能要求报送单位说明情况。');
    const calendar = await organiserCalendar(trx, row.organiserId);
    const due = dueOrThrow(workingDaysAfter(calendar, todayInShanghai(now), input.workingDays));
    await trx
      .updateTable('objections')
      .set({
        explanationRequestedAt: now,
        explanationDue: due,
        explanation: null,
        explainedAt: null,
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    await addEvent(trx, {
      objectionId: id,
      kind: 'explanation_requested',
      label: `要求报送单位于${formatChineseDate(due)}前说明情况`,
      note: input.question,
      actor,
      at: now,
    });
    await notify(trx, await unitSubmitters(trx, row.unitId), {
      kind: 'explanation_requested',
      title: `请就「${row.entryName}」的异议说明情况`,
      body: `请于${formatChineseDate(due)}前提交情况说明及相关材料。`,
      link: '/objection-explanations',
    });
    await recordAudit(trx, actor, {
      action: 'objection.explanation_requested',
      entityType: 'objection',
      entityId: id,
      scopePath: row.organiserPath,
      after: { receipt: row.receipt, due },
    });
  });
}

async function present(db: Db, actor: Actor, row: ObjectionRow, now: Date) {
  const [events, files] = await Promise.all([objectionEvents(db, row.id), objectionFiles(db, row.id)]);
  const request = events.filter((e) => e.kind === 'explanation_requested').at(-1);
  return {
    objectionId: row.id,
    campaignId: row.campaignId,
    announcementTitle: row.announcementTitle,
    entryName: row.entryName,
    facts: row.facts,
    question: request?.note ?? '',
    due: row.explanationDue,
    overdue: isOverdue(row.explanationDue, todayInShanghai(now), row.explainedAt !== null),
    explanation: row.explanation,
    explainedAt: row.explainedAt?.toISOString() ?? null,
    files: files.filter((f) => f.stage === 'explanation').map(presentFile),
    mayAnswer: objectionRules.can(actor, 'explain', subjectOf(row)) && row.explainedAt === null,
  };
}

/** The requests to explain that reached the caller's unit. */
export async function listExplanationRequests(db: Db, actor: Actor, now: Date) {
  const rows = await listObjectionsOfUnit(db, actor.organisationId);
  const mine = rows.filter((r) => objectionRules.can(actor, 'viewAsUnit', subjectOf(r)));
  return { items: await Promise.all(mine.map((r) => present(db, actor, r, now))) };
}

export async function answerObjectionExplanation(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  id: string,
  input: { explanation: string; files: IncomingFile[] },
  now: Date,
) {
  const row = await findObjection(db, id);
  if (!row || !objectionRules.can(actor, 'viewAsUnit', subjectOf(row))) throw notFound('异议');
  if (!objectionRules.can(actor, 'explain', subjectOf(row)) || row.explainedAt)
    throw forbidden('组织单位没有要求本单位说明这条异议，或已提交过说明。');
  const explanation = input.explanation.trim();
  if (explanation.length < 10) throw new AppError('VALIDATION_FAILED', '请写明情况说明（至少 10 个字）。');
  const stored = await storeFiles(storage, `objections/${row.announcementId}/${row.receipt}`, input.files);
  try {
    await db.transaction().execute(async (trx) => {
      const locked = await findObjection(trx, id, true);
      if (!locked || locked.explainedAt || !objectionRules.can(actor, 'explain', subjectOf(locked)))
        throw forbidden('这条异议的情况说明已提交或已不需要。');
      await trx
        .updateTable('objections')
        .set({ explanation, explainedAt: now, updatedAt: now })
        .where('id', '=', id)
        .execute();
      await recordFiles(trx, id, 'explanation', stored, actor.accountId);
      await addEvent(trx, {
        objectionId: id,
        kind: 'explanation_received',
        label: '报送单位提交情况说明',
        note: explanation,
        actor,
        at: now,
      });
      await notify(trx, await organiserAdmins(trx, row.organiserId), {
        kind: 'objection_received',
        title: `报送单位已就「${row.entryName}」的异议提交情况说明`,
        link: `/campaigns/${row.campaignId}?tab=objections&objection=${id}`,
      });
      await recordAudit(trx, actor, {
        action: 'objection.explained',
        entityType: 'objection',
        entityId: id,
        scopePath: row.organiserPath,
        after: { receipt: row.receipt, files: stored.length },
      });
    });
  } catch (error) {
    await removeStored(storage, stored);
    throw error;
  }
  return present(db, actor, (await findObjection(db, id))!, now);
}
