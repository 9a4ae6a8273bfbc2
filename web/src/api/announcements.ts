/** 公示 of a campaign's 拟推介名单 (the organiser's side), and the preview of a campaign move. */
import { useQuery } from '@tanstack/react-query';
import type { CampaignState } from '#core/campaign/states.ts';
import type {
  AnnouncementPeriodView,
  AnnouncementTextUpdate,
  AnnouncementView,
  CampaignMovePreview,
  MaybeAnnouncement,
} from '#core/contract/announcements.ts';
import { api, withQuery } from './client.ts';

export type {
  AnnouncementEntryView,
  AnnouncementPeriodView,
  AnnouncementView,
  ObjectionContact,
} from '#core/contract/announcements.ts';

export const announcementKey = (campaignId: string) => ['announcement', campaignId] as const;
const base = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}/announcement`;

export function useAnnouncement(campaignId: string) {
  return useQuery({
    queryKey: announcementKey(campaignId),
    queryFn: () => api<MaybeAnnouncement>(base(campaignId)),
  });
}

type One = { announcement: AnnouncementView };

export async function createAnnouncement(campaignId: string) {
  return (await api<One>(base(campaignId), { method: 'POST' })).announcement;
}

export async function updateAnnouncement(campaignId: string, input: AnnouncementTextUpdate) {
  return (await api<One>(base(campaignId), { method: 'PATCH', body: input })).announcement;
}

export async function announcementPeriodFrom(campaignId: string, from: string) {
  return (await api<{ period: AnnouncementPeriodView }>(withQuery(`${base(campaignId)}/period`, { from })))
    .period;
}

export async function scheduleAnnouncement(campaignId: string, version: number, startDay: string) {
  return (await api<One>(`${base(campaignId)}/schedule`, { method: 'POST', body: { version, startDay } }))
    .announcement;
}

export async function withdrawAnnouncement(campaignId: string, version: number) {
  return (await api<One>(`${base(campaignId)}/withdraw`, { method: 'POST', body: { version } })).announcement;
}

export async function openAnnouncement(campaignId: string, version: number) {
  return (await api<One>(`${base(campaignId)}/open`, { method: 'POST', body: { version } })).announcement;
}

export async function restartAnnouncement(
  campaignId: string,
  input: { version: number; startDay: string; reason: string },
) {
  return (await api<One>(`${base(campaignId)}/restart`, { method: 'POST', body: input })).announcement;
}

/** What a status button's move will do, with counts and dates, for its confirmation. */
export function previewCampaignMove(campaignId: string, to: CampaignState) {
  return api<CampaignMovePreview>(
    withQuery(`/api/campaigns/${encodeURIComponent(campaignId)}/transitions/preview`, { to }),
  );
}
