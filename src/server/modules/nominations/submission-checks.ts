import { todayInShanghai } from '#core/calendar/today.ts';
import type { Finding } from '#core/findings.ts';
import { checkNomination, EDITABLE_STATES } from '#core/nomination/index.ts';
import { submissionFindings } from '#core/nomination/submission-findings.ts';
import type { Principal } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { materialFindings } from '../material-facts/nomination-materials.ts';
import type { NominationRow } from './queries.ts';
import { registryFindings } from './registry.ts';
import { openedForm } from './stored-form.ts';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Everything the checks say about a nomination now: shape, completeness, eligibility, identity, its
 * material (the submit rule: required slots supplied and passed or waived) and, unless `duplicates` is
 * false, the registry (previous winners and other nominations) as `reader` may read it (registry.ts).
 * Autosaves skip the registry: it is read whole; the form asks for it on its own while being typed.
 */
export async function nominationFindings(
  db: Db | Trx,
  n: NominationRow,
  campaign: CampaignRow,
  { duplicates = true, reader, now }: { duplicates?: boolean; reader: Principal | null; now: Date },
): Promise<Finding[]> {
  const category = n.category;
  // A frozen nomination is judged as of the day it was submitted (its credit check, for one).
  const frozen = !EDITABLE_STATES.has(n.state) && n.submittedAt !== null;
  const form = checkNomination(category, n.form, campaign.rules, {
    today: todayInShanghai(now),
    submittedOn: frozen ? todayInShanghai(new Date(n.submittedAt!)) : undefined,
    nominationId: n.id,
    overrides: n.overrides.map(({ code, reason }) => ({ code, reason })),
  });
  const registry = duplicates ? await registryFindings(db, n, campaign, reader, now) : [];
  return submissionFindings({ registry, form, material: await materialFindings(db, n, campaign) });
}

/**
 * Counts of open problems already made, by nomination version, campaign version and Beijing day. Lists are
 * read far more often than drafts change (each unit's colleagues list while one of them types), and the
 * same form under the same rules on the same day has the same count: a form changes only with its version
 * (the save), the rules only with the campaign's version, and the day by itself. The oldest go first.
 */
const openErrorCounts = new Map<string, number>();
const KEPT_COUNTS = 20_000;

/**
 * What a list row shows beyond the state: the work unit or implementing entity, and for a nomination
 * still being edited how many problems remain (registry matches aside: they need the database). The
 * row may be as stored: the personal fields are opened only to count a form's problems the first time.
 */
export function listDetails(n: NominationRow, campaign: Pick<CampaignRow, 'rules' | 'version'>, now: Date) {
  const entity = text(n.category === 'star' ? n.form.workUnit : n.form.entityName) ?? '';
  if (!EDITABLE_STATES.has(n.state)) return { entity, openErrors: null };
  const today = todayInShanghai(now);
  const key = `${n.id}:${n.version}:${campaign.version}:${today}`;
  let openErrors = openErrorCounts.get(key);
  if (openErrors === undefined) {
    const findings = checkNomination(n.category, openedForm(n.form), campaign.rules, { today });
    openErrors = findings.filter((f) => f.severity === 'error').length;
    if (openErrorCounts.size >= KEPT_COUNTS) openErrorCounts.delete(openErrorCounts.keys().next().value!);
    openErrorCounts.set(key, openErrors);
  }
  return { entity, openErrors };
}
