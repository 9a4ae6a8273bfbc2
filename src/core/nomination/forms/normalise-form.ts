/**
 * A 推介表 as it is stored and printed: every text field normalised by its kind (identity/normalise.ts),
 * so a full-width 身份证号, a phone number with an ideographic space or a name carrying a bidi mark
 * copied from a chat is stored the way it is printed and compared. Fields not listed, and values that
 * are not text, are left as they are for the form's schema to judge.
 */

import type { Category } from '#core/campaign/rules.ts';
import { normaliseTyped, type TypedTextKind } from '#core/identity/normalise.ts';

type Kinds = Record<string, TypedTextKind>;

/** By dotted path; a list's items share the list's kind. */
export const STAR_TEXT_KINDS: Kinds = {
  name: 'name',
  idNumber: 'identifier',
  ethnicity: 'line',
  nationality: 'line',
  politicalStatus: 'line',
  education: 'line',
  workUnit: 'line',
  post: 'line',
  phone: 'number',
  address: 'line',
  focusGroups: 'line',
  story: 'paragraphs',
  awards: 'paragraphs',
  unitOpinion: 'paragraphs',
};

export const PROJECT_TEXT_KINDS: Kinds = {
  name: 'line',
  entityName: 'line',
  creditCode: 'identifier',
  startDate: 'number',
  participationsOffline: 'number',
  participationsOnline: 'number',
  content: 'paragraphs',
  'measures.site': 'paragraphs',
  'measures.funding': 'paragraphs',
  'measures.team': 'paragraphs',
  results: 'paragraphs',
  contactName: 'name',
  contactPhone: 'number',
  workSummary: 'paragraphs',
  unitOpinion: 'paragraphs',
  'attestations.creditCheckedOn': 'number',
};

function normaliseValue(value: unknown, kind: TypedTextKind): unknown {
  if (typeof value === 'string') return normaliseTyped(value, kind);
  if (Array.isArray(value)) return value.map((item) => normaliseValue(item, kind));
  return value;
}

function normaliseAt(form: unknown, kinds: Kinds, prefix: string): unknown {
  if (form === null || typeof form !== 'object' || Array.isArray(form)) return form;
  return Object.fromEntries(
    Object.entries(form).map(([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      const kind = kinds[path];
      return [key, kind ? normaliseValue(value, kind) : normaliseAt(value, kinds, path)];
    }),
  );
}

/** The form with every text field normalised; a new object, the input is not changed. */
export function normaliseNominationForm<T>(category: Category, form: T): T {
  return normaliseAt(form, category === 'star' ? STAR_TEXT_KINDS : PROJECT_TEXT_KINDS, '') as T;
}
