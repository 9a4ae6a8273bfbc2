/** Nominations: states, forms and their checks, snapshots, the 推介登记表, previous winners, forwarding. */
export {
  type CheckOptions,
  checkNomination,
  completenessFindings,
  dedupeFindings,
  type NominationForm,
  type ParsedForm,
  parseNominationForm,
  remapField,
} from './check.ts';
export * from './eligibility/index.ts';
export {
  ENTITY_TYPES,
  PROJECT_ELIGIBILITY_FIELDS,
  PROJECT_LABELS,
  PROJECT_LIMITS,
  type ProjectForm,
  projectCompletenessFindings,
  projectFormSchema,
  toProjectEligibilityInput,
} from './forms/project-form.ts';
export {
  deriveStarIdentity,
  STAR_ELIGIBILITY_FIELDS,
  STAR_LABELS,
  STAR_LIMITS,
  type StarForm,
  type StarIdentity,
  starCompletenessFindings,
  starFormSchema,
  toStarEligibilityInput,
} from './forms/star-form.ts';
export { characterCount, type FieldLabels, textProblems } from './forms/text.ts';
export {
  type ForwardingCampaign,
  type ForwardingNomination,
  type ForwardingTarget,
  forwardingFindings,
  forwardingProblems,
} from './forwarding.ts';
export { editDistanceWithin, normaliseForMatch, programmeKey, similarKeys } from './match-text.ts';
export {
  availableMoves,
  deadlinePassedMessage,
  editRefusal,
  isPastUnitDeadline,
  type MoveContext,
  type MoveRefusal,
  moveRefusal,
  type UnitDeadline,
} from './moves.ts';
export {
  buildWinnerIndex,
  describeRecord,
  type MatchCandidate,
  type MatchReason,
  matchPreviousWinners,
  type PreviousWinnerRecord,
  type WinnerIndex,
  type WinnerMatchFinding,
} from './previous-winners.ts';
export {
  normaliseRanks,
  type RegistrationContext,
  type RegistrationItem,
  type RegistrationRow,
  type ReorderResult,
  registrationFindings,
  registrationRows,
  remarkFor,
  reorder,
  setSpecial,
} from './registration-table.ts';
export { canonicalJson, contentHash, type Snapshot, sha256Hex, takeSnapshot } from './snapshot.ts';
export { staleSaveFindings } from './stale-save.ts';
export * from './states.ts';
export {
  type RefusalCode,
  type SubmissionParts,
  submissionFindings,
  submissionRefusal,
  submissionSummary,
} from './submission-findings.ts';
export {
  type ImportError,
  parseWinnerRows,
  WINNER_COLUMNS,
  type WinnerImportOptions,
} from './winner-import.ts';
