/**
 * The test app with what material tests look at beside HTTP: every stored file (so a test can see that a
 * refusal stored nothing) and the number of material rows.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createTestApp, type TestApp } from '#test/support/app.ts';

export { secondUnitSession } from '#test/support/app.ts';

export interface MaterialTestApp extends TestApp {
  /** Every file below the files folder, relative, sorted. */
  storedFiles(): Promise<string[]>;
  materialCount(): Promise<number>;
}

export async function createMaterialApp(
  options: Parameters<typeof createTestApp>[0] = {},
): Promise<MaterialTestApp> {
  const t = await createTestApp(options);
  return {
    ...t,
    async storedFiles() {
      const entries = await readdir(t.filesDir, { recursive: true, withFileTypes: true });
      return (
        entries
          .filter((e) => e.isFile())
          .map((e) => path.relative(t.filesDir, path.join(e.parentPath, e.name)))
          // The public site's published pages live beside the stored files; they are not stored files.
          .filter((name) => !name.startsWith(`public-site${path.sep}`))
          .sort()
      );
    },
    async materialCount() {
      const row = await t.database.db
        .selectFrom('materials')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
