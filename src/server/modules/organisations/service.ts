import { randomUUID } from 'node:crypto';
import type { OrganisationType } from '#core/campaign/unit-types.ts';
import { type Actor, inSubtree } from '#server/platform/auth/actor.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, notFound, staleVersion } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';
import {
  findChildByName,
  findOrganisation,
  listChildren,
  listSubtree,
  lockOrganisation,
  ORGANISATION_COLUMNS,
  type OrganisationRow,
} from './queries.ts';
import { organisationRules } from './rules.ts';

const snapshot = (o: OrganisationRow) => ({
  name: o.name,
  type: o.type,
  regionCode: o.regionCode,
  disabled: o.disabled,
});

/** An organisation outside the actor's subtree does not exist for them. */
async function visible(db: Db | Trx, actor: Actor, id: string, lock = false): Promise<OrganisationRow> {
  const org = lock ? await lockOrganisation(db as Trx, id) : await findOrganisation(db, id);
  if (!org || !inSubtree(actor, org.path)) throw notFound('单位');
  return org;
}

export async function listOrganisations(db: Db, actor: Actor) {
  const own = await visible(db, actor, actor.organisationId);
  organisationRules.authorize(actor, 'view', own);
  return listSubtree(db, actor.organisationPath);
}

export interface NewOrganisation {
  name: string;
  type: OrganisationType;
  regionCode?: string | null;
}

/** Inserts a child under a locked parent; shared by the create use case, the XLSX import and the seed. */
export async function insertOrganisation(
  trx: Trx,
  actor: Actor | null,
  parent: OrganisationRow,
  input: NewOrganisation,
) {
  if (await findChildByName(trx, parent.id, input.name)) {
    throw new AppError('DUPLICATE_ORGANISATION_NAME', `「${parent.name}」下已有名为「${input.name}」的单位`);
  }
  const id = randomUUID();
  const org = await trx
    .insertInto('organisations')
    .values({
      id,
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      name: input.name,
      type: input.type,
      regionCode: input.regionCode ?? null,
    })
    .returning(ORGANISATION_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'organisation.created',
    entityType: 'organisation',
    entityId: org.id,
    scopePath: org.path,
    after: snapshot(org),
  });
  return org;
}

/** The top of the tree, made once when the platform is first set up. */
export async function insertRootOrganisation(trx: Trx, name: string) {
  const id = randomUUID();
  const root = await trx
    .insertInto('organisations')
    .values({ id, parentId: null, path: `/${id}/`, name, type: 'platform', regionCode: null })
    .returning(ORGANISATION_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordAudit(trx, null, {
    action: 'organisation.created',
    entityType: 'organisation',
    entityId: root.id,
    scopePath: root.path,
    after: snapshot(root),
  });
  return root;
}

export async function createOrganisation(
  db: Db,
  actor: Actor,
  input: NewOrganisation & { parentId: string },
) {
  return db.transaction().execute(async (trx) => {
    const parent = await visible(trx, actor, input.parentId, true);
    organisationRules.authorize(actor, 'createChild', parent);
    return insertOrganisation(trx, actor, parent, input);
  });
}

export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  input: { name?: string; type?: OrganisationType; regionCode?: string | null; version: number },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const before = await visible(trx, actor, id, true);
    organisationRules.authorize(actor, 'update', before);
    if (before.version !== input.version) throw staleVersion();
    if (
      input.name &&
      input.name !== before.name &&
      before.parentId &&
      (await findChildByName(trx, before.parentId, input.name))
    ) {
      throw new AppError('DUPLICATE_ORGANISATION_NAME', `同一上级下已有名为「${input.name}」的单位`);
    }
    const after = await trx
      .updateTable('organisations')
      .set({
        name: input.name ?? before.name,
        type: input.type ?? before.type,
        regionCode: input.regionCode === undefined ? before.regionCode : input.regionCode,
        version: before.version + 1,
        updatedAt: now,
      })
      .where('id', '=', id)
      .returning(ORGANISATION_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: id,
      scopePath: after.path,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

export async function setOrganisationDisabled(
  db: Db,
  actor: Actor,
  id: string,
  disabled: boolean,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const before = await visible(trx, actor, id, true);
    organisationRules.authorize(actor, disabled ? 'disable' : 'enable', before);
    const after = await trx
      .updateTable('organisations')
      .set({ disabled, version: before.version + 1, updatedAt: now })
      .where('id', '=', id)
      .returning(ORGANISATION_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: disabled ? 'organisation.disabled' : 'organisation.enabled',
      entityType: 'organisation',
      entityId: id,
      scopePath: after.path,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/**
 * For other modules: an organisation by id and an organisation's active children, whoever asks (they
 * apply their own rules: a campaign's reporting units are its organiser's children).
 */
export {
  findOrganisation as findOrganisationById,
  listChildren as listActiveChildren,
  visible as findVisibleOrganisation,
};
