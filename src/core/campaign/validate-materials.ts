/** Sense checks for the material specs inside campaign rules (the organiser may edit them). */
import { error, type Finding } from '../findings.ts';
import type { MaterialSetSpec, MaterialSlotSpec } from '../materials/spec.ts';
import type { CampaignMaterials } from './rules.ts';
import { checkRange, checkWhole } from './validate-numbers.ts';

const SET_LABELS: Record<keyof CampaignMaterials, string> = {
  star: '百姓学习之星材料',
  project: '终身学习品牌项目材料',
  specialStar: '特别推介（百姓学习之星）材料',
  specialProject: '特别推介（终身学习品牌项目）材料',
};

function checkOptionalPositive(value: number | undefined, field: string, label: string): Finding[] {
  return value === undefined ? [] : checkWhole(value, field, label, 1);
}

function checkSlot(slot: MaterialSlotSpec, field: string, setLabel: string): Finding[] {
  const label = `${setLabel}·${slot.label || slot.id}`;
  const findings = [
    ...checkRange(slot.count, `${field}.count`, `${label}数量`, 1),
    ...checkOptionalPositive(slot.minBytes, `${field}.minBytes`, `${label}最小文件大小`),
    ...checkOptionalPositive(slot.maxBytes, `${field}.maxBytes`, `${label}单个文件上限`),
    ...checkOptionalPositive(slot.minDpi, `${field}.minDpi`, `${label}最低分辨率`),
    ...checkOptionalPositive(slot.width, `${field}.width`, `${label}宽度`),
    ...checkOptionalPositive(slot.height, `${field}.height`, `${label}高度`),
    ...checkOptionalPositive(slot.fps, `${field}.fps`, `${label}帧率`),
    ...checkOptionalPositive(slot.openingSeconds, `${field}.openingSeconds`, `${label}片头时长`),
    ...checkOptionalPositive(slot.endingSeconds, `${field}.endingSeconds`, `${label}片尾时长`),
  ];
  const capValid = slot.maxBytes !== undefined && checkWhole(slot.maxBytes, '', '', 1).length === 0;
  if (capValid && slot.minBytes !== undefined && slot.minBytes > (slot.maxBytes as number)) {
    findings.push(
      error(
        'MATERIAL_BYTES_RANGE',
        `${field}.maxBytes`,
        `“${label}”的单个文件上限小于最小文件大小，请调大上限或调小最小值。`,
      ),
    );
  }
  if (slot.durationSeconds) {
    findings.push(...checkRange(slot.durationSeconds, `${field}.durationSeconds`, `${label}时长`, 1));
  }
  if (slot.id.trim() === '') {
    findings.push(
      error('MATERIAL_SLOT_ID_MISSING', `${field}.id`, `${setLabel}中有一项材料缺少标识，请补充。`),
    );
  }
  if (slot.formats.length === 0) {
    findings.push(
      error('MATERIAL_FORMATS_MISSING', `${field}.formats`, `请为“${label}”选择至少一种文件格式。`),
    );
  }
  return findings;
}

function checkSet(set: MaterialSetSpec, field: string, setLabel: string): Finding[] {
  const findings = set.slots.flatMap((slot, i) => checkSlot(slot, `${field}.slots.${i}`, setLabel));
  const ids = set.slots.map((slot) => slot.id);
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of new Set(duplicates)) {
    findings.push(
      error('MATERIAL_SLOT_DUPLICATE', `${field}.slots`, `${setLabel}中材料标识“${id}”重复，请修改。`),
    );
  }
  set.atLeastOneOf.forEach((group, i) => {
    const unknown = group.filter((id) => !ids.includes(id));
    if (group.length === 0 || unknown.length > 0) {
      findings.push(
        error(
          'MATERIAL_GROUP_INVALID',
          `${field}.atLeastOneOf.${i}`,
          `${setLabel}的“至少提交其一”组${group.length === 0 ? '为空' : `引用了不存在的材料：${unknown.join('、')}`}，请修改。`,
        ),
      );
    }
  });
  return findings;
}

export function validateMaterials(materials: CampaignMaterials): Finding[] {
  return (Object.keys(SET_LABELS) as (keyof CampaignMaterials)[]).flatMap((key) =>
    checkSet(materials[key], `materials.${key}`, SET_LABELS[key]),
  );
}
