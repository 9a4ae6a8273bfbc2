/**
 * The expert form's values and their translation to the contract's facts: the form keeps flat fields
 * (a province typed as 吉林省 or 22, a relation's unit and person side by side) that officials can fill in.
 */
import { provinceCode } from '#core/nomination/province-code.ts';
import type { ExpertFacts, PoolExpert } from '#web/api/review-setup.ts';
import type { DeclaredRelation, Panel, RelationKind } from './labels.ts';

export interface RelationValues {
  kind: RelationKind;
  personName?: string;
  personIdNumber?: string;
  unitName?: string;
  unitCreditCode?: string;
  from?: string;
  until?: string;
  note?: string;
}

export interface ExpertFormValues {
  mode: 'existing' | 'new';
  accountId?: string;
  username?: string;
  displayName?: string;
  phone?: string;
  email?: string;
  panels: Panel[];
  chairOf: Panel[];
  employerName?: string;
  employerCreditCode?: string;
  province?: string;
  field?: string;
  idNumber?: string;
  minLoad?: number | null;
  maxLoad?: number | null;
  relations?: RelationValues[];
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);
const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

function relationOf(values: RelationValues): DeclaredRelation {
  const person = values.personName?.trim()
    ? { name: values.personName.trim(), idNumber: text(values.personIdNumber) }
    : undefined;
  const unit =
    values.unitName?.trim() || values.unitCreditCode?.trim()
      ? { name: text(values.unitName), creditCode: text(values.unitCreditCode) }
      : undefined;
  if (values.kind === 'close_relative')
    return { kind: 'close_relative', person: person ?? { name: '' }, note: optional(values.note) };
  if (values.kind === 'other') return { kind: 'other', person, unit, note: values.note?.trim() ?? '' };
  return {
    kind: values.kind,
    unit: unit ?? {},
    from: text(values.from),
    until: text(values.until),
  };
}

function valuesOf(relation: DeclaredRelation): RelationValues {
  const unit = 'unit' in relation ? relation.unit : undefined;
  const person = 'person' in relation ? relation.person : undefined;
  return {
    kind: relation.kind,
    personName: person?.name,
    personIdNumber: person?.idNumber ?? undefined,
    unitName: unit?.name ?? undefined,
    unitCreditCode: unit?.creditCode ?? undefined,
    from: 'from' in relation ? (relation.from ?? undefined) : undefined,
    until: 'until' in relation ? (relation.until ?? undefined) : undefined,
    note: 'note' in relation ? relation.note : undefined,
  };
}

/** `undefined` when the province typed is not one the platform knows. */
export function provinceOf(value: string | undefined): string | null | undefined {
  if (!value?.trim()) return null;
  return provinceCode(value) ?? undefined;
}

/**
 * The facts to send. The contract's idNumber defaults to null, so on edit a blank field clears the number
 * the list shows masked (the form says so); `editing` leaves it out, ready for "absent = unchanged".
 */
export function factsOf(values: ExpertFormValues, editing: boolean): ExpertFacts {
  const idNumber = text(values.idNumber);
  return {
    panels: values.panels ?? [],
    chairOf: (values.chairOf ?? []).filter((c) => values.panels?.includes(c)),
    employerName: text(values.employerName),
    employerCreditCode: text(values.employerCreditCode),
    province: provinceOf(values.province) ?? null,
    field: values.field?.trim() ?? '',
    ...(editing && idNumber === null ? {} : { idNumber }),
    minLoad: values.minLoad ?? 0,
    maxLoad: values.maxLoad ?? null,
    relations: (values.relations ?? []).map(relationOf),
  };
}

export function initialValues(expert: PoolExpert | null): Partial<ExpertFormValues> {
  if (!expert)
    return { mode: 'existing', panels: ['star', 'project'], chairOf: [], relations: [], minLoad: 0 };
  return {
    mode: 'existing',
    panels: expert.panels,
    chairOf: expert.chairOf,
    employerName: expert.employerName ?? undefined,
    employerCreditCode: expert.employerCreditCode ?? undefined,
    province: expert.provinceName ?? expert.province ?? undefined,
    field: expert.field,
    minLoad: expert.minLoad,
    maxLoad: expert.maxLoad,
    relations: expert.relations.map(valuesOf),
  };
}
