import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { ffmpegPath } from '../../platform/media/ffmpeg-path.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { visibleNomination } from '../nominations/service.ts';
import { appliedSets, subjectOf, submitFindingsFor } from './nomination-materials.ts';
import { presentNominationMaterials } from './presenter.ts';
import { listMaterials } from './queries.ts';
import { materialRules } from './rules.ts';

/** A nomination's slots with their files and statuses, and what the submit rule still asks for. */
export async function listNominationMaterials(db: Db, actor: Actor, nominationId: string) {
  const n = await visibleNomination(db, actor, nominationId);
  const subject = subjectOf(n);
  materialRules.authorize(actor, 'view', subject);
  const campaign = await visibleCampaign(db, actor, n.campaignId);
  const rows = await listMaterials(db, n.id);
  return presentNominationMaterials(
    actor,
    subject,
    appliedSets(n, campaign),
    rows,
    submitFindingsFor(n, campaign, rows),
    ffmpegPath() !== undefined,
  );
}
