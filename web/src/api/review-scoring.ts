/**
 * Expert review, the expert's and the chair's calls: my rounds, one review (read, save as draft, submit,
 * take back), declaring a conflict (回避), the printable 评审表, the ranking and the shortlist the chair
 * proposes and the organiser confirms. Shapes come from the contract; only the 评审表's is proposed here.
 */
import { useQuery } from '@tanstack/react-query';
import type { Category } from '#core/campaign/rules.ts';
import { CATEGORY_INFO } from '#core/campaign/templates/common.ts';
import type {
  MyReviews,
  ProposeShortlistInput,
  RankingResponse,
  ReviewResponse,
  SaveReviewInput,
  ScoreSheetResponse,
  ShortlistProposal,
} from '#core/contract/review-scoring.ts';
import type { Finding } from '#core/findings.ts';
import type { RankingMethod } from '#core/review/ranking.ts';
import { api, send, withQuery } from './client.ts';
import { saveBlob } from './imports.ts';

export type {
  MyReviews,
  ProposeShortlistInput,
  RankingResponse,
  ReviewResponse,
  SaveReviewInput,
  ShortlistProposal,
} from '#core/contract/review-scoring.ts';
export type MyRound = MyReviews['rounds'][number];
export type MyReviewItem = MyRound['items'][number];
export type ReviewDraft = ReviewResponse['review'];
export type ReviewFile = ReviewResponse['files'][number];
export type RankingRow = RankingResponse['rows'][number];

export const CATEGORY_LABELS: Record<Category, string> = {
  star: CATEGORY_INFO.star.label,
  project: CATEGORY_INFO.project.label,
};

/** The printable 评审表 of one expert in one round (GET /api/reviews/:roundId/sheet). */
export type ReviewSheetResponse = ScoreSheetResponse;

export interface SaveReviewResult {
  review: ReviewDraft;
  findings: Finding[];
}

export const REVIEWS_KEY = ['reviews'] as const;
export const myReviewsKey = [...REVIEWS_KEY, 'mine'] as const;
export const reviewKey = (roundId: string, nominationId: string) =>
  [...REVIEWS_KEY, 'detail', roundId, nominationId] as const;
export const reviewSheetKey = (roundId: string) => [...REVIEWS_KEY, 'sheet', roundId] as const;
export const RANKING_KEY = ['ranking'] as const;
export const rankingKey = (campaignId: string, roundId: string, category: string, method: string) =>
  [...RANKING_KEY, campaignId, roundId, category, method] as const;
export const shortlistKey = (campaignId: string) => [...RANKING_KEY, 'shortlist', campaignId] as const;

const e = encodeURIComponent;
const reviewPath = (roundId: string, nominationId: string, rest = '') =>
  `/api/reviews/${e(roundId)}/${e(nominationId)}${rest}`;
const campaignReview = (campaignId: string, rest: string) => `/api/campaigns/${e(campaignId)}/review${rest}`;

export function useMyReviews() {
  return useQuery({ queryKey: myReviewsKey, queryFn: () => api<MyReviews>('/api/reviews') });
}

export function getReview(roundId: string, nominationId: string): Promise<ReviewResponse> {
  return api<ReviewResponse>(reviewPath(roundId, nominationId));
}

export function useReview(roundId: string, nominationId: string) {
  return useQuery({
    queryKey: reviewKey(roundId, nominationId),
    queryFn: () => getReview(roundId, nominationId),
    // The expert's own edits live on the page; a refetch on focus would only fight them.
    refetchOnWindowFocus: false,
  });
}

/** A review never saved has version 0 and sends none: the first save creates it. */
const versionOf = (version: number | undefined) => (version && version > 0 ? version : undefined);

export function saveReview(roundId: string, nominationId: string, body: SaveReviewInput) {
  return api<SaveReviewResult>(reviewPath(roundId, nominationId), {
    method: 'PUT',
    body: { ...body, version: versionOf(body.version) },
  });
}

export function submitReview(roundId: string, nominationId: string, version: number) {
  return api<SaveReviewResult>(reviewPath(roundId, nominationId, '/submit'), {
    method: 'POST',
    body: { version: versionOf(version) },
  });
}

export function reopenReview(roundId: string, nominationId: string, version: number) {
  return api<SaveReviewResult>(reviewPath(roundId, nominationId, '/reopen'), {
    method: 'POST',
    body: { version: versionOf(version) },
  });
}

export function declareConflict(campaignId: string, nominationId: string, reason: string) {
  return api<unknown>(campaignReview(campaignId, '/declarations'), {
    method: 'POST',
    body: { nominationId, reason },
  });
}

export function useReviewSheet(roundId: string) {
  return useQuery({
    queryKey: reviewSheetKey(roundId),
    queryFn: () => api<ReviewSheetResponse>(`/api/reviews/${e(roundId)}/sheet`),
  });
}

export function useRanking(
  campaignId: string,
  query: { roundId?: string; category: Category; method: RankingMethod },
) {
  return useQuery({
    queryKey: rankingKey(campaignId, query.roundId ?? '', query.category, query.method),
    queryFn: () => api<RankingResponse>(withQuery(campaignReview(campaignId, '/ranking'), query)),
    placeholderData: (previous) => previous,
  });
}

export function useShortlistProposals(campaignId: string) {
  return useQuery({
    queryKey: shortlistKey(campaignId),
    queryFn: () => api<{ items: ShortlistProposal[] }>(campaignReview(campaignId, '/shortlist')),
  });
}

export function proposeShortlist(campaignId: string, body: ProposeShortlistInput) {
  return api<ShortlistProposal>(campaignReview(campaignId, '/shortlist'), { method: 'POST', body });
}

export function confirmShortlist(campaignId: string, proposalId: string) {
  return api<ShortlistProposal>(campaignReview(campaignId, `/shortlist/${e(proposalId)}/confirm`), {
    method: 'POST',
  });
}

/** The file name the server gives (Content-Disposition), or the one the page proposes. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return fallback;
}

export async function downloadShortlistDocx(campaignId: string, proposalId: string) {
  const response = await send(campaignReview(campaignId, `/shortlist/${e(proposalId)}.docx`));
  saveBlob(await response.blob(), fileNameOf(response, '拟推介名单.docx'));
}

export async function downloadRankingXlsx(campaignId: string, roundId: string) {
  const response = await send(campaignReview(campaignId, `/rounds/${e(roundId)}/ranking.xlsx`));
  saveBlob(await response.blob(), fileNameOf(response, '评审排名.xlsx'));
}
