/** How nomination states look everywhere, and which of them the unit may still edit. */

import { CATEGORIES, type CampaignRules } from '#core/campaign/index.ts';
import { EDITABLE_STATES, type NominationState } from '#core/nomination/states.ts';
import type { NominationSummary } from '../api/nominations.ts';

export const NOMINATION_STATE_COLORS: Record<NominationState, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'red',
  accepted: 'cyan',
  withdrawn: 'default',
  shortlisted: 'orange',
  not_selected: 'default',
  selected: 'green',
  forwarded: 'purple',
};

/** The unit's own submitter, and the state still takes edits (草稿 / 退回修改). */
export function isEditable(n: Pick<NominationSummary, 'state' | 'actions'>): boolean {
  return n.actions.includes('edit') && EDITABLE_STATES.has(n.state);
}

/** The nominee's name as a list shows it: the form's name, or 未命名 for a fresh draft. */
export function displayTitle(n: { title: string; category: string }): string {
  const title = n.title.trim();
  if (title) return title;
  return n.category === 'star' ? '（未填写姓名）' : '（未填写项目名称）';
}

/** A category by the campaign's name for it; a stored value the rules do not know shows as it is. */
export function categoryLabel(rules: Pick<CampaignRules, 'categories'>, category: string): string {
  const known = CATEGORIES.find((c) => c === category);
  return known ? rules.categories[known].label : category;
}
