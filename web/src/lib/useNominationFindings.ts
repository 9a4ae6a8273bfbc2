/**
 * The findings a 推介表 shows while it is edited, as core's one submission list: core's checkNomination
 * run live on the form, the server's refusal of the last save, the registry findings only the server can
 * make (previous winners, other nominations), which autosave answers leave out and so are kept from the
 * last full answer, and the material's submit rule as the material list last reported it. Read-only, the
 * server's findings are shown as they are.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { todayInShanghai } from '../../../src/core/calendar/today.ts';
import type { CampaignRules } from '../../../src/core/campaign/rules.ts';
import type { Finding } from '../../../src/core/findings.ts';
import { checkNomination } from '../../../src/core/nomination/check.ts';
import { submissionFindings } from '../../../src/core/nomination/submission-findings.ts';
import type { Nomination } from '../api/nominations.ts';
import { type FormValues, readPath } from '../components/nomination/formContext.tsx';
import type { SaveState } from './useAutosave.ts';

/** Findings only the server can make (previous winners, other nominations): kept from its last answer. */
const REGISTRY_CODES = new Set([
  'DUPLICATE_WINNER',
  'POSSIBLE_PREVIOUS_WINNER',
  'DUPLICATE_NOMINATION',
  'POSSIBLE_DUPLICATE_NOMINATION',
]);

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
  const today = todayInShanghai();
  const findings = useMemo(() => {
    if (!editable) return nomination.findings;
    const live = checkNomination(nomination.category, deferredForm, rules, { today });
    return submissionFindings({
      registry: registryFindings(nomination.findings),
      form: [...(saveState.status === 'invalid' ? (saveState.findings ?? []) : []), ...live],
      material,
    });
  }, [editable, nomination.category, nomination.findings, deferredForm, rules, today, saveState, material]);

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
