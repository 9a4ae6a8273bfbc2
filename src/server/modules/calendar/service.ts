import {
  type CalendarSettings,
  checkCalendarSettings,
  createWorkCalendar,
  type OverrideKind,
} from '#core/calendar/index.ts';
import type { Finding } from '#core/findings.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, forbidden, notFound } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { listConfirmedYears, listOverrides } from './queries.ts';
import { canManageCalendar } from './rules.ts';

/** The official schedule plus one organisation's own adjustments and confirmed years. */
export async function calendarSettingsOf(db: Db | Trx, organisationId: string): Promise<CalendarSettings> {
  const [overrides, confirmedYears] = await Promise.all([
    listOverrides(db, organisationId),
    listConfirmedYears(db, organisationId),
  ]);
  return {
    overrides: overrides.map((o) => ({ date: o.date, kind: o.kind })),
    confirmedYears,
  };
}

/** Turns a calendar's refusal into the error the client shows, keeping every finding. */
export function calendarError(findings: Finding[]): AppError {
  const first = findings[0];
  const code = first?.code === 'CALENDAR_YEAR_UNKNOWN' ? 'CALENDAR_YEAR_UNKNOWN' : 'DATE_INVALID';
  return new AppError(code, findings.map((f) => f.message).join('；'), { findings });
}

export async function getCalendarYear(db: Db, actor: Actor, year: number) {
  if (!canManageCalendar(actor)) throw forbidden();
  const settings = await calendarSettingsOf(db, actor.organisationId);
  return {
    year,
    status: createWorkCalendar(settings).yearStatus(year),
    confirmedYears: [...(settings.confirmedYears ?? [])],
    overrides: await listOverrides(db, actor.organisationId, year),
  };
}

export async function workingPeriod(
  db: Db,
  organisationId: string,
  from: string,
  workdays: number,
  countStart: boolean,
) {
  const calendar = createWorkCalendar(await calendarSettingsOf(db, organisationId));
  const result = calendar.addWorkingDays(from, workdays, { countStart });
  if (!result.ok) throw calendarError(result.findings);
  return { from, workdays, countStart, end: result.date };
}

export async function addOverride(
  db: Db,
  actor: Actor,
  input: { date: string; kind: OverrideKind; note: string },
) {
  if (!canManageCalendar(actor)) throw forbidden();
  const problems = checkCalendarSettings({ overrides: [input] });
  if (problems.length > 0) throw calendarError(problems);
  return db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('calendarOverrides')
      .select('kind')
      .where('organisationId', '=', actor.organisationId)
      .where('date', '=', input.date)
      .executeTakeFirst();
    if (clash) throw new AppError('CALENDAR_OVERRIDE_EXISTS', `${input.date} 已有一条调整，请先删除它`);
    const row = await trx
      .insertInto('calendarOverrides')
      .values({
        organisationId: actor.organisationId,
        date: input.date,
        kind: input.kind,
        note: input.note,
        createdBy: actor.accountId,
      })
      .returning(['id', 'date', 'kind', 'note'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'calendar.override_added',
      entityType: 'calendar',
      entityId: row.id,
      scopePath: actor.organisationPath,
      after: input,
    });
    return { ...row, kind: input.kind, createdBy: actor.displayName };
  });
}

export async function removeOverride(db: Db, actor: Actor, id: string) {
  if (!canManageCalendar(actor)) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('calendarOverrides')
      .where('id', '=', id)
      .where('organisationId', '=', actor.organisationId)
      .returning(['date', 'kind', 'note'])
      .executeTakeFirst();
    if (!row) throw notFound('日历调整');
    await recordAudit(trx, actor, {
      action: 'calendar.override_removed',
      entityType: 'calendar',
      entityId: id,
      scopePath: actor.organisationPath,
      before: row,
    });
  });
}

export async function setYearConfirmed(db: Db, actor: Actor, year: number, confirmed: boolean) {
  if (!canManageCalendar(actor)) throw forbidden();
  const problems = checkCalendarSettings({ confirmedYears: [year] });
  if (problems.length > 0) throw calendarError(problems);
  await db.transaction().execute(async (trx) => {
    if (confirmed) {
      await trx
        .insertInto('calendarConfirmedYears')
        .values({ organisationId: actor.organisationId, year, confirmedBy: actor.accountId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await trx
        .deleteFrom('calendarConfirmedYears')
        .where('organisationId', '=', actor.organisationId)
        .where('year', '=', year)
        .execute();
    }
    await recordAudit(trx, actor, {
      action: confirmed ? 'calendar.year_confirmed' : 'calendar.year_unconfirmed',
      entityType: 'calendar',
      entityId: String(year),
      scopePath: actor.organisationPath,
      after: { year, confirmed },
    });
  });
}
