/**
 * Organisations with their people: an organiser (an organisation under the platform, or under another
 * organiser, with its admin), a reporting unit under an organiser with its submitter, an expert of an
 * organiser. Each organisation is made by the admin above it through the organisations service.
 */
import type { OrganisationType } from '#core/campaign/unit-types.ts';
import { createOrganisation } from '#server/modules/organisations/service.ts';
import { type HasContext, newAccount, platformAdmin, type TestAccount, uniqueName } from './accounts.ts';

export interface TestOrganiser {
  organisationId: string;
  organisationPath: string;
  name: string;
  type: OrganisationType;
  admin: TestAccount;
}

export interface TestUnit {
  organisationId: string;
  organisationPath: string;
  name: string;
  type: OrganisationType;
  /** The unit's 填报员. */
  submitter: TestAccount;
}

/** An organiser: by default a provincial 教育厅 under the platform, with an organiser admin. */
export async function newOrganiser(
  t: HasContext,
  options: { name?: string; type?: OrganisationType; parent?: TestOrganiser; regionCode?: string } = {},
): Promise<TestOrganiser> {
  const above = options.parent?.admin ?? (await platformAdmin(t));
  const org = await createOrganisation(t.context.db, above.actor, {
    parentId: above.organisationId,
    name: options.name ?? `${uniqueName('测试')}省教育厅`,
    type: options.type ?? 'provincial_edu',
    regionCode: options.regionCode ?? null,
  });
  const admin = await newAccount(t, above, { organisationId: org.id, roles: ['organiser_admin'] });
  return {
    organisationId: org.id,
    organisationPath: org.path,
    name: org.name,
    type: org.type as OrganisationType,
    admin,
  };
}

/**
 * A reporting unit directly below `organiser` (so it reports to the organiser's campaigns), made by the
 * organiser's admin, with a submitter. The type decides its quota: a 市（州）教育局 by default, which the
 * Jilin template counts; pass `provincial_edu` for the national one.
 */
export async function newUnit(
  t: HasContext,
  organiser: TestOrganiser,
  options: { name?: string; type?: OrganisationType; regionCode?: string } = {},
): Promise<TestUnit> {
  const org = await createOrganisation(t.context.db, organiser.admin.actor, {
    parentId: organiser.organisationId,
    name: options.name ?? `${uniqueName('测试')}市教育局`,
    type: options.type ?? 'city_edu',
    regionCode: options.regionCode ?? null,
  });
  const submitter = await newAccount(t, organiser.admin, {
    organisationId: org.id,
    roles: ['unit_submitter'],
  });
  return {
    organisationId: org.id,
    organisationPath: org.path,
    name: org.name,
    type: org.type as OrganisationType,
    submitter,
  };
}

/** A 评审专家 of the organiser, made by its admin (the role exists in core/accounts/roles.ts). */
export function newExpert(t: HasContext, organiser: TestOrganiser): Promise<TestAccount> {
  return newAccount(t, organiser.admin, { organisationId: organiser.organisationId, roles: ['expert'] });
}
