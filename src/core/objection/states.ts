/**
 * An objection (异议) to an entry of a 公示: the one state enum and the one transition table (house
 * rule 1). The organiser's handler accepts it (受理) or not (不予受理, with the reason), verifies it
 * (调查核实: notes, files, the nominating unit asked to explain), and concludes: 不成立 directly; 成立 is
 * proposed by the handler and confirmed by a second person, an organiser admin, before the entry leaves
 * the list. Every ending is answered to the objector (答复). Only the objection's own transition function
 * writes `state`.
 */
export const OBJECTION_STATES = {
  received: '待受理',
  rejected: '不予受理',
  investigating: '调查核实中',
  upheld_proposed: '拟认定成立（待复核）',
  upheld: '异议成立',
  dismissed: '异议不成立',
  replied: '已答复',
} as const;
export type ObjectionState = keyof typeof OBJECTION_STATES;

export interface ObjectionTransition {
  from: ObjectionState;
  to: ObjectionState;
  label: string;
  requiresReason: boolean;
  /** Taken by a second person: not the one who proposed the conclusion. */
  secondSignature: boolean;
}

function t(
  from: ObjectionState,
  to: ObjectionState,
  label: string,
  extra: Partial<Pick<ObjectionTransition, 'requiresReason' | 'secondSignature'>> = {},
): ObjectionTransition {
  return { from, to, label, requiresReason: false, secondSignature: false, ...extra };
}

export const OBJECTION_TRANSITIONS: readonly ObjectionTransition[] = [
  t('received', 'investigating', '受理'),
  t('received', 'rejected', '不予受理', { requiresReason: true }),
  t('investigating', 'upheld_proposed', '拟认定异议成立', { requiresReason: true }),
  t('investigating', 'dismissed', '认定异议不成立', { requiresReason: true }),
  t('upheld_proposed', 'upheld', '复核确认异议成立', { secondSignature: true }),
  t('upheld_proposed', 'investigating', '复核退回', { requiresReason: true, secondSignature: true }),
  t('rejected', 'replied', '答复异议人', { requiresReason: true }),
  t('upheld', 'replied', '答复异议人', { requiresReason: true }),
  t('dismissed', 'replied', '答复异议人', { requiresReason: true }),
];

/** States in which an objection is still being handled: approval (审定) waits for none of these. */
export const OPEN_OBJECTION_STATES: readonly ObjectionState[] = [
  'received',
  'investigating',
  'upheld_proposed',
];

export function isObjectionState(value: string): value is ObjectionState {
  return Object.hasOwn(OBJECTION_STATES, value);
}

export function findObjectionTransition(
  from: ObjectionState,
  to: ObjectionState,
): ObjectionTransition | undefined {
  return OBJECTION_TRANSITIONS.find((x) => x.from === from && x.to === to);
}

export function objectionMovesFrom(from: ObjectionState): ObjectionTransition[] {
  return OBJECTION_TRANSITIONS.filter((x) => x.from === from);
}

/** An individual objects under their real name with ID number; a unit under its name with a contact person. */
export const OBJECTOR_KINDS = {
  person: '个人',
  unit: '单位',
} as const;
export type ObjectorKind = keyof typeof OBJECTOR_KINDS;

/** The handling log of an objection: moves, notes, the unit asked to explain and its answer, files. */
export const OBJECTION_EVENT_KINDS = {
  transition: '处理',
  note: '核实记录',
  explanation_requested: '要求报送单位说明',
  explanation_received: '报送单位说明',
  file_added: '添加材料',
} as const;
export type ObjectionEventKind = keyof typeof OBJECTION_EVENT_KINDS;
