/**
 * The one place an announcement's state is written (house rule 1): its creation (草稿) and every move of
 * core's table, guarded by announcementMove, written, audited and followed up in the caller's transaction.
 * Opening moves the campaign 评审中 → 公示中 with the campaign's own transition function (the only way a
 * campaign reaches 公示中); 重新公示 leaves its dated correction.
 */
import { sql } from 'kysely';
import { restartedText } from '#core/announcement/corrections.ts';
import { announcementMove } from '#core/announcement/moves.ts';
import { ANNOUNCEMENT_STATES, type AnnouncementState } from '#core/announcement/states.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Trx } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import { recordAudit } from '../audit/service.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { applyCampaignTransition } from '../campaigns/transition-campaign.ts';
import type { Period } from './period.ts';
import type { AnnouncementRow } from './queries.ts';

export interface NewAnnouncement {
  title: string;
  intro: string;
  objectionContact: object;
  issuer: string;
  workingDays: number;
  countStart: boolean;
}

export async function insertAnnouncement(
  trx: Trx,
  actor: Actor,
  campaign: CampaignRow,
  values: NewAnnouncement,
): Promise<AnnouncementRow> {
  const row = await trx
    .insertInto('announcements')
    .values({
      campaignId: campaign.id,
      organisationId: campaign.organiserId,
      year: campaign.year,
      state: 'draft',
      title: values.title,
      intro: values.intro,
      objectionContact: JSON.stringify(values.objectionContact),
      issuer: values.issuer,
      workingDays: values.workingDays,
      countStart: values.countStart,
      createdBy: actor.accountId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'announcement.created',
    entityType: 'announcement',
    entityId: row.id,
    scopePath: campaign.organiserPath,
    after: { title: row.title, campaignId: campaign.id },
  });
  return row;
}

export interface AnnouncementMoveInput {
  to: AnnouncementState;
  now: Date;
  /** 确认发布 and 重新公示: the period computed on the calendar for the chosen start day. */
  period?: Period;
  reason?: string;
  /** Opening moves the campaign; its transition function takes the job queue. */
  jobs: Jobs | null;
}

/**
 * Moves a locked announcement of a locked campaign. `actor` null is the platform (the tick); the campaign
 * row must be the caller's locked, current one.
 */
export async function applyAnnouncementTransition(
  trx: Trx,
  actor: Actor | null,
  announcement: AnnouncementRow,
  campaign: CampaignRow,
  input: AnnouncementMoveInput,
): Promise<AnnouncementRow> {
  const { to, now } = input;
  const from = announcement.state;
  const today = todayInShanghai(now);
  const startDay = input.period?.startDay ?? announcement.startDay;
  const endDay = input.period?.endDay ?? announcement.endDay;
  const move = announcementMove(from, to, {
    actor: actor ? 'organiser' : 'system',
    campaignState: campaign.status,
    today,
    startDay: to === 'scheduled' ? (input.period?.startDay ?? null) : startDay,
    endDay: to === 'scheduled' ? (input.period?.endDay ?? null) : endDay,
    reason: input.reason,
  });
  if (!move.ok) throw new AppError('ANNOUNCEMENT_MOVE_NOT_ALLOWED', move.message);
  const restart = move.transition.requiresReason;
  const row = await trx
    .updateTable('announcements')
    .set({
      state: to,
      version: sql<number>`version + 1`,
      updatedAt: now,
      ...(input.period && {
        startDay: input.period.startDay,
        endDay: input.period.endDay,
        workingDays: input.period.workingDays,
        countStart: input.period.countStart,
      }),
      ...(to === 'open' && { openedAt: now }),
      ...(to === 'closed' && { closedAt: now }),
      ...(restart && { openedAt: null, closedAt: null }),
    })
    .where('id', '=', announcement.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (to === 'open' && campaign.status === 'reviewing')
    await applyCampaignTransition(trx, actor, campaign, 'announcing', input.jobs, now);
  if (restart)
    await trx
      .insertInto('announcementCorrections')
      .values({
        announcementId: announcement.id,
        kind: 'restarted',
        day: today,
        text: restartedText(input.reason!, row.startDay!, row.endDay!),
        createdBy: actor?.accountId ?? null,
      })
      .execute();
  await recordAudit(trx, actor, {
    action: 'announcement.moved',
    entityType: 'announcement',
    entityId: announcement.id,
    scopePath: campaign.organiserPath,
    before: { state: from, startDay: announcement.startDay, endDay: announcement.endDay },
    after: {
      state: to,
      label: move.transition.label,
      stateLabel: ANNOUNCEMENT_STATES[to],
      startDay: row.startDay,
      endDay: row.endDay,
      reason: input.reason?.trim() || null,
    },
  });
  return row;
}
