import { ROLES, type Role } from '#core/accounts/roles.ts';
import { ORGANISATION_TYPES, type OrganisationType } from '#core/campaign/unit-types.ts';
import { CreateAccountBody } from '#core/contract/accounts.ts';

/** Columns of the import template, in order. The header row must read exactly these. */
export const IMPORT_COLUMNS = [
  '上级单位',
  '单位名称',
  '单位类型',
  '行政区划代码',
  '用户名',
  '姓名',
  '角色',
  '联系电话',
] as const;

export interface ImportRow {
  row: number;
  cells: Record<(typeof IMPORT_COLUMNS)[number], string>;
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface PlannedRow {
  row: number;
  parentName: string;
  organisation: { name: string; type: OrganisationType; regionCode: string | null };
  account: { username: string; displayName: string; roles: Role[]; phone: string | null } | null;
}

const typeByLabel = new Map<string, OrganisationType>(
  Object.entries(ORGANISATION_TYPES).map(([k, v]) => [v, k as OrganisationType]),
);
const roleByLabel = new Map<string, Role>(Object.entries(ROLES).map(([k, v]) => [v, k as Role]));

/**
 * Checks every row of an import and plans what to create. Nothing is created when any row has an error,
 * so all errors are collected, each with its row number and column.
 * `knownOrganisations` holds the names of organisations the importer already manages.
 */
export function planImport(rows: ImportRow[], knownOrganisations: ReadonlySet<string>) {
  const errors: RowError[] = [];
  const planned: PlannedRow[] = [];
  const names = new Set(knownOrganisations);
  const usernames = new Map<string, number>();
  const fail = (row: number, column: string, message: string) => errors.push({ row, column, message });

  for (const { row, cells } of rows) {
    const parentName = cells.上级单位;
    if (!parentName) fail(row, '上级单位', '请填写上级单位名称');
    else if (!names.has(parentName))
      fail(row, '上级单位', `找不到上级单位「${parentName}」：它须已在系统中，或在本表更靠前的行中创建`);

    const type = typeByLabel.get(cells.单位类型);
    if (!type)
      fail(
        row,
        '单位类型',
        `单位类型「${cells.单位类型}」不正确，可选：${[...typeByLabel.keys()].join('、')}`,
      );
    const regionCode = cells.行政区划代码 || null;
    if (regionCode && !/^\d{6}$/.test(regionCode)) fail(row, '行政区划代码', '行政区划代码应为 6 位数字');
    const name = cells.单位名称;
    if (!name) fail(row, '单位名称', '请填写单位名称');
    else if (name.length > 100 || /[\p{Cc}<>]/u.test(name))
      fail(row, '单位名称', '单位名称不能超过 100 个字符，也不能包含尖括号 < >');
    else names.add(name);

    let account: PlannedRow['account'] = null;
    if (cells.用户名 || cells.姓名 || cells.角色) {
      const labels = cells.角色.split(/[、,，;；\s]+/).filter(Boolean);
      const roles = labels.map((l) => roleByLabel.get(l));
      labels.forEach((l, i) => {
        if (!roles[i]) fail(row, '角色', `角色「${l}」不正确，可选：${[...roleByLabel.keys()].join('、')}`);
      });
      const parsed = CreateAccountBody.omit({ organisationId: true, roles: true }).safeParse({
        username: cells.用户名,
        displayName: cells.姓名,
        phone: cells.联系电话 || null,
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const column =
            { username: '用户名', displayName: '姓名', phone: '联系电话' }[String(issue.path[0])] ?? '';
          fail(row, column, issue.message);
        }
      }
      if (labels.length === 0) fail(row, '角色', '请填写至少一个角色');
      const key = cells.用户名.toLowerCase();
      const earlier = usernames.get(key);
      if (key && earlier) fail(row, '用户名', `用户名「${cells.用户名}」与第 ${earlier} 行重复`);
      usernames.set(key, row);
      if (parsed.success) {
        account = {
          ...parsed.data,
          phone: parsed.data.phone ?? null,
          roles: roles.filter((r): r is Role => !!r),
        };
      }
    }
    if (type && name) planned.push({ row, parentName, organisation: { name, type, regionCode }, account });
  }
  return { errors, planned };
}
