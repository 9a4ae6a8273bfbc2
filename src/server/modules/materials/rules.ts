/**
 * Who may do what with a nomination's material (house rule 2). The unit's own submitters upload, delete
 * and choose while the nomination is editable (draft or returned); the campaign's organisers see every
 * file of their campaign and waive findings; nobody else sees anything.
 */
import { EDITABLE_STATES, type NominationState } from '#core/nomination/states.ts';
import type { Principal } from '#server/platform/auth/actor.ts';
import { authorizer } from '#server/platform/auth/authorize.ts';
import type { NominationRow } from '../nominations/queries.ts';
import { isOrganiserOf, isUnitSubmitter } from '../nominations/rules.ts';

export interface MaterialSubject {
  /** The nomination's unit and its campaign organiser's path. */
  unitId: string;
  organiserPath: string;
  /** The nomination's state. */
  state: NominationState;
  /**
   * False when the nomination cannot change now for another reason than its state (its unit's deadline
   * has passed, the campaign no longer takes submissions): core's editRefusal, as for the form.
   */
  open?: boolean;
}

export const subjectOf = (n: Pick<NominationRow, 'unitId' | 'organiserPath' | 'state'>): MaterialSubject => ({
  unitId: n.unitId,
  organiserPath: n.organiserPath,
  state: n.state,
});

const editable = (s: MaterialSubject) => EDITABLE_STATES.has(s.state) && s.open !== false;

export const materialRules = authorizer<
  'view' | 'upload' | 'delete' | 'choose' | 'convert' | 'waive',
  MaterialSubject
>({
  view: (actor, s) => isUnitSubmitter(actor, s) || isOrganiserOf(actor, s),
  upload: (actor, s) => isUnitSubmitter(actor, s) && editable(s),
  delete: (actor, s) => isUnitSubmitter(actor, s) && editable(s),
  choose: (actor, s) => isUnitSubmitter(actor, s) && editable(s),
  // Whether a file can be converted at all (a video, ffmpeg present) is the conversion's business.
  convert: (actor, s) => isUnitSubmitter(actor, s) && editable(s),
  waive: isOrganiserOf,
});

export type MaterialAction = Parameters<typeof materialRules.can>[1];

/** The actor may see the material but the nomination cannot change now: say why in Chinese. */
export function notEditableMessage(state: string): string {
  return state === 'draft' || state === 'returned'
    ? '当前不能修改该推介的材料'
    : '推介已提交，材料已冻结；如需修改，请先撤回（截止前）或等待退回修改';
}

export function isMaterialEditor(actor: Principal, s: MaterialSubject): boolean {
  return isUnitSubmitter(actor, s);
}
