/**
 * Everything the platform can tell about one nomination form before it is submitted, in one list:
 * shape and bounds (oversized text, control characters, wrong types), completeness, eligibility,
 * identity numbers, and, when a registry is given, previous winners. The browser runs this while the
 * unit types; the server runs the same function at submit time. Every finding's field is a path of
 * the form itself, so the browser can put it next to the input.
 */
import type { CampaignRules, Category } from '../campaign/rules.ts';
import type { Finding } from '../findings.ts';
import { parseIdNumber } from '../identity/id-number.ts';
import { parsePhone } from '../identity/index.ts';
import { checkProjectEligibility, checkStarEligibility, type FindingOverride } from './eligibility/index.ts';
import {
  PROJECT_ELIGIBILITY_FIELDS,
  PROJECT_LABELS,
  type ProjectForm,
  projectCompletenessFindings,
  projectFormSchema,
  toProjectEligibilityInput,
} from './forms/project-form.ts';
import {
  STAR_ELIGIBILITY_FIELDS,
  STAR_LABELS,
  type StarForm,
  starCompletenessFindings,
  starFormSchema,
  toStarEligibilityInput,
} from './forms/star-form.ts';
import { issuesToFindings } from './forms/text.ts';
import type { PreviousWinnerRecord, RegistryContext, WinnerIndex } from './previous-winners.ts';
import { matchPreviousWinners, plainFinding } from './previous-winners.ts';
import { registryCandidate } from './registry-candidate.ts';

export type NominationForm = StarForm | ProjectForm;

export type ParsedForm<T> = { ok: true; form: T; findings: [] } | { ok: false; findings: Finding[] };

/** Shape and bounds only: what a save must pass. An incomplete draft parses. */
export function parseNominationForm(category: 'star', raw: unknown): ParsedForm<StarForm>;
export function parseNominationForm(category: 'project', raw: unknown): ParsedForm<ProjectForm>;
export function parseNominationForm(category: Category, raw: unknown): ParsedForm<NominationForm>;
export function parseNominationForm(category: Category, raw: unknown): ParsedForm<NominationForm> {
  const result = (category === 'star' ? starFormSchema : projectFormSchema).safeParse(raw);
  if (result.success) return { ok: true, form: result.data, findings: [] };
  return {
    ok: false,
    findings: issuesToFindings(result.error.issues, category === 'star' ? STAR_LABELS : PROJECT_LABELS),
  };
}

export function completenessFindings(category: Category, form: unknown, rules: CampaignRules): Finding[] {
  return category === 'star'
    ? starCompletenessFindings(form, rules)
    : projectCompletenessFindings(form, rules);
}

export interface CheckOptions {
  /** YYYY-MM-DD (today in Beijing, from the caller's clock): bounds birth dates in 身份证号. */
  today: string;
  /**
   * YYYY-MM-DD the nomination was submitted, for a frozen nomination: its credit check is measured
   * against that day, not against a later reading. Drafts leave it out and are measured against today.
   */
  submittedOn?: string;
  /** The organiser's acceptances of overridable warnings (县处级, a credit-code checksum). */
  overrides?: FindingOverride[];
  /** Earlier winners and other nominations to compare with. */
  registry?: WinnerIndex | readonly PreviousWinnerRecord[];
  /** This nomination's id, so that matching against nominations skips itself. */
  nominationId?: string;
  /** The nomination's round and reader, which decide what a registry match means and may say. */
  registryContext?: RegistryContext;
}

/** `conditionsAttested.2` → `attestations.conditions.2`, by the longest matching prefix in `map`. */
export function remapField(field: string, map: Record<string, string>): string {
  for (const [from, to] of Object.entries(map).sort((a, b) => b[0].length - a[0].length)) {
    if (field === from) return to;
    if (field.startsWith(`${from}.`)) return to + field.slice(from.length);
  }
  return field;
}

const asObject = (raw: unknown): Record<string, unknown> =>
  raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function starChecks(form: Record<string, unknown>, rules: CampaignRules, options: CheckOptions) {
  const star = form as StarForm;
  const eligibility = checkStarEligibility(
    { ...toStarEligibilityInput(star), overrides: options.overrides },
    rules,
  ).map((f) => ({ ...f, field: remapField(f.field, STAR_ELIGIBILITY_FIELDS) }));
  const identity: Finding[] = [];
  if (filled(form.idNumber))
    identity.push(...parseIdNumber(form.idNumber, options.today, 'idNumber').findings);
  if (filled(form.phone)) identity.push(...parsePhone(form.phone, 'phone').findings);
  const candidate = registryCandidate('star', form, options.today);
  return { findings: [...starCompletenessFindings(form, rules), ...eligibility, ...identity], candidate };
}

function projectChecks(form: Record<string, unknown>, rules: CampaignRules, options: CheckOptions) {
  const project = form as ProjectForm;
  const eligibility = checkProjectEligibility(
    {
      ...toProjectEligibilityInput(project),
      today: options.today,
      submittedOn: options.submittedOn,
      overrides: options.overrides,
    },
    rules,
  ).map((f) => ({ ...f, field: remapField(f.field, PROJECT_ELIGIBILITY_FIELDS) }));
  const identity = filled(form.contactPhone) ? parsePhone(form.contactPhone, 'contactPhone').findings : [];
  const candidate = registryCandidate('project', form, options.today);
  return { findings: [...projectCompletenessFindings(form, rules), ...eligibility, ...identity], candidate };
}

const COMPLETENESS_CODES = new Set(['FIELD_REQUIRED', 'ATTESTATION_REQUIRED']);

/**
 * One finding per problem: exact repeats (same code and field) go, and a completeness finding goes
 * when another error is already on that field, since that one says more (「请填写具体的项目名称」 beats
 * 「请填写项目名称」; a wrong type is not also "missing").
 */
export function dedupeFindings<T extends Finding>(findings: readonly T[]): T[] {
  const errorFields = new Set(
    findings.filter((f) => f.severity === 'error' && !COMPLETENESS_CODES.has(f.code)).map((f) => f.field),
  );
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}\u0000${f.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !(COMPLETENESS_CODES.has(f.code) && errorFields.has(f.field));
  });
}

/**
 * Completeness + eligibility + identity (+ previous winners with `options.registry`), deduplicated.
 * Accepts anything: a malformed form gets shape findings plus whatever can still be checked.
 */
export function checkNomination(
  category: Category,
  raw: unknown,
  rules: CampaignRules,
  options: CheckOptions,
): Finding[] {
  const shape = parseNominationForm(category, raw).findings;
  const form = asObject(raw);
  const { findings, candidate } =
    category === 'star' ? starChecks(form, rules, options) : projectChecks(form, rules, options);
  const registry = options.registry
    ? matchPreviousWinners(
        { ...candidate, nominationId: options.nominationId },
        options.registry,
        options.registryContext,
      ).map(plainFinding)
    : [];
  return dedupeFindings([...shape, ...findings, ...registry]);
}
