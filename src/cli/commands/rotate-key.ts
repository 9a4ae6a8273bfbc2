/**
 * `tuijie rotate-key`: reseals every kept personal value (nominations, the registry's lists, …:
 * cli/reseal-personal-data.ts) with the current key (TUIJIE_DATA_KEY), opening what older keys sealed
 * (TUIJIE_DATA_KEYS_OLD), and recomputes the match hashes. Run after setting a new key and moving the
 * old one to TUIJIE_DATA_KEYS_OLD; once it reports nothing left under old keys, the old key can be
 * removed. Batches commit one by one: interrupted, it resumes where it stopped.
 */
import { resealPersonalData } from '../reseal-personal-data.ts';
import { openRuntime } from '../runtime.ts';

export const summary = '用当前密钥重新加密个人信息（密钥轮换后运行）';

export async function run(): Promise<number> {
  const runtime = await openRuntime(undefined, { reseal: false });
  try {
    for (const note of runtime.dataKeyNotes) console.log(note);
    const report = await resealPersonalData(runtime.db, runtime.dataKeys, {
      onBatch: (c) => console.log(`  已处理 ${c.sealed + c.rotated} 条…`),
    });
    const old = runtime.dataKeys.keys.size - 1;
    const changed = report.reduce((n, r) => n + r.counts.sealed + r.counts.rotated, 0);
    console.log(
      [
        `当前密钥编号：${runtime.dataKeys.current.kid}`,
        ...report.flatMap(({ what, counts }) => [
          `原为明文、现已加密的${what}：${counts.sealed} 条`,
          `由旧密钥改用当前密钥加密的${what}：${counts.rotated} 条`,
        ]),
        changed === 0 ? '所有个人信息均已由当前密钥加密。' : '全部完成。',
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
