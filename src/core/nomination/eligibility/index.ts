/** Eligibility of nominees, per the campaign's rules. Pure: the same checks run in the browser before submit. */
export { type CountResult, readCount } from './numbers.ts';
export {
  applyOverrides,
  type EligibilityFinding,
  type FindingOverride,
  isAccepted,
  openFindings,
} from './overrides.ts';
export { normaliseName, programmeNameFindings } from './programme-name.ts';
export { checkProjectEligibility, PROJECT_OVERRIDABLE, type ProjectEligibilityInput } from './project.ts';
export { checkStarEligibility, STAR_OVERRIDABLE, type StarEligibilityInput } from './star.ts';
