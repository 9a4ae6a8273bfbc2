/**
 * The business rules of an objection as typed on the public form: who objects (a person under their real
 * name with a valid 居民身份证号, workplace and phone; or a unit with a contact person and phone, since
 * anonymous objections are not accepted) and the facts, long enough to be looked into. Text is kept as
 * typed: markup in it is text, escaped wherever it is shown, never rendered.
 */
import { error, type Finding } from '../findings.ts';
import { countChineseText } from '../identity/chinese-text.ts';
import { parseIdNumber } from '../identity/id-number.ts';
import { parsePhone } from '../identity/phone.ts';
import type { ObjectorKind } from './states.ts';

export const FACTS_MIN_CHARACTERS = 20;
export const FACTS_MAX_CHARACTERS = 5000;
export const NAME_MAX_CHARACTERS = 50;
export const UNIT_NAME_MAX_CHARACTERS = 100;

export interface ObjectionInput {
  objectorKind: ObjectorKind;
  name?: string;
  idNumber?: string;
  workplace?: string;
  unitName?: string;
  contactName?: string;
  phone?: string;
  facts: string;
}

/** What is stored as `objector` once the input passes. */
export type Objector =
  | { kind: 'person'; name: string; idNumber: string; workplace: string; phone: string }
  | { kind: 'unit'; unitName: string; contactName: string; phone: string };

export interface ObjectionCheck {
  findings: Finding[];
  /** Only when there is no error. */
  objector?: Objector;
  facts: string;
}

function required(value: string | undefined, field: string, what: string, max: number, out: Finding[]) {
  const text = (value ?? '').trim();
  if (!text) out.push(error('OBJECTOR_MISSING', field, `请填写${what}，匿名异议不予受理`));
  else if (countChineseText(text) > max)
    out.push(error('OBJECTOR_TOO_LONG', field, `${what}过长（不超过 ${max} 个字）`));
  return text;
}

/** `today` (YYYY-MM-DD, Beijing) bounds the birth date in the ID number. */
export function checkObjectionInput(input: ObjectionInput, today: string): ObjectionCheck {
  const findings: Finding[] = [];
  const phone = parsePhone(input.phone ?? '', 'phone');
  let objector: Objector | undefined;
  if (input.objectorKind === 'person') {
    const name = required(input.name, 'name', '异议人真实姓名', NAME_MAX_CHARACTERS, findings);
    const workplace = required(input.workplace, 'workplace', '工作单位', UNIT_NAME_MAX_CHARACTERS, findings);
    const id = parseIdNumber(input.idNumber ?? '', today, 'idNumber');
    findings.push(...id.findings.filter((f) => f.severity === 'error'));
    objector = { kind: 'person', name, idNumber: id.normalised, workplace, phone: phone.normalised };
  } else {
    const unitName = required(input.unitName, 'unitName', '异议单位名称', UNIT_NAME_MAX_CHARACTERS, findings);
    const contactName = required(
      input.contactName,
      'contactName',
      '联系人姓名',
      NAME_MAX_CHARACTERS,
      findings,
    );
    objector = { kind: 'unit', unitName, contactName, phone: phone.normalised };
  }
  findings.push(...phone.findings.filter((f) => f.severity === 'error'));

  const facts = input.facts.trim();
  const length = countChineseText(facts);
  if (length < FACTS_MIN_CHARACTERS)
    findings.push(
      error(
        'FACTS_TOO_SHORT',
        'facts',
        `请写明异议的具体事实和理由（至少 ${FACTS_MIN_CHARACTERS} 个字），以便核实`,
      ),
    );
  else if (length > FACTS_MAX_CHARACTERS)
    findings.push(
      error('FACTS_TOO_LONG', 'facts', `异议事实不超过 ${FACTS_MAX_CHARACTERS} 个字，详细材料请作为附件上传`),
    );
  const ok = !findings.some((f) => f.severity === 'error');
  return { findings, objector: ok ? objector : undefined, facts };
}

/** What a status lookup or a handler's list may show of who objected without the identity: the kind only. */
export function objectorLabel(objector: Objector): string {
  return objector.kind === 'person'
    ? `个人：${objector.name}`
    : `单位：${objector.unitName}（联系人：${objector.contactName}）`;
}
