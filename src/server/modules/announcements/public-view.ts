/**
 * What the public site may show of announcements (公示): only open or closed ones, only their public fields.
 * Entries never carry ID numbers, phones or addresses (the table holds none); objections are not read here.
 */
import {
  addDays,
  type CalendarDay,
  type CalendarSettings,
  createWorkCalendar,
} from '#core/calendar/index.ts';
import type { Category } from '#core/campaign/rules.ts';
import type { Db } from '#server/platform/db/database.ts';
import { calendarSettingsOf } from '../calendar/service.ts';

export type PublicAnnouncementState = 'open' | 'closed';

export interface PublicAnnouncementSummary {
  id: string;
  title: string;
  organisationId: string;
  organiserName: string;
  year: number;
  state: PublicAnnouncementState;
  issuer: string;
  startDay: string | null;
  endDay: string | null;
  /** When it went public (first opened); the feed dates it by this. */
  openedAt: Date | null;
  updatedAt: Date;
}

export interface PublicEntry {
  id: string;
  category: Category;
  position: number;
  special: boolean;
  name: string;
  unit: string;
  entity: string | null;
  removed: boolean;
}

export interface PublicCorrection {
  kind: 'entry_removed' | 'restarted';
  day: string;
  text: string;
}

/** How to object, as the organiser wrote it; every field optional. */
export interface ObjectionContact {
  department?: string;
  contact?: string;
  phone?: string;
  email?: string;
  address?: string;
  postcode?: string;
  note?: string;
}

export interface PublicAnnouncement extends PublicAnnouncementSummary {
  intro: string;
  objectionContact: ObjectionContact;
  workingDays: number;
  countStart: boolean;
  entries: PublicEntry[];
  corrections: PublicCorrection[];
  /** Every day of the period on the organiser's official calendar (holidays and 调休 included); empty if unknown. */
  periodDays: CalendarDay[];
}

const PUBLIC_STATES = ['open', 'closed'] as const;
const CONTACT_KEYS = ['department', 'contact', 'phone', 'email', 'address', 'postcode', 'note'] as const;

function summaries(db: Db) {
  return db
    .selectFrom('announcements as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisationId')
    .where('a.state', 'in', PUBLIC_STATES)
    .select([
      'a.id',
      'a.title',
      'a.organisationId',
      'o.name as organiserName',
      'a.year',
      'a.state',
      'a.issuer',
      'a.startDay',
      'a.endDay',
      'a.openedAt',
      'a.updatedAt',
    ]);
}

/** Every public announcement, newest year and start first (the site groups them). */
export async function listPublicAnnouncements(db: Db): Promise<PublicAnnouncementSummary[]> {
  const rows = await summaries(db)
    .orderBy('a.year', 'desc')
    .orderBy('a.startDay', 'desc')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...r, state: r.state as PublicAnnouncementState }));
}

function readContact(value: unknown): ObjectionContact {
  if (!value || typeof value !== 'object') return {};
  const out: ObjectionContact = {};
  for (const key of CONTACT_KEYS) {
    const v = (value as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.trim()) out[key] = v.trim();
  }
  return out;
}

/** One public announcement with its list, corrections and period days; undefined when not public. */
export async function getPublicAnnouncement(db: Db, id: string): Promise<PublicAnnouncement | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await summaries(db)
    .select(['a.intro', 'a.objectionContact', 'a.workingDays', 'a.countStart'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [entries, corrections, settings] = await Promise.all([
    db
      .selectFrom('announcementEntries')
      .select(['id', 'category', 'position', 'special', 'name', 'unit', 'entity', 'removedAt'])
      .where('announcementId', '=', id)
      .orderBy('category', 'desc')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('announcementCorrections')
      .select(['kind', 'day', 'text'])
      .where('announcementId', '=', id)
      .orderBy('day')
      .orderBy('createdAt')
      .execute(),
    calendarSettingsOf(db, row.organisationId),
  ]);
  const { objectionContact, ...rest } = row;
  return {
    ...rest,
    state: row.state as PublicAnnouncementState,
    objectionContact: readContact(objectionContact),
    entries: entries.map(({ removedAt, ...e }) => ({ ...e, removed: removedAt !== null })),
    corrections,
    periodDays: periodDays(settings, row.startDay, row.endDay),
  };
}

function periodDays(settings: CalendarSettings, start: string | null, end: string | null): CalendarDay[] {
  if (!start || !end || end < start) return [];
  const calendar = createWorkCalendar(settings);
  const days: CalendarDay[] = [];
  for (let d = start; d <= end && days.length < 120; d = addDays(d, 1)) {
    const described = calendar.describeDay(d);
    if (!described.ok) return [];
    days.push(described.day);
  }
  return days;
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
