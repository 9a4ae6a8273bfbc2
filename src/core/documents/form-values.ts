/**
 * A stored form as the flat record of display strings the layouts print. A stored form is read
 * defensively: a draft may lack any field, and an old row may hold a type the schema no longer
 * allows, so every value is read as "text if it is text" and an odd one prints as an empty box
 * rather than failing the whole document.
 */
import { formatChineseDate, isIsoDate } from '../calendar/index.ts';
import type { Category } from '../campaign/rules.ts';
import { maskIdNumber, maskPhone } from '../identity/index.ts';
import { deriveStarIdentity } from '../nomination/forms/star-form.ts';

export type FormValues = Record<string, string>;

/**
 * Characters XML 1.0 cannot hold (controls other than tab and line breaks, U+FFFE/F) would make the
 * whole DOCX unreadable, so they are dropped; a lone surrogate becomes U+FFFD, visibly. The forms
 * refuse all of them on save; this guards rows saved before that rule or written by an import.
 */
const NOT_XML = /(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF]/gu;

export function printable(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return '';
  return value.toWellFormed().replace(NOT_XML, '').replace(/\r\n?/g, '\n').trim();
}

const read = (form: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as never)[key] : undefined), form);

const yesNo = (v: unknown) => (v === true ? '是' : v === false ? '否' : '');

/** 2024-03-01 → 2024年3月1日, 2019-09 → 2019年9月; anything else as typed. */
export function chineseDate(value: unknown): string {
  const text = printable(value);
  if (isIsoDate(text)) return formatChineseDate(text);
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  return month ? `${month[1]}年${Number(month[2])}月` : text;
}

export interface ValueOptions {
  /** Full ID numbers and phones only for those who may see them (PIPL); masked otherwise. */
  maskPersonalData: boolean;
}

/**
 * A printed form shows the sex and birth month the 身份证号 encodes, whatever day it is printed: whether
 * the birth date is plausible was judged by the checks before submit, so printing sets no date bound.
 */
const NO_DATE_BOUND = '9999-12-31';

export function starFormValues(form: Record<string, unknown>, options: ValueOptions): FormValues {
  const t = (path: string) => printable(read(form, path));
  const identity = deriveStarIdentity({ idNumber: t('idNumber') }, NO_DATE_BOUND);
  const birth = identity.birthDate ? chineseDate(identity.birthDate.slice(0, 7)) : '';
  const groups = read(form, 'focusGroups');
  const mask = options.maskPersonalData;
  return {
    name: t('name'),
    sex: identity.sexLabel ?? '',
    birthMonth: birth,
    ethnicity: t('ethnicity'),
    nationality: t('nationality'),
    politicalStatus: t('politicalStatus'),
    education: t('education'),
    idNumber: mask && t('idNumber') ? maskIdNumber(t('idNumber')) : t('idNumber'),
    workUnit: t('workUnit'),
    post: t('post'),
    workUnitAndPost: [t('workUnit'), t('post')].filter(Boolean).join('　'),
    phone: mask && t('phone') ? maskPhone(t('phone')) : t('phone'),
    address: t('address'),
    focusGroups: Array.isArray(groups) ? groups.map(printable).filter(Boolean).join('、') : '',
    isCountyLevelOfficialOrAbove: yesNo(read(form, 'isCountyLevelOfficialOrAbove')),
    story: t('story'),
    awards: t('awards'),
    unitOpinion: t('unitOpinion'),
  };
}

const count = (v: unknown) => {
  const text = printable(v);
  return text && /^\d+$/.test(text) ? `${text}人次` : text;
};

export function projectFormValues(form: Record<string, unknown>, options: ValueOptions): FormValues {
  const t = (path: string) => printable(read(form, path));
  const attested = read(form, 'attestations.creditRecord') === true;
  const checkedOn = chineseDate(read(form, 'attestations.creditCheckedOn'));
  const offline = count(read(form, 'participationsOffline'));
  const online = count(read(form, 'participationsOnline'));
  return {
    name: t('name'),
    entityName: t('entityName'),
    entityType: t('entityType'),
    creditCode: t('creditCode'),
    startDate: chineseDate(read(form, 'startDate')),
    participationsOffline: offline,
    participationsOnline: online,
    participations: [offline && `线下${offline}`, online && `线上${online}`].filter(Boolean).join('；'),
    content: t('content'),
    'measures.site': t('measures.site'),
    'measures.funding': t('measures.funding'),
    'measures.team': t('measures.team'),
    results: t('results'),
    contactName: t('contactName'),
    contactPhone:
      options.maskPersonalData && t('contactPhone') ? maskPhone(t('contactPhone')) : t('contactPhone'),
    workSummary: t('workSummary'),
    unitOpinion: t('unitOpinion'),
    creditRecord: attested ? `无不良记录${checkedOn ? `（${checkedOn}查询）` : ''}` : '',
  };
}

export function formValues(
  category: Category,
  form: Record<string, unknown>,
  options: ValueOptions,
): FormValues {
  return category === 'star' ? starFormValues(form, options) : projectFormValues(form, options);
}
