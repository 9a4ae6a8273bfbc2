/**
 * The findings a 推介表 shows while it is edited, as core's one submission list: core's checkNomination
 * run live on the form, the server's refusal of the last save, the registry findings only the server can
 * make (previous winners, other nominations), asked for about a second after typing in the fields the
 * registry compares stops (name, 身份证号, unit, credit code), without saving (until then, and for the form
 * as opened, the last answer stands), and the material's submit rule as the material list last reported it.
 * Read-only, the server's findings are shown as they are.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { canonicalJson } from '#core/canonical-json.ts';
import type { Finding } from '#core/findings.ts';
import { checkNomination } from '#core/nomination/check.ts';
import { REGISTRY_CODES } from '#core/nomination/registry-findings.ts';
import { submissionFindings } from '#core/nomination/submission-findings.ts';
import { checkRegistry, type Nomination, nominationKey, type RegistryFields } from '../api/nominations.ts';
import { type FormValues, readPath } from '../components/nomination/formContext.tsx';
import type { SaveState } from './useAutosave.ts';
import { useDebounced } from './useDebounced.ts';

/** How long after the last keystroke in a compared field the registry is asked. */
export const REGISTRY_CHECK_DELAY_MS = 1000;

const COMPARED: Record<Nomination['category'], (keyof RegistryFields)[]> = {
  star: ['name', 'idNumber', 'workUnit'],
  project: ['name', 'entityName', 'creditCode'],
};

/** The compared fields of a form, as one string: equal strings ask the same question. */
function registryQuestion(category: Nomination['category'], form: FormValues): string {
  const fields: RegistryFields = {};
  for (const key of COMPARED[category]) {
    const value = form[key];
    fields[key] = typeof value === 'string' ? value : '';
  }
  return canonicalJson(fields);
}

/**
 * The registry findings for the form on the screen: the opened nomination's own until a compared field
 * changes, then the server's answer for the typed values, asked once typing pauses.
 */
function useLiveRegistryFindings(nomination: Nomination, form: FormValues, editable: boolean): Finding[] {
  const [opened] = useState(() => ({
    question: registryQuestion(nomination.category, nomination.form as FormValues),
    findings: registryFindings(nomination.findings),
  }));
  const question = useDebounced(registryQuestion(nomination.category, form), REGISTRY_CHECK_DELAY_MS);
  const asking = editable && question !== opened.question;
  const answer = useQuery({
    queryKey: [...nominationKey(nomination.id), 'registry', question],
    queryFn: () => checkRegistry(nomination.id, JSON.parse(question) as RegistryFields),
    enabled: asking,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  if (!asking) return opened.findings;
  return answer.data ?? opened.findings;
}

const registryFindings = (findings: Finding[]) => findings.filter((f) => REGISTRY_CODES.has(f.code));

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === false ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** The lists in order, each finding once (the same check may come from the server and from core). */
function merge(...lists: Finding[][]): Finding[] {
  const seen = new Set<string>();
  return lists.flat().filter((f) => {
    const key = `${f.code}\u0000${f.field}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An autosave answer, with the registry findings of the answer before it carried over. */
export function withRegistryFindings(saved: Nomination, previous: Nomination | undefined): Nomination {
  return { ...saved, findings: merge(saved.findings, registryFindings(previous?.findings ?? [])) };
}

export function useNominationFindings({
  nomination,
  form,
  rules,
  saveState,
  editable,
  material,
}: {
  nomination: Nomination;
  form: FormValues;
  rules: CampaignRules;
  saveState: SaveState;
  editable: boolean;
  /** The submit rule's findings on the files (missing, being checked, failed); live as uploads change. */
  material: Finding[];
}) {
  // Checking a long form on every keystroke would make typing lag: check the deferred value instead.
  const deferredForm = useDeferredValue(form);
  const today = todayInShanghai(new Date());
  const registry = useLiveRegistryFindings(nomination, form, editable);
  const findings = useMemo(() => {
    if (!editable) return nomination.findings;
    const live = checkNomination(nomination.category, deferredForm, rules, { today });
    return submissionFindings({
      registry,
      form: [...(saveState.status === 'invalid' ? (saveState.findings ?? []) : []), ...live],
      material,
    });
  }, [
    editable,
    nomination.category,
    nomination.findings,
    deferredForm,
    rules,
    today,
    saveState,
    material,
    registry,
  ]);

  // A fresh form is not a page of red: next to an input still empty, "please fill in" waits until the
  // unit tries to submit or asks for it; the summary counts everything from the start.
  const [showMissing, setShowMissing] = useState(nomination.state === 'returned');
  const fieldFindings = showMissing
    ? findings
    : findings.filter((f) => !f.field || !isEmpty(readPath(form, f.field)));

  return {
    /** Everything, for the summary and for deciding whether the form may be submitted. */
    findings,
    /** What the inputs show next to themselves. */
    fieldFindings,
    revealMissing: () => setShowMissing(true),
  };
}
