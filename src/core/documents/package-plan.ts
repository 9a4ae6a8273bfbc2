/**
 * What goes into a submission package, decided before a byte is written: the ZIP's entries in order
 * and, in their place, the parts that should be there and are not. Pure, so the layout is tested
 * without storage; the builder (server) only streams what the plan names.
 *
 *   [单位/]  百姓学习之星推介登记表.xlsx
 *            百姓学习之星/01_张三/推介表.docx, 推介表.pdf, 证件照.jpg, 个人照片.jpg, 视频.mp4
 *            终身学习品牌项目/01_社区读书会/…
 *   清单.csv (written last, by the builder)
 */
import type { CampaignRules, Category } from '../campaign/rules.ts';
import type { Finding } from '../findings.ts';
import { type MaterialSetKey, setsForNomination } from '../materials/nomination-slots.ts';
import { fileStatus, type MaterialState, unwaivedErrors } from '../materials/slot-status.ts';
import { materialSubmitFindings } from '../materials/submit-rule.ts';
import { registrationRows } from '../nomination/registration-table.ts';
import { formHeading } from './default-layouts.ts';
import { safeName } from './file-names.ts';
import { materialBaseName, materialEntryName, materialExtension, nominationFolder } from './package-names.ts';

export const MANIFEST_NAME = '清单.csv';

export interface PackageMaterial {
  id: string;
  setKey: string;
  slotId: string;
  fileName: string;
  storageKey: string;
  sha256: string;
  state: MaterialState;
  chosen: boolean;
  findings: Finding[];
  waivers: { code: string; reason?: string }[];
  probed: unknown;
  /** False when the storage no longer holds the bytes. */
  stored: boolean;
}

export interface PackageNomination {
  id: string;
  unitId: string;
  unitName: string;
  category: Category;
  rank: number;
  special: boolean;
  state: string;
  name: string;
  materials: PackageMaterial[];
}

export type EntrySource =
  | { kind: 'form'; nominationId: string; format: 'docx' | 'pdf' }
  | { kind: 'material'; storageKey: string; sha256: string }
  | { kind: 'registration'; unitId: string; category: Category };

/** A line of the plan: a file to write (`source`), or a part that is missing (no source). */
export interface PlannedItem {
  path: string;
  source?: EntrySource;
  /** The 检查结果 column of 清单.csv. */
  result: string;
}

export interface PlanOptions {
  rules: CampaignRules;
  /** Folder per unit when the package holds more than one unit's nominations (organiser, whole campaign). */
  byUnit: boolean;
  /** Why there is no PDF of the forms (LibreOffice missing), or null when PDFs are made. */
  pdfUnavailable: string | null;
}

const GENERATED = '由平台生成';

function materialResult(file: PackageMaterial): string {
  const warnings = file.findings.filter((f) => f.severity === 'warning').map((f) => f.message);
  const hint = warnings.length > 0 ? `；提示：${warnings.join('；')}` : '';
  switch (fileStatus(file)) {
    case 'passed':
      return `通过${hint}`;
    case 'pending':
      return '未检查：检查尚未完成，请在平台上查看结果后再报送';
    case 'waived':
      return `未通过，已由组织单位豁免：${file.findings
        .filter((f) => f.severity === 'error')
        .map((f) => `${f.message}（${file.waivers.find((w) => w.code === f.code)?.reason ?? ''}）`)
        .join('；')}`;
    default:
      return `未通过：${unwaivedErrors(file)
        .map((f) => f.message)
        .join('；')}`;
  }
}

/** Missing required material, short counts, an unmet 至少提交其一: from the submit rule itself. */
const MISSING_CODES = new Set(['MATERIAL_MISSING', 'MATERIAL_COUNT_BELOW_MIN', 'MATERIAL_ONE_OF_MISSING']);

function nominationItems(n: PackageNomination, folder: string, options: PlanOptions): PlannedItem[] {
  const items: PlannedItem[] = [];
  const returned = n.state === 'returned' ? '（该推介已退回修改，此为上次提交的内容）' : '';
  items.push({
    path: `${folder}/推介表.docx`,
    source: { kind: 'form', nominationId: n.id, format: 'docx' },
    result: `${GENERATED}${returned}`,
  });
  if (options.pdfUnavailable === null) {
    items.push({
      path: `${folder}/推介表.pdf`,
      source: { kind: 'form', nominationId: n.id, format: 'pdf' },
      result: `${GENERATED}${returned}`,
    });
  }
  const sets = setsForNomination(options.rules.materials, n);
  for (const { setKey, set } of sets) {
    for (const slot of set.slots) {
      const files = n.materials.filter((m) => m.setKey === setKey && m.slotId === slot.id && m.chosen);
      files.forEach((file, index) => {
        const name = materialEntryName(
          { setKey, slot },
          index,
          materialExtension(file.probed, file.fileName),
        );
        items.push(
          file.stored
            ? {
                path: `${folder}/${name}`,
                source: { kind: 'material', storageKey: file.storageKey, sha256: file.sha256 },
                result: materialResult(file),
              }
            : {
                path: `${folder}/${name}`,
                result: `缺失：“${file.fileName}”在文件存储中找不到，请重新上传`,
              },
        );
      });
      if (files.length === 0 && !slot.required && !set.atLeastOneOf.some((g) => g.includes(slot.id))) {
        items.push({
          path: `${folder}/${materialBaseName({ setKey, slot })}`,
          result: `未提交（选交材料：${slot.label}）`,
        });
      }
    }
  }
  const missing = materialSubmitFindings(options.rules.materials, n, n.materials).filter((f) =>
    MISSING_CODES.has(f.code),
  );
  for (const finding of missing) {
    const [, setKey, slotId] = finding.field.split('.') as [string, MaterialSetKey, string?];
    const slot = sets.find((s) => s.setKey === setKey)?.set.slots.find((s) => s.id === slotId);
    const where = slot ? materialBaseName({ setKey, slot }) : '材料';
    items.push({ path: `${folder}/${where}`, result: `缺失：${finding.message}` });
  }
  return items;
}

/** The plan: units by name, in each the registration tables, then each category's nominations in 排序. */
export function planPackage(nominations: readonly PackageNomination[], options: PlanOptions): PlannedItem[] {
  const items: PlannedItem[] = [];
  if (options.pdfUnavailable !== null) {
    items.push({ path: '推介表.pdf', result: `未生成：${options.pdfUnavailable}` });
  }
  if (nominations.length === 0) {
    items.push({ path: '', result: '没有已提交的推介：本包只含清单' });
  }
  const units = [...new Set(nominations.map((n) => n.unitId))]
    .map((unitId) => nominations.find((n) => n.unitId === unitId)!)
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN'));
  for (const unit of units) {
    const root = options.byUnit ? `${safeName(unit.unitName, '报送单位')}/` : '';
    for (const category of ['star', 'project'] as const) {
      const mine = nominations.filter((n) => n.unitId === unit.unitId && n.category === category);
      if (mine.length === 0) continue;
      const { title } = formHeading(options.rules, `${category}.registration`, `${category}推介登记表`);
      items.push({
        path: `${root}${safeName(title)}.xlsx`,
        source: { kind: 'registration', unitId: unit.unitId, category },
        result: GENERATED,
      });
      const byId = new Map(mine.map((n) => [n.id, n]));
      const ordered = registrationRows(mine, category, options.rules);
      const categoryFolder = safeName(options.rules.categories[category].label);
      for (const row of ordered) {
        const n = byId.get(row.id)!;
        const folder = `${root}${categoryFolder}/${nominationFolder(row.rank, n.name, ordered.length)}`;
        items.push(...nominationItems(n, folder, options));
      }
    }
  }
  return items;
}
