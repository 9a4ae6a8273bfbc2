import { formatCredentials, saveDemoCredentials } from '#server/platform/demo-credentials-file.ts';
import { seedDemoDecision } from '#server/seed/demo-decision.ts';
import { seedDemoMaterials } from '#server/seed/demo-materials.ts';
import { seedDemoShowcase } from '#server/seed/demo-showcase.ts';
import { isEmpty, seedDemo } from '#server/seed/seed-demo.ts';
import { openRuntime } from '../runtime.ts';

export const summary = '在空数据库中生成演示单位与账号';

export async function run(): Promise<number> {
  const runtime = await openRuntime();
  try {
    if (!(await isEmpty(runtime.db))) {
      console.error('数据库中已有数据，未生成演示数据。');
      return 1;
    }
    const credentials = await seedDemo(runtime.db, { now: runtime.clock.now() });
    await seedDemoDecision(runtime, runtime.clock.now());
    await seedDemoMaterials(runtime.db, runtime.storage);
    await seedDemoShowcase(runtime, runtime.clock.now());
    await saveDemoCredentials(runtime.config.varDir, credentials);
    console.log(`已生成演示数据。演示账号（一次性密码）：\n${formatCredentials(credentials)}`);
    return 0;
  } finally {
    await runtime.close();
  }
}
