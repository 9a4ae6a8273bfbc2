import { formatBeijingDateTime } from '#core/calendar/beijing-time.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { isOverdue } from '#core/objection/deadlines.ts';
import { allowedObjectionMoves } from '#core/objection/moves.ts';
import { OBJECTION_EVENT_KINDS, OBJECTION_STATES, OBJECTOR_KINDS } from '#core/objection/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { ObjectionRow, objectionEvents, objectionFiles } from './queries.ts';
import { objectionRules } from './rules.ts';
import { moveContextOf, subjectOf } from './subject.ts';

export const FILE_STAGES = {
  evidence: '异议人提交的材料',
  investigation: '调查核实材料',
  explanation: '报送单位说明材料',
} as const;

/** Which steps are late today, in words: a step counts as done once the objection has moved past it. */
export function overdueSteps(row: ObjectionRow, today: string): string[] {
  const late: string[] = [];
  if (isOverdue(row.acceptDue, today, row.state !== 'received')) late.push('受理已逾期');
  const concluded = !['received', 'investigating', 'upheld_proposed'].includes(row.state);
  if (isOverdue(row.concludeDue, today, concluded)) late.push('结论已逾期');
  if (isOverdue(row.replyDue, today, row.state === 'replied')) late.push('答复已逾期');
  if (row.explanationDue && isOverdue(row.explanationDue, today, row.explainedAt !== null))
    late.push('报送单位说明已逾期');
  return late;
}

export function presentListItem(row: ObjectionRow, now: Date) {
  return {
    id: row.id,
    receipt: row.receipt,
    state: row.state,
    stateLabel: OBJECTION_STATES[row.state],
    objectorKindLabel: OBJECTOR_KINDS[row.objectorKind],
    entryName: row.entryName,
    entryUnit: row.entryUnit,
    entryRemoved: row.entryRemovedAt !== null,
    submittedAt: formatBeijingDateTime(row.submittedAt),
    dues: {
      accept: row.acceptDue,
      conclude: row.concludeDue,
      reply: row.replyDue,
      explanation: row.explanationDue,
    },
    overdue: overdueSteps(row, todayInShanghai(now)),
  };
}

export function presentFile(f: Awaited<ReturnType<typeof objectionFiles>>[number]) {
  return {
    id: f.id,
    stage: f.stage,
    stageLabel: FILE_STAGES[f.stage],
    fileName: f.fileName,
    contentType: f.contentType,
    bytes: Number(f.bytes),
  };
}

export function presentDetail(
  actor: Actor,
  row: ObjectionRow,
  events: Awaited<ReturnType<typeof objectionEvents>>,
  files: Awaited<ReturnType<typeof objectionFiles>>,
  now: Date,
) {
  const subject = subjectOf(row);
  const handles = objectionRules.can(actor, 'handle', subject);
  const open = ['received', 'investigating', 'upheld_proposed'].includes(row.state);
  return {
    ...presentListItem(row, now),
    campaignId: row.campaignId,
    announcementTitle: row.announcementTitle,
    facts: row.facts,
    conclusionReason: row.conclusionReason,
    proposedByName: row.proposedByName,
    reply: row.reply,
    explanation: row.explanation,
    explanationRequestedAt: row.explanationRequestedAt
      ? formatBeijingDateTime(row.explanationRequestedAt)
      : null,
    explainedAt: row.explainedAt ? formatBeijingDateTime(row.explainedAt) : null,
    events: events.map((e) => ({
      kind: e.kind,
      kindLabel: OBJECTION_EVENT_KINDS[e.kind],
      label: e.label,
      note: e.note,
      actorName: e.actorName,
      at: formatBeijingDateTime(e.createdAt),
    })),
    files: files.map(presentFile),
    moves: allowedObjectionMoves(row.state, moveContextOf(actor, row)).map((t) => ({
      to: t.to,
      label: t.label,
      requiresReason: t.requiresReason,
      secondSignature: t.secondSignature,
    })),
    actions: [
      ...(objectionRules.can(actor, 'seeIdentity', subject) ? (['seeIdentity'] as const) : []),
      ...(handles && row.state !== 'replied' ? (['note'] as const) : []),
      ...(handles && row.state === 'investigating' ? (['requestExplanation'] as const) : []),
    ].filter((a) => a !== 'requestExplanation' || open),
    version: row.version,
  };
}
