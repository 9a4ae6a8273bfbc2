/**
 * The announcement as the organiser sees it: exactly the public page's content (title, text, period, the
 * list by category with specials marked, corrections), plus the moves the organiser may make now.
 */
import { SPECIAL_LABELS } from '#core/announcement/entries.ts';
import { announcementEditRefusal, announcementMove } from '#core/announcement/moves.ts';
import { ANNOUNCEMENT_STATES, announcementMovesFrom, CORRECTION_KINDS } from '#core/announcement/states.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { ObjectionContact } from '#core/contract/announcements.ts';
import type { Principal } from '#server/platform/auth/actor.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import type { Period } from './period.ts';
import type { AnnouncementRow, CorrectionRow, EntryRow } from './queries.ts';
import { announcementRules } from './rules.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function presentAnnouncement(
  actor: Principal,
  campaign: CampaignRow,
  a: AnnouncementRow,
  extra: { entries: EntryRow[]; corrections: CorrectionRow[]; period: Period | null; now: Date },
) {
  const manages = announcementRules.can(actor, 'manage', campaign);
  const today = todayInShanghai(extra.now);
  // A move is offered when the rule would let it through now; 确认发布 and 重新公示 take a day chosen then.
  const moves = manages
    ? announcementMovesFrom(a.state, 'organiser').filter((t) => {
        if (t.to === 'scheduled')
          return announcementMove(a.state, t.to, {
            actor: 'organiser',
            campaignState: campaign.status,
            today,
            startDay: today,
            endDay: today,
            reason: 'x',
          }).ok;
        return announcementMove(a.state, t.to, {
          actor: 'organiser',
          campaignState: campaign.status,
          today,
          startDay: a.startDay,
          endDay: a.endDay,
        }).ok;
      })
    : [];
  return {
    id: a.id,
    campaignId: a.campaignId,
    state: a.state,
    stateLabel: ANNOUNCEMENT_STATES[a.state],
    title: a.title,
    intro: a.intro,
    objectionContact: ObjectionContact.parse(a.objectionContact ?? {}),
    issuer: a.issuer,
    venue: campaign.rules.announcement.venue,
    period: extra.period,
    workingDays: a.workingDays,
    countStart: a.countStart,
    openedAt: iso(a.openedAt),
    closedAt: iso(a.closedAt),
    version: a.version,
    entries: extra.entries.map((e) => ({
      id: e.id,
      nominationId: e.nominationId,
      category: e.category,
      position: e.position,
      special: e.special,
      specialLabel: e.special ? SPECIAL_LABELS[e.category] : null,
      name: e.name,
      unit: e.unit,
      entity: e.entity,
      removedAt: iso(e.removedAt),
      removedReason: e.removedReason,
    })),
    corrections: extra.corrections.map((c) => ({
      id: c.id,
      kind: c.kind,
      kindLabel: CORRECTION_KINDS[c.kind],
      day: c.day,
      text: c.text,
    })),
    moves: moves.map((t) => ({ to: t.to, label: t.label, requiresReason: t.requiresReason })),
    editable: manages && announcementEditRefusal(a.state) === null,
  };
}
