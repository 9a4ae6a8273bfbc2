/**
 * Importing the registry of earlier winners from a spreadsheet (published lists typed up by an
 * organiser). Rows arrive as `{ column heading: cell text }`; every bad cell of every row is reported,
 * so the organiser fixes the sheet once rather than once per error. Row numbers are as the
 * spreadsheet shows them: the heading is row 1, the first record row 2.
 */

import { CAMPAIGN_LEVEL_LABELS, type CampaignLevel, type Category } from '../campaign/rules.ts';
import { parseCreditCode, parseIdNumber, removeWhitespace, toHalfWidth } from '../identity/index.ts';
import type { PreviousWinnerRecord } from './previous-winners.ts';

export interface ImportError {
  row: number;
  column: string;
  message: string;
}

export const WINNER_COLUMNS = {
  year: '年度',
  level: '级别',
  category: '类别',
  name: '姓名/项目名称',
  province: '省份或单位',
  unit: '工作单位或实施主体',
  idNumber: '身份证号',
  creditCode: '统一社会信用代码',
} as const;

/** Headings people actually write for the name column. */
const NAME_HEADINGS = ['姓名/项目名称', '姓名', '项目名称', '名称'];

const LEVELS: Record<string, CampaignLevel> = {
  全国: 'national',
  国家级: 'national',
  national: 'national',
  省级: 'provincial',
  省: 'provincial',
  provincial: 'provincial',
  市级: 'city',
  市: 'city',
  city: 'city',
};

const CATEGORIES: Record<string, Category> = {
  百姓学习之星: 'star',
  学习之星: 'star',
  事迹特别感人的百姓学习之星: 'star',
  star: 'star',
  终身学习品牌项目: 'project',
  品牌项目: 'project',
  特别受百姓喜爱的终身学习品牌项目: 'project',
  project: 'project',
};

/** The first year the national round published both titles was well after 2000; earlier is a typo. */
const EARLIEST_YEAR = 2000;

const cell = (row: Record<string, string>, heading: string) => {
  const value = Object.hasOwn(row, heading) ? row[heading] : undefined;
  return typeof value === 'string' ? value.trim() : '';
};
/** Headings compared without spaces and width, so 「年 度」 and 「年度 」 are found. */
const headingKey = (heading: string) => removeWhitespace(toHalfWidth(heading));

function normaliseHeadings(row: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [heading, value] of Object.entries(row)) out[headingKey(heading)] = value;
  for (const heading of NAME_HEADINGS) {
    if (out[heading] !== undefined && out[WINNER_COLUMNS.name] === undefined)
      out[WINNER_COLUMNS.name] = out[heading]!;
  }
  return out;
}

export interface WinnerImportOptions {
  /** YYYY-MM-DD (today in Beijing, from the caller's clock); bounds years and birth dates. */
  today: string;
  /** The year chosen for the whole file, for rows (or a sheet) without one. */
  year?: number;
}

/**
 * A spreadsheet that held a long number as a number shows it as 2.20102E+17 and keeps only 15 digits:
 * the rest is gone, so the cell cannot be read, only reported.
 */
const NUMBER_IN_SCIENTIFIC_NOTATION = /^[+-]?\d+(?:\.\d+)?e\+?\d+$/i;

function storedAsNumber(column: string, value: string): string {
  return `${column}“${value}”被表格软件存成了数字，只保留了前15位，后几位已经丢失。请把这一列的单元格格式设为“文本”，重新填写完整的号码后再导入。`;
}

/** Whether a year given for the file is one the registry accepts; the message when not. */
export function fileYearProblem(year: number, today: string): string | undefined {
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < EARLIEST_YEAR || year > thisYear)
    return `名单年度应在${EARLIEST_YEAR}至${thisYear}年之间。`;
  return undefined;
}

function parseRow(
  raw: Record<string, string>,
  rowNumber: number,
  today: string,
  fileYear: number | undefined,
): { record?: PreviousWinnerRecord; errors: ImportError[] } {
  const row = normaliseHeadings(raw);
  const errors: ImportError[] = [];
  const fail = (column: string, message: string) => errors.push({ row: rowNumber, column, message });
  const C = WINNER_COLUMNS;

  const ownYear = toHalfWidth(cell(row, C.year)).replace(/年$/, '');
  const yearText = ownYear === '' && fileYear !== undefined ? String(fileYear) : ownYear;
  const year = Number(yearText);
  const thisYear = Number(today.slice(0, 4));
  if (yearText === '') fail(C.year, '请填写年度，例如 2023；整份名单是同一年度的，也可以在导入时选择年度。');
  else if (!/^\d{4}$/.test(yearText))
    fail(C.year, `年度“${cell(row, C.year)}”不是四位数字的年份，例如 2023。`);
  else if (year < EARLIEST_YEAR || year > thisYear)
    fail(C.year, `年度${year}不在${EARLIEST_YEAR}至${thisYear}年之间，请核对。`);

  const levelText = removeWhitespace(cell(row, C.level)).toLowerCase();
  const level = LEVELS[levelText];
  if (!level) {
    const allowed = Object.values(CAMPAIGN_LEVEL_LABELS).join('、');
    fail(
      C.level,
      levelText === ''
        ? `请填写级别（${allowed}）。`
        : `级别“${cell(row, C.level)}”无法识别，请填写${allowed}之一。`,
    );
  }
  const categoryText = removeWhitespace(cell(row, C.category)).replace(/[“”"]/g, '').toLowerCase();
  const category = Object.hasOwn(CATEGORIES, categoryText) ? CATEGORIES[categoryText] : undefined;
  if (!category) {
    fail(
      C.category,
      categoryText === ''
        ? '请填写类别（百姓学习之星或终身学习品牌项目）。'
        : `类别“${cell(row, C.category)}”无法识别，请填写百姓学习之星或终身学习品牌项目。`,
    );
  }
  const name = cell(row, C.name);
  if (name === '') fail(C.name, category === 'project' ? '请填写项目名称。' : '请填写姓名。');
  else if ([...name].length > 100) fail(C.name, '名称超过100字，请核对是否把其他内容粘贴到了这一列。');

  const record: PreviousWinnerRecord = {
    year,
    level: level ?? 'national',
    category: category ?? 'star',
    name,
  };
  const province = cell(row, C.province);
  const unit = cell(row, C.unit);
  if (province) record.province = province;
  if (unit) record.unit = unit;

  const idText = cell(row, C.idNumber);
  if (NUMBER_IN_SCIENTIFIC_NOTATION.test(idText)) fail(C.idNumber, storedAsNumber(C.idNumber, idText));
  else if (idText !== '') {
    if (category === 'project') fail(C.idNumber, '终身学习品牌项目不应填写身份证号，请核对是否错列。');
    const parsed = parseIdNumber(idText, today, 'idNumber');
    if (parsed.valid) {
      record.idNumber = parsed.normalised;
      record.birthDate = parsed.birthDate;
    } else {
      for (const f of parsed.findings) fail(C.idNumber, f.message);
    }
  }
  const codeText = cell(row, C.creditCode);
  if (NUMBER_IN_SCIENTIFIC_NOTATION.test(codeText))
    fail(C.creditCode, storedAsNumber(C.creditCode, codeText));
  else if (codeText !== '') {
    if (category === 'star') fail(C.creditCode, '百姓学习之星不应填写统一社会信用代码，请核对是否错列。');
    const parsed = parseCreditCode(codeText, 'creditCode');
    // A checksum mismatch is only a warning: some real codes fail it, and this is a published record.
    if (parsed.valid) record.creditCode = parsed.normalised;
    else for (const f of parsed.findings) fail(C.creditCode, f.message);
  }
  return errors.length === 0 ? { record, errors } : { errors };
}

/**
 * One registry record per person or programme, round and year: a person by 身份证号, a programme by
 * 统一社会信用代码 and name, otherwise by name, province and workplace. Importing a list again updates
 * its records instead of adding them twice. Migrations 0007 and 0027 compute the same key in the
 * database (previous_winners.natural_key), from the keyed hash of the 身份证号, which is all the table
 * keeps of it: given that hash as `idNumber`, the two are equal.
 */
export function winnerNaturalKey(record: PreviousWinnerRecord): string {
  const identity =
    record.idNumber ??
    (record.creditCode !== undefined
      ? `${record.creditCode}|${record.name}`
      : `${record.name}|${record.province ?? ''}|${record.unit ?? ''}`);
  return `${record.year}|${record.level}|${record.category}|${identity}`;
}

export function parseWinnerRows(
  rows: readonly Record<string, string>[],
  options: WinnerImportOptions,
): { records: PreviousWinnerRecord[]; errors: ImportError[] } {
  const today = options.today;
  const headings = new Set(rows.flatMap((row) => Object.keys(normaliseHeadings(row))));
  const required: string[] = [WINNER_COLUMNS.level, WINNER_COLUMNS.category, WINNER_COLUMNS.name];
  // A list published for one year often has no year column: the year chosen for the file stands in.
  if (options.year === undefined) required.unshift(WINNER_COLUMNS.year);
  const missing = required.filter((heading) => rows.length > 0 && !headings.has(heading));
  if (missing.length > 0) {
    return {
      records: [],
      errors: missing.map((column) => ({
        row: 1,
        column,
        message:
          column === WINNER_COLUMNS.year
            ? '表格没有“年度”列。请在表格中加上年度，或在导入时选择这份名单的年度。'
            : `表格缺少“${column}”列，请使用导入模板。`,
      })),
    };
  }
  const records: PreviousWinnerRecord[] = [];
  const errors: ImportError[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((row, i) => {
    const rowNumber = i + 2;
    // Spreadsheets carry blank rows at the end; they are not records.
    if (Object.values(row).every((value) => typeof value !== 'string' || value.trim() === '')) return;
    const result = parseRow(row, rowNumber, today, options.year);
    errors.push(...result.errors);
    if (!result.record) return;
    const key = winnerNaturalKey(result.record);
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      const r = result.record;
      const column = r.idNumber
        ? WINNER_COLUMNS.idNumber
        : r.creditCode
          ? WINNER_COLUMNS.creditCode
          : WINNER_COLUMNS.name;
      errors.push({ row: rowNumber, column, message: `与第${earlier}行是同一条记录，请删除重复行。` });
      return;
    }
    firstRowOf.set(key, rowNumber);
    records.push(result.record);
  });
  return { records, errors };
}
