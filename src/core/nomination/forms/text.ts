/**
 * Text fields of the 推介表. A draft may be incomplete, so every field is optional, but each has an
 * upper bound: a form is printed on paper and read by experts, and a bound keeps a pasted book or a
 * runaway script out of the database. Bounds count characters (Unicode code points), which is what
 * a person sees; the notices' 字数 rules (工作总结 1500字左右) are checked separately by eligibility.
 *
 * Script or markup is ordinary text here: `<script>` is stored as typed and escaped where shown.
 * Stripping it would change what the unit wrote and what the content hash covers. What is refused:
 * control characters other than tab and line breaks (invisible, and U+0000 cannot even be stored in
 * PostgreSQL text) and lone surrogates (not valid Unicode, they turn into U+FFFD on the way to UTF-8).
 * Single-line fields (names, numbers) refuse line breaks and tabs too.
 */
import { z } from 'zod';
import { error, type Finding } from '#core/findings.ts';
import { isOnlySymbols } from '#core/identity/normalise.ts';

/** C0 controls except tab, line feed and carriage return (CRLF from Windows), DEL, and C1 controls. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const allowed = code === 0x09 || code === 0x0a || code === 0x0d;
    if ((code < 0x20 && !allowed) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/u;

export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

interface TextOptions {
  /** 主要事迹 etc.: paragraphs allowed. */
  multiline?: boolean;
  /** 姓名, 项目名称 etc.: must hold a letter, character or digit, not only 「——」 or 「/」. */
  name?: boolean;
}

interface TextProblem {
  code: string;
  message: string;
}

/** What is wrong with one text value, with the form's own wording of the field in each message. */
export function textProblems(
  value: string,
  label: string,
  max: number,
  options: TextOptions = {},
): TextProblem[] {
  const problems: TextProblem[] = [];
  if (hasControlCharacter(value) || !value.isWellFormed()) {
    problems.push({
      code: 'TEXT_CONTROL_CHARACTERS',
      message: `“${label}”含有不可见的控制字符，请删除后重新粘贴或输入。`,
    });
  } else if (!options.multiline && LINE_BREAK_OR_TAB.test(value)) {
    problems.push({ code: 'TEXT_LINE_BREAK', message: `“${label}”应填写在一行内，请删除换行或制表符。` });
  }
  if (options.name && isOnlySymbols(value)) {
    problems.push({
      code: 'TEXT_ONLY_SYMBOLS',
      message: `“${label}”只有标点或符号，请填写${label}本身；暂不清楚的可以先空着。`,
    });
  }
  const count = characterCount(value);
  if (count > max) {
    problems.push({ code: 'TEXT_TOO_LONG', message: `“${label}”不能超过${max}字，目前${count}字，请精简。` });
  }
  return problems;
}

/** A bounded text field; `label` is the form's own wording, used in every message. */
export function text(label: string, max: number, options: TextOptions = {}) {
  return z.string().check((ctx) => {
    for (const { code, message } of textProblems(ctx.value, label, max, options)) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message, params: { code } });
    }
  });
}

/** Counts as typed: the notices' numbers (1000人次) arrive as numbers or as text such as "1.2万". */
export const COUNT_TEXT_MAX = 20;

/** A count typed into the form: a number, or short text that eligibility reads (readCount). */
export function count(label: string) {
  return z
    .union([z.number(), z.string()])
    .nullable()
    .check((ctx) => {
      if (typeof ctx.value !== 'string') return;
      for (const { code, message } of textProblems(ctx.value, label, COUNT_TEXT_MAX)) {
        ctx.issues.push({ code: 'custom', input: ctx.value, message, params: { code } });
      }
    });
}

/** Labels by field path (`measures.site`); list items fall back to their list's label. */
export type FieldLabels = Record<string, string>;

function labelFor(path: readonly PropertyKey[], labels: FieldLabels): string {
  const key = path.filter((p) => typeof p === 'string').join('.');
  const index = path.find((p) => typeof p === 'number');
  const base = labels[key] ?? (key === '' ? '推介表' : key);
  return typeof index === 'number' ? `${base}第${index + 1}项` : base;
}

/**
 * zod issues as findings on the form's field paths. Our own checks carry their code and Chinese
 * message; zod's built-in issues (wrong type, too many list items, unknown field) get one here.
 */
export function issuesToFindings(issues: readonly z.core.$ZodIssue[], labels: FieldLabels): Finding[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const label = labelFor(issue.path, labels);
    if (issue.code === 'custom') {
      const code = (issue.params as { code?: string } | undefined)?.code ?? 'FIELD_INVALID';
      return error(code, field, issue.message);
    }
    if (issue.code === 'too_big') {
      return error('LIST_TOO_LONG', field, `“${label}”最多${String(issue.maximum)}项，请删除多余的项。`);
    }
    if (issue.code === 'unrecognized_keys') {
      return error(
        'FIELD_UNKNOWN',
        field,
        `推介表中没有“${issue.keys.join('、')}”这一项，请刷新页面后重新填写。`,
      );
    }
    if (issue.code === 'invalid_value') {
      return error('FIELD_CHOICE', field, `“${label}”请从列表中选择。`);
    }
    return error('FIELD_TYPE', field, `“${label}”的内容格式不正确，请重新填写。`);
  });
}
