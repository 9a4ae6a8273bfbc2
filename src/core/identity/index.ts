export { countChineseText } from './chinese-text.ts';
export {
  type CreditCodeResult,
  creditCodeCheckCharacter,
  creditCodeProvince,
  parseCreditCode,
} from './credit-code.ts';
export {
  ID_PROVINCE_CODES,
  type IdNumberResult,
  idCheckCharacter,
  maskIdNumber,
  parseIdNumber,
  type Sex,
} from './id-number.ts';
export { normaliseIdentifier, removeWhitespace, toHalfWidth } from './normalise.ts';
export { maskPhone, type PhoneKind, type PhoneResult, parsePhone } from './phone.ts';
