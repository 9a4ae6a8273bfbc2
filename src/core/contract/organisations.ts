/** The organisation tree as the caller may see it, and what may be sent to change it. */
import { z } from 'zod';
import { ORGANISATION_TYPES } from '../campaign/unit-types.ts';
import { nameText, version } from './fields.ts';

export const organisationType = z.enum(Object.keys(ORGANISATION_TYPES) as [keyof typeof ORGANISATION_TYPES], {
  error: '单位类型不正确',
});
const regionCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
  .nullable()
  .optional();

export const OrganisationAction = z.enum(['view', 'createChild', 'update', 'disable', 'enable']);

export const Organisation = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    /** The stored type, which an old or hand-made row may have outside the known list. */
    type: z.string(),
    typeLabel: z.string(),
    regionCode: z.string().nullable(),
    disabled: z.boolean(),
    version: z.number(),
    actions: z.array(OrganisationAction),
  })
  .meta({ id: 'Organisation' });

export const CreateOrganisationBody = z.object({
  parentId: z.uuid('上级单位编号格式不正确'),
  name: nameText('单位名称', 100),
  type: organisationType,
  regionCode,
});

export const UpdateOrganisationBody = z.object({
  name: nameText('单位名称', 100).optional(),
  type: organisationType.optional(),
  regionCode,
  version,
});

export const OrganisationResponse = z.object({ organisation: Organisation });
export const OrganisationListResponse = z.object({ items: z.array(Organisation) });

export type OrganisationAction = z.infer<typeof OrganisationAction>;
export type Organisation = z.infer<typeof Organisation>;
export type OrganisationInput = Omit<z.input<typeof CreateOrganisationBody>, 'parentId'>;
export type OrganisationResponse = z.infer<typeof OrganisationResponse>;
export type OrganisationListResponse = z.infer<typeof OrganisationListResponse>;
