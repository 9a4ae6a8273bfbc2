/**
 * Expert review, the organiser's side (专家库, 回避, 评审轮次, 分配) and the unit's 申请回避. Shapes come
 * from the contract the server routes validate against; the server answers every refusal in Chinese.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssignBody,
  AssignmentsResponse,
  CheckExpertBody,
  CheckExpertResponse,
  ConflictsResponse,
  DismissConflictBody,
  ExclusionsBody,
  ExclusionsResponse,
  ExpertCandidatesResponse,
  ExpertFactsBody,
  ImportExpertsResponse,
  InviteExpertInput,
  InviteExpertResponse,
  PoolExpert,
  ReviewRound,
  ReviewRoundResponse,
  ReviewSetup,
  RoundInput,
} from '#core/contract/review-setup.ts';
import type { RoundState } from '#core/review/round-states.ts';
import { ApiError, api, send, withQuery } from './client.ts';
import { saveBlob } from './imports.ts';
import { fileNameOf } from './nominations.ts';

export type {
  AssignmentsResponse,
  ConflictPair,
  ExclusionsResponse,
  InviteExpertInput,
  PoolExpert,
  ReviewRound,
  ReviewSetup,
  RoundInput,
} from '#core/contract/review-setup.ts';

export type ExpertFacts = z.input<typeof ExpertFactsBody>;
export type CheckExpertInput = z.input<typeof CheckExpertBody>;
export type CheckResult = z.infer<typeof CheckExpertResponse>;
export type ExpertCandidate = z.infer<typeof ExpertCandidatesResponse>['items'][number];
export type ImportExpertsResult = z.infer<typeof ImportExpertsResponse>;
export type DismissInput = z.input<typeof DismissConflictBody>;
export type ExclusionRequest = z.input<typeof ExclusionsBody>['requests'][number];
export type AssignInput = z.input<typeof AssignBody>;
export type AssignmentRow = AssignmentsResponse['nominations'][number];
export type ExpertLoadRow = AssignmentsResponse['experts'][number];

/** Inviting answers the pool entry and, for a new account, its one-time password (shown once). */
export type InviteResult = z.infer<typeof InviteExpertResponse>;
/** Accounts an import created, each with its one-time password. */
export type ImportedAccount = z.infer<typeof ImportExpertsResponse>['accounts'][number];
type RoundAnswer = z.infer<typeof ReviewRoundResponse>;

export const REVIEW_KEY = ['review-setup'] as const;
export const reviewKey = (campaignId: string) => [...REVIEW_KEY, campaignId] as const;

const base = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}/review`;
const roundPath = (campaignId: string, roundId: string) =>
  `${base(campaignId)}/rounds/${encodeURIComponent(roundId)}`;

export function getReviewSetup(campaignId: string): Promise<ReviewSetup> {
  return api<ReviewSetup>(base(campaignId));
}

export function useReviewSetup(campaignId: string) {
  return useQuery({ queryKey: reviewKey(campaignId), queryFn: () => getReviewSetup(campaignId) });
}

export async function searchCandidates(campaignId: string, q: string): Promise<ExpertCandidate[]> {
  const answer = await api<{ items: ExpertCandidate[] }>(withQuery(`${base(campaignId)}/candidates`, { q }));
  return answer.items;
}

export function inviteExpert(campaignId: string, body: InviteExpertInput): Promise<InviteResult> {
  return api<InviteResult>(`${base(campaignId)}/experts`, { method: 'POST', body });
}

export function updateExpert(
  campaignId: string,
  expert: Pick<PoolExpert, 'expertId' | 'version'>,
  facts: ExpertFacts,
): Promise<unknown> {
  return api(`${base(campaignId)}/experts/${encodeURIComponent(expert.expertId)}`, {
    method: 'PATCH',
    body: { ...facts, version: expert.version },
  });
}

export async function removeExpert(campaignId: string, expertId: string): Promise<void> {
  await api(`${base(campaignId)}/experts/${encodeURIComponent(expertId)}`, { method: 'DELETE' });
}

export function checkExpert(campaignId: string, body: CheckExpertInput): Promise<CheckResult> {
  return api<CheckResult>(`${base(campaignId)}/experts/check`, { method: 'POST', body });
}

export async function downloadExpertTemplate(campaignId: string): Promise<void> {
  const response = await send(`${base(campaignId)}/experts/import/template`);
  saveBlob(await response.blob(), fileNameOf(response, '评审专家导入模板.xlsx'));
}

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export type ExpertImportOutcome =
  | { ok: true; result: ImportExpertsResult }
  | { ok: false; message: string; errors: ImportRowError[] };

function rowErrorsOf(findings: ImportExpertsResult['findings']): ImportRowError[] {
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ row: f.row ?? 0, column: f.field, message: f.message }));
}

/** All or nothing on the server: a bad row comes back by row number, as the other imports do. */
export async function importExperts(campaignId: string, file: File): Promise<ExpertImportOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    const result = await api<ImportExpertsResult>(`${base(campaignId)}/experts/import`, {
      method: 'POST',
      body: form,
    });
    const errors = rowErrorsOf(result.findings);
    if (errors.length > 0 && result.imported === 0) return { ok: false, message: '导入文件有错误', errors };
    return { ok: true, result };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 422 || error.code === 'SPREADSHEET_TOO_LARGE')) {
      const details = error.details as
        | { errors?: ImportRowError[]; findings?: ImportExpertsResult['findings'] }
        | undefined;
      const errors = details?.errors ?? rowErrorsOf(details?.findings ?? []);
      return { ok: false, message: error.message, errors };
    }
    throw error;
  }
}

export function listConflicts(campaignId: string): Promise<z.infer<typeof ConflictsResponse>> {
  return api(`${base(campaignId)}/conflicts`);
}

export function useConflicts(campaignId: string) {
  return useQuery({
    queryKey: [...reviewKey(campaignId), 'conflicts'],
    queryFn: () => listConflicts(campaignId),
  });
}

export async function dismissConflict(campaignId: string, body: DismissInput): Promise<void> {
  await api(`${base(campaignId)}/conflicts/dismiss`, { method: 'POST', body });
}

export async function createRound(campaignId: string, body: RoundInput): Promise<ReviewRound> {
  return (await api<RoundAnswer>(`${base(campaignId)}/rounds`, { method: 'POST', body })).round;
}

export async function updateRound(
  campaignId: string,
  round: ReviewRound,
  body: RoundInput,
): Promise<ReviewRound> {
  const answer = await api<RoundAnswer>(roundPath(campaignId, round.id), {
    method: 'PATCH',
    body: { ...body, version: round.version },
  });
  return answer.round;
}

export async function moveRound(
  campaignId: string,
  round: ReviewRound,
  to: RoundState,
): Promise<ReviewRound> {
  const answer = await api<RoundAnswer>(`${roundPath(campaignId, round.id)}/move`, {
    method: 'POST',
    body: { to, version: round.version },
  });
  return answer.round;
}

export function assignRound(
  campaignId: string,
  roundId: string,
  body: AssignInput,
): Promise<AssignmentsResponse> {
  return api<AssignmentsResponse>(`${roundPath(campaignId, roundId)}/assign`, { method: 'POST', body });
}

export const assignmentsKey = (campaignId: string, roundId: string) =>
  [...reviewKey(campaignId), 'assignments', roundId] as const;

export function getAssignments(campaignId: string, roundId: string): Promise<AssignmentsResponse> {
  return api<AssignmentsResponse>(`${roundPath(campaignId, roundId)}/assignments`);
}

export function useAssignments(campaignId: string, roundId: string | undefined) {
  return useQuery({
    queryKey: assignmentsKey(campaignId, roundId ?? ''),
    queryFn: () => getAssignments(campaignId, roundId ?? ''),
    enabled: Boolean(roundId),
  });
}

export async function changeAssignment(
  campaignId: string,
  roundId: string,
  pair: { nominationId: string; expertId: string },
  action: 'add' | 'remove',
): Promise<void> {
  await api(`${roundPath(campaignId, roundId)}/assignments`, {
    method: action === 'add' ? 'POST' : 'DELETE',
    body: pair,
  });
}

export async function downloadScoreSheets(
  campaignId: string,
  round: ReviewRound,
  expertId?: string,
): Promise<void> {
  const response = await send(
    withQuery(`${roundPath(campaignId, round.id)}/score-sheets.xlsx`, { expertId }),
  );
  saveBlob(await response.blob(), fileNameOf(response, `${round.name}评分表.xlsx`));
}

export async function downloadRanking(campaignId: string, round: ReviewRound): Promise<void> {
  const response = await send(`${roundPath(campaignId, round.id)}/ranking.xlsx`);
  saveBlob(await response.blob(), fileNameOf(response, `${round.name}排名.xlsx`));
}

/* The unit's side: its requests that named experts stay away from one nomination. */

const exclusionsPath = (nominationId: string) =>
  `/api/nominations/${encodeURIComponent(nominationId)}/review-exclusions`;
export const exclusionsKey = (nominationId: string) => ['review-exclusions', nominationId] as const;

export function useExclusions(nominationId: string, enabled: boolean) {
  return useQuery({
    queryKey: exclusionsKey(nominationId),
    queryFn: () => api<ExclusionsResponse>(exclusionsPath(nominationId)),
    enabled,
    retry: false,
  });
}

export function saveExclusions(
  nominationId: string,
  requests: ExclusionRequest[],
): Promise<ExclusionsResponse> {
  return api<ExclusionsResponse>(exclusionsPath(nominationId), { method: 'PUT', body: { requests } });
}
