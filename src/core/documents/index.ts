export {
  defaultFormLayout,
  defaultProjectLayout,
  defaultStarLayout,
  formHeading,
} from './default-layouts.ts';
export { attachmentDisposition, formFileName, safeFileName } from './file-names.ts';
export {
  type CellKind,
  type FormLayout,
  type LayoutCell,
  type LayoutRow,
  layoutProblems,
} from './form-layout.ts';
export {
  chineseDate,
  type FormValues,
  formValues,
  printable,
  projectFormValues,
  starFormValues,
  type ValueOptions,
} from './form-values.ts';
export {
  type RegistrationEntry,
  type RegistrationSheet,
  registrationColumns,
  registrationSheet,
  type SheetColumn,
} from './registration-sheet.ts';
