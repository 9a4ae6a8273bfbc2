export { campaignFormLayout, documentFindings, printableFields } from './campaign-layouts.ts';
export {
  defaultFormLayout,
  defaultProjectLayout,
  defaultStarLayout,
  formHeading,
} from './default-layouts.ts';
export { attachmentDisposition, formFileName, safeFileName, safeName } from './file-names.ts';
export {
  type CellKind,
  type FormLayout,
  type LayoutCell,
  type LayoutRow,
  layoutProblems,
} from './form-layout.ts';
export { campaignDocumentsSchema, formLayoutSchema } from './form-layout-schema.ts';
export {
  chineseDate,
  type FormValues,
  formValues,
  printable,
  projectFormValues,
  starFormValues,
  type ValueOptions,
} from './form-values.ts';
export { MANIFEST_HEADER, type ManifestRow, manifestCsv, parseManifestCsv } from './manifest.ts';
export { materialBaseName, materialEntryName, materialExtension, nominationFolder } from './package-names.ts';
export {
  type EntrySource,
  MANIFEST_NAME,
  type PackageMaterial,
  type PackageNomination,
  type PlannedItem,
  type PlanOptions,
  planPackage,
} from './package-plan.ts';
export {
  findPackageTransition,
  isPackageState,
  PACKAGE_INITIAL_STATE,
  PACKAGE_STATES,
  PACKAGE_TRANSITIONS,
  type PackageState,
  type PackageTransition,
  packageTransitionProblem,
} from './package-states.ts';
export {
  type RegistrationEntry,
  type RegistrationSheet,
  registrationColumns,
  registrationSheet,
  type SheetColumn,
} from './registration-sheet.ts';
