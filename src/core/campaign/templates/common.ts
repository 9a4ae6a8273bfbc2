/**
 * Pieces both notices share word for word, written once so a difference between the templates is
 * always a difference between the notices.
 */
import { MAX_BYTES } from '#core/materials/limits.ts';
import type { MaterialSlotSpec } from '#core/materials/spec.ts';
import type { Category, CategoryInfo, RequiredForm } from '../rules.ts';

export const CATEGORY_INFO: Record<Category, CategoryInfo> = {
  star: { label: '百姓学习之星', unit: '名', specialLabel: '事迹特别感人的百姓学习之星' },
  project: { label: '终身学习品牌项目', unit: '个', specialLabel: '特别受百姓喜爱的终身学习品牌项目' },
};

/** 重点面向基层员工、社区居民、乡村农民、退役军人，关注老年人、残疾人等群体 (both notices). */
export const STAR_FOCUS_GROUPS = ['基层员工', '社区居民', '乡村农民', '退役军人', '老年人', '残疾人'];

/** Short titles of the four star conditions; the wording of 条件3 differs slightly between notices. */
export const STAR_CONDITIONS = [
  '条件1：热爱祖国，拥护党的领导和社会主义制度',
  '条件2：践行社会主义核心价值观，弘扬中华优秀传统文化',
  '条件3：坚持终身学习，成效显著，事迹感染力强',
  '条件4：带动群众参与学习，群众认可度高，示范带头',
];

export const PROJECT_CONDITIONS = [
  '条件1：体现党的二十大精神，具有引领作用',
  '条件2：符合新时代精神文明建设要求，创建学习场景',
  '条件3：有具体的项目名称、活动内容与措施，不以单位或院校名称上报',
  '条件4：组织有计划，场所稳定，经费有保障，队伍素质高',
  '条件5：持续稳定运行，具有示范性和推广价值',
];

export function requiredForms(paperCopies: number): RequiredForm[] {
  return [
    { id: 'star.form', category: 'star', title: '《百姓学习之星推介表》', attachment: 1, paperCopies },
    {
      id: 'star.registration',
      category: 'star',
      title: '《百姓学习之星推介登记表》',
      attachment: 2,
      paperCopies,
    },
    {
      id: 'project.form',
      category: 'project',
      title: '《终身学习品牌项目推介表》',
      attachment: 3,
      paperCopies,
    },
    {
      id: 'project.registration',
      category: 'project',
      title: '《终身学习品牌项目推介登记表》',
      attachment: 4,
      paperCopies,
    },
  ];
}

/**
 * 技术要求：MP4格式，编码：H.264，分辨率：1280*720P，帧率：25，视频时间4-5分钟 (both notices).
 * The national notice adds 片头10秒，片尾5秒 and no logos; those go in through `extra`.
 */
export function videoSlot(options: {
  required: boolean;
  label?: string;
  extra?: Pick<MaterialSlotSpec, 'openingSeconds' | 'endingSeconds'>;
  attestations?: string[];
}): MaterialSlotSpec {
  return {
    id: 'video',
    label: options.label ?? '视频资料',
    kind: 'video',
    formats: ['mp4'],
    required: options.required,
    count: { min: 1, max: 1 },
    width: 1280,
    height: 720,
    fps: 25,
    videoCodec: 'h264',
    durationSeconds: { min: 240, max: 300 },
    // The notices set no cap; 500 MiB holds a 5-minute 720p film at any sensible bitrate.
    maxBytes: MAX_BYTES.video,
    ...options.extra,
    attestations: [...(options.attestations ?? [])],
  };
}

/**
 * 近年开展学习活动的工作总结（1500字左右）: the notices list it as material of its own beside the 推介表,
 * so it is asked for once, here, as a document (uploaded, or generated from text written on the page).
 */
export function workSummarySlot(targetChars: number): MaterialSlotSpec {
  return {
    id: 'workSummary',
    label: `近年开展学习活动的工作总结（${targetChars}字左右）`,
    kind: 'document',
    formats: ['docx', 'doc', 'pdf'],
    required: true,
    count: { min: 1, max: 1 },
    maxBytes: MAX_BYTES.document,
    attestations: [],
  };
}
