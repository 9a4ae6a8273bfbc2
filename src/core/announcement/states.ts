/**
 * A 公示 of a campaign's 拟推介名单: the one state enum and the one transition table (house rule 1). The
 * organiser drafts it from the confirmed shortlist and sets its start day (待公示); it opens and closes by
 * itself on its days (Beijing time, the official calendar); 重新公示 sends an open or closed one back to
 * 待公示 with a new start day and a recorded reason. Only the announcement's own transition function
 * writes `state`.
 */
export const ANNOUNCEMENT_STATES = {
  draft: '草稿',
  scheduled: '待公示',
  open: '公示中',
  closed: '公示结束',
} as const;
export type AnnouncementState = keyof typeof ANNOUNCEMENT_STATES;

/** Who takes a move: the organiser, or the platform at the announced day. */
export type AnnouncementActor = 'organiser' | 'system';

export interface AnnouncementTransition {
  from: AnnouncementState;
  to: AnnouncementState;
  label: string;
  actors: readonly AnnouncementActor[];
  /** The organiser must say why (重新公示 after a change of the list). */
  requiresReason: boolean;
}

export const ANNOUNCEMENT_TRANSITIONS: readonly AnnouncementTransition[] = [
  { from: 'draft', to: 'scheduled', label: '确认发布', actors: ['organiser'], requiresReason: false },
  { from: 'scheduled', to: 'draft', label: '撤回修改', actors: ['organiser'], requiresReason: false },
  // The start day has come: opened by the platform, or by the organiser on the day itself.
  {
    from: 'scheduled',
    to: 'open',
    label: '开始公示',
    actors: ['organiser', 'system'],
    requiresReason: false,
  },
  { from: 'open', to: 'closed', label: '公示期满', actors: ['system'], requiresReason: false },
  { from: 'open', to: 'scheduled', label: '重新公示', actors: ['organiser'], requiresReason: true },
  { from: 'closed', to: 'scheduled', label: '重新公示', actors: ['organiser'], requiresReason: true },
];

export function isAnnouncementState(value: string): value is AnnouncementState {
  return Object.hasOwn(ANNOUNCEMENT_STATES, value);
}

export function findAnnouncementTransition(
  from: AnnouncementState,
  to: AnnouncementState,
  actor?: AnnouncementActor,
): AnnouncementTransition | undefined {
  return ANNOUNCEMENT_TRANSITIONS.find(
    (t) => t.from === from && t.to === to && (actor === undefined || t.actors.includes(actor)),
  );
}

export function announcementMovesFrom(
  from: AnnouncementState,
  actor: AnnouncementActor,
): AnnouncementTransition[] {
  return ANNOUNCEMENT_TRANSITIONS.filter((t) => t.from === from && t.actors.includes(actor));
}

/** Dated corrections a 公示 page shows: an entry taken off the list, the period restarted (重新公示). */
export const CORRECTION_KINDS = {
  entry_removed: '名单更正',
  restarted: '重新公示',
} as const;
export type CorrectionKind = keyof typeof CORRECTION_KINDS;
