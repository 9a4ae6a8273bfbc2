/**
 * Who sees a campaign's ranking and acts on its shortlist (house rule 2): the chair of the category's
 * panel proposes the 拟推介名单; the campaign's organiser admins confirm it; both see the ranking and the
 * proposals. Anyone else who may see the campaign is refused; who may not see it gets 404.
 */
import type { Category } from '#core/campaign/rules.ts';
import type { Principal } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { isOrganiserOf } from '../nominations/rules.ts';

export interface RankingSubject {
  organiserPath: string;
  category: Category;
  /** The panels the caller chairs in this campaign. */
  chairOf: readonly Category[];
}

const chairs = (_actor: Principal, s: RankingSubject) => s.chairOf.includes(s.category);

export const rankingRules = authorizer<'view' | 'propose' | 'confirm', RankingSubject>({
  view: (actor, s) => chairs(actor, s) || isOrganiserOf(actor, s),
  propose: chairs,
  confirm: isOrganiserOf,
});

export async function chairOf(db: Db | Trx, campaignId: string, expertId: string): Promise<Category[]> {
  const row = await db
    .selectFrom('reviewExperts')
    .select('chairOf')
    .where('campaignId', '=', campaignId)
    .where('expertId', '=', expertId)
    .executeTakeFirst();
  return row?.chairOf ?? [];
}
