import { announcementEditRefusal } from '#core/announcement/moves.ts';
import type { ObjectionContact } from '#core/contract/announcements.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { managedAnnouncement } from './access.ts';

export interface AnnouncementTextInput {
  version: number;
  title?: string;
  intro?: string;
  issuer?: string;
  objectionContact?: ObjectionContact;
}

/** The draft's words: title, opening paragraph, how to object, in whose name. */
export async function updateAnnouncement(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: AnnouncementTextInput,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const { campaign, announcement } = await managedAnnouncement(trx, actor, campaignId, input.version);
    const refusal = announcementEditRefusal(announcement.state);
    if (refusal) throw new AppError('ANNOUNCEMENT_NOT_EDITABLE', refusal);
    const changes = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.intro !== undefined && { intro: input.intro }),
      ...(input.issuer !== undefined && { issuer: input.issuer }),
      ...(input.objectionContact !== undefined && {
        objectionContact: JSON.stringify(input.objectionContact),
      }),
    };
    const row = await trx
      .updateTable('announcements')
      .set({ ...changes, version: announcement.version + 1, updatedAt: now })
      .where('id', '=', announcement.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'announcement.updated',
      entityType: 'announcement',
      entityId: announcement.id,
      scopePath: campaign.organiserPath,
      before: Object.fromEntries(
        Object.keys(changes).map((k) => [k, announcement[k as keyof typeof announcement]]),
      ),
      after: { ...input, version: undefined },
    });
    return row;
  });
}
