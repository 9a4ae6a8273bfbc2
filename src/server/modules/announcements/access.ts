/** The campaign and its announcement, locked, for the organiser who manages it. */
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { notFound, staleVersion } from '#server/platform/errors.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { findAnnouncementOfCampaign, lockAnnouncementOfCampaign } from './queries.ts';
import { announcementRules } from './rules.ts';

export async function managedCampaign(trx: Trx, actor: Actor, campaignId: string) {
  const campaign = await visibleCampaign(trx, actor, campaignId, true);
  announcementRules.authorize(actor, 'manage', campaign);
  return campaign;
}

/** The campaign (locked) and its announcement (locked), at the version the caller saw. */
export async function managedAnnouncement(trx: Trx, actor: Actor, campaignId: string, version?: number) {
  const campaign = await managedCampaign(trx, actor, campaignId);
  const announcement = await lockAnnouncementOfCampaign(trx, campaign.id);
  if (!announcement) throw notFound('公示');
  if (version !== undefined && version !== announcement.version) throw staleVersion();
  return { campaign, announcement };
}

export async function viewedAnnouncement(db: Db, actor: Actor, campaignId: string) {
  const campaign = await visibleCampaign(db, actor, campaignId);
  announcementRules.authorize(actor, 'view', campaign);
  return { campaign, announcement: await findAnnouncementOfCampaign(db, campaign.id) };
}
