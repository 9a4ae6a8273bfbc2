/**
 * `tuijie rotate-key`: reseals every nomination's personal data with the current key
 * (TUIJIE_DATA_KEY), opening what older keys sealed (TUIJIE_DATA_KEYS_OLD). Run after setting a new
 * key and moving the old one to TUIJIE_DATA_KEYS_OLD; once it reports nothing left under old keys,
 * the old key can be removed. Batches commit one by one: interrupted, it resumes where it stopped.
 */
import { resealNominations } from '#server/modules/nominations/reseal-nominations.ts';
import { openRuntime } from '../runtime.ts';

export const summary = '用当前密钥重新加密个人信息（密钥轮换后运行）';

export async function run(): Promise<number> {
  const runtime = await openRuntime(undefined, { reseal: false });
  try {
    for (const note of runtime.dataKeyNotes) console.log(note);
    const counts = await resealNominations(runtime.db, runtime.dataKeys, {
      onBatch: (c) => console.log(`  已处理 ${c.sealed + c.rotated} 条…`),
    });
    const old = runtime.dataKeys.keys.size - 1;
    console.log(
      [
        `当前密钥编号：${runtime.dataKeys.current.kid}`,
        `原为明文、现已加密的推介：${counts.sealed} 条`,
        `由旧密钥改用当前密钥加密的推介：${counts.rotated} 条`,
        counts.sealed + counts.rotated === 0 ? '所有推介的个人信息均已由当前密钥加密。' : '全部完成。',
        old > 0 ? `现在可以从 TUIJIE_DATA_KEYS_OLD 中删除 ${old} 个旧密钥。` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
    return 0;
  } finally {
    await runtime.close();
  }
}
