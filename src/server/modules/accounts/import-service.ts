import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError, forbidden } from '#server/platform/errors.ts';
import { findVisibleOrganisation, insertOrganisation, listOrganisations } from '../organisations/service.ts';
import { planImport } from './import-rows.ts';
import { readImportWorkbook } from './import-workbook.ts';
import { canCreateAccountIn, canImportAccounts } from './rules.ts';
import { insertAccount } from './service.ts';

/**
 * Imports organisations and accounts from a workbook: all rows or nothing. Every problem found is
 * reported with its row and column; a problem met while writing rolls the whole import back.
 */
export async function importOrganisationsAndAccounts(db: Db, actor: Actor, file: Buffer) {
  if (!canImportAccounts(actor)) throw forbidden();
  const rows = await readImportWorkbook(file);
  const existing = await listOrganisations(db, actor);
  const { errors, planned } = planImport(rows, new Set(existing.map((o) => o.name)));
  const invalid = () =>
    new AppError('IMPORT_INVALID', `导入文件有 ${errors.length} 处错误，未导入任何数据。请修改后重新上传。`, {
      errors,
    });
  if (errors.length > 0) throw invalid();

  return db.transaction().execute(async (trx) => {
    const byName = new Map(existing.map((o) => [o.name, o]));
    const created: {
      username: string;
      displayName: string;
      organisationName: string;
      initialPassword: string;
    }[] = [];
    let organisationsCreated = 0;
    for (const p of planned) {
      const parent = byName.get(p.parentName)!;
      let org = byName.get(p.organisation.name);
      if (!org || org.parentId !== parent.id) {
        const lockedParent = await findVisibleOrganisation(trx, actor, parent.id, true);
        try {
          org = await insertOrganisation(trx, actor, lockedParent, p.organisation);
        } catch (e) {
          if (e instanceof AppError) errors.push({ row: p.row, column: '单位名称', message: e.message });
          throw e instanceof AppError ? invalid() : e;
        }
        byName.set(org.name, org);
        organisationsCreated++;
      }
      if (!p.account) continue;
      if (!canCreateAccountIn(actor, org.path, p.account.roles)) {
        errors.push({ row: p.row, column: '角色', message: '您不能在该单位创建具有这些角色的账号' });
        throw invalid();
      }
      try {
        const { account, initialPassword } = await insertAccount(trx, actor, org, p.account);
        created.push({
          username: account.username,
          displayName: account.displayName,
          organisationName: org.name,
          initialPassword,
        });
      } catch (e) {
        if (e instanceof AppError) errors.push({ row: p.row, column: '用户名', message: e.message });
        throw e instanceof AppError ? invalid() : e;
      }
    }
    return { organisationsCreated, accounts: created };
  });
}
