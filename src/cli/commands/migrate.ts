import { openRuntime } from '../runtime.ts';

export const summary = '执行数据库迁移';

export async function run(): Promise<number> {
  const runtime = await openRuntime();
  try {
    const applied = runtime.migrationsApplied;
    console.log(
      applied.length
        ? `已执行迁移：\n${applied.map((m) => `  ${m}`).join('\n')}`
        : '数据库已是最新，无需迁移',
    );
    return 0;
  } finally {
    await runtime.close();
  }
}
