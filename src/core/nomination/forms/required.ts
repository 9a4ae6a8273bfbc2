/**
 * Completeness: which required fields of a 推介表 are still empty. A draft may be saved incomplete;
 * submitting needs every required field. The message names the field the way the paper form does
 * (「请填写主要事迹」), and the finding's field is the form path, so the browser shows it at the input.
 */
import { error, type Finding } from '#core/findings.ts';

export interface RequiredField {
  path: string;
  label: string;
  /** text: typed (请填写); choice: picked from a list (请选择); confirm: a box the unit ticks (请确认). */
  kind: 'text' | 'choice' | 'confirm';
}

/** Reads a dotted path (`attestations.conditions.0`) from untrusted data; undefined when absent. */
export function readPath(form: unknown, path: string): unknown {
  let value: unknown = form;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A string with something other than whitespace in it; anything else counts as empty. */
export function isFilled(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  return false;
}

const VERB = { text: '请填写', choice: '请选择', confirm: '请确认' } as const;

export function missingFieldFindings(form: unknown, fields: readonly RequiredField[]): Finding[] {
  return fields.flatMap(({ path, label, kind }) => {
    const value = readPath(form, path);
    const present = kind === 'confirm' ? value === true : isFilled(value);
    if (present) return [];
    const code = kind === 'confirm' ? 'ATTESTATION_REQUIRED' : 'FIELD_REQUIRED';
    return [error(code, path, `${VERB[kind]}${label}。`)];
  });
}

/** One confirm box per 条件 of the campaign's rules, labelled with the condition's short title. */
export function conditionFields(conditions: readonly string[], path: string): RequiredField[] {
  return conditions.map((title, i) => ({ path: `${path}.${i}`, label: title, kind: 'confirm' }));
}
