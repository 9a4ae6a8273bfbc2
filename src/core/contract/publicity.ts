/** A reporting unit's own 公示 of its nominees: what it records, and what the organiser's check shows. */
import { z } from 'zod';
import { PUBLICITY_FILE_TYPES } from '../announcement/file-types.ts';
import { CATEGORIES } from '../campaign/rules.ts';
import { SEVERITIES } from '../findings.ts';

// Its own, not nominations.ts's: that contract embeds NominationPublicity, and the two must not import each other.
const FindingSchema = z.object({
  code: z.string(),
  severity: z.enum(SEVERITIES),
  field: z.string(),
  message: z.string(),
});

const isoDay = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .max(20, `${what}格式不正确`);

/** Shape only: an empty place, a bad link or a short period are core's to say in Chinese (coverage.ts). */
export const UnitPublicityBody = z.object({
  place: z.string({ error: '请填写公示地点' }).max(200, '公示地点不能超过 200 个字符'),
  url: z.string().trim().max(1000, '公示网页链接过长').nullable().default(null),
  fromDay: isoDay('公示开始日期'),
  toDay: isoDay('公示结束日期'),
  nominationIds: z
    .array(z.uuid('推介编号格式不正确'))
    .max(500, '所选推介过多')
    .nullable()
    .default(null)
    .describe('公示的推介；不填（null）表示本单位在本活动中报送的全部推介'),
  published: z.boolean().default(false).describe('是否在平台公开网站上展示本单位的公示'),
});
export const UpdateUnitPublicityBody = UnitPublicityBody.extend({
  version: z.number({ error: '缺少版本号，请刷新后重试' }).int().min(1),
  removeFile: z.boolean().default(false).describe('删除已上传的公示截图或 PDF'),
});
export const VersionQuery = z.object({
  version: z.coerce.number({ error: '缺少版本号，请刷新后重试' }).int().min(1),
});
export const ListUnitPublicitiesQuery = z.object({ unitId: z.uuid('单位编号格式不正确').optional() });

export const PublicityCoverageSchema = z.object({
  required: z.number().describe('应含的工作日数'),
  workingDays: z.number().nullable().describe('公示期所含工作日数；无法计算时为 null'),
  specialDays: z.array(z.string()).describe('期间的节假日、调休上班日'),
  summary: z.string().describe('如「共5个工作日（10月1日至10月7日国庆节放假；…）」'),
  findings: z.array(FindingSchema),
  covers: z.boolean().describe('工作日数足够且无错误'),
});

const PublicityFile = z.object({
  fileName: z.string(),
  contentType: z.enum(Object.keys(PUBLICITY_FILE_TYPES) as [keyof typeof PUBLICITY_FILE_TYPES]),
  bytes: z.number(),
  url: z.string(),
});

export const UnitPublicity = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    place: z.string(),
    url: z.string().nullable(),
    fromDay: z.string(),
    toDay: z.string(),
    nominationIds: z.array(z.string()).nullable(),
    nominations: z
      .array(z.object({ id: z.string(), title: z.string(), category: z.enum(CATEGORIES) }))
      .describe('公示的推介（不填时为本单位全部推介）'),
    file: PublicityFile.nullable(),
    published: z.boolean(),
    recordedAt: z.string(),
    version: z.number(),
    coverage: PublicityCoverageSchema,
    actions: z.array(z.enum(['edit', 'delete'])),
  })
  .meta({ id: 'UnitPublicity' });

export const UnitPublicityResponse = z.object({ publicity: UnitPublicity });
export const UnitPublicityListResponse = z.object({
  items: z.array(UnitPublicity),
  facts: z
    .object({
      calendar: z.object({
        overrides: z.array(z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']) })),
        confirmedYears: z.array(z.number()),
      }),
      rules: z.object({
        workingDays: z.number(),
        startDay: z.enum(['counts_if_working_day', 'never_counts']),
      }),
      deadlineDay: z.string().nullable().describe('本单位的报送截止日（含延期）'),
    })
    .describe('在页面上即时计算公示期所需的日历与规则'),
  mayRecord: z.boolean(),
});

/** What the organiser's formal check shows of one nomination. */
export const NominationPublicity = z
  .object({
    covered: z.boolean().describe('报送单位登记的公示含此推介，且工作日数足够'),
    findings: z.array(FindingSchema),
    records: z.array(
      z.object({
        id: z.string(),
        place: z.string(),
        url: z.string().nullable(),
        fromDay: z.string(),
        toDay: z.string(),
        fileUrl: z.string().nullable(),
        coverage: PublicityCoverageSchema,
      }),
    ),
  })
  .meta({ id: 'NominationPublicity' });

export type UnitPublicity = z.infer<typeof UnitPublicity>;
export type UnitPublicityListResponse = z.infer<typeof UnitPublicityListResponse>;
export type NominationPublicity = z.infer<typeof NominationPublicity>;
export type UnitPublicityResponse = z.infer<typeof UnitPublicityResponse>;
