import { editRefusal } from '#core/nomination/moves.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { ffmpegPath } from '#server/platform/media/ffmpeg-path.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { appliedSets, submitFindingsFor } from '../material-facts/nomination-materials.ts';
import { moveContext } from '../nominations/deadline.ts';
import { visibleNomination } from '../nominations/service.ts';
import { presentNominationMaterials } from './presenter.ts';
import { listMaterials } from './queries.ts';
import { materialRules, subjectOf } from './rules.ts';

/** A nomination's slots with their files and statuses, and what the submit rule still asks for. */
export async function listNominationMaterials(db: Db, actor: Actor, nominationId: string, now: Date) {
  const n = await visibleNomination(db, actor, nominationId);
  materialRules.authorize(actor, 'view', subjectOf(n));
  const campaign = await visibleCampaign(db, actor, n.campaignId);
  // Past the unit's deadline no upload, delete or choose is offered: the server would refuse each.
  const context = await moveContext(db, campaign, n.unitId, 'unit', now);
  const subject = { ...subjectOf(n), open: editRefusal(n.state, context) === undefined };
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
