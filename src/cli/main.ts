/**
 * The `tuijie` command. Each sub-command lives in its own file under commands/ and exports
 * `run(args): Promise<number>`, the process exit code.
 */
type Command = { run: (args: string[]) => Promise<number>; summary: string };

const commands: Record<string, () => Promise<Command>> = {
  serve: () => import('./commands/serve.ts'),
  migrate: () => import('./commands/migrate.ts'),
  seed: () => import('./commands/seed.ts'),
  calendar: () => import('./commands/calendar.ts'),
  'check-id': () => import('./commands/check-id.ts'),
  'check-credit-code': () => import('./commands/check-credit-code.ts'),
  check: () => import('./commands/check.ts'),
  export: () => import('./commands/export.ts'),
  rank: () => import('./commands/rank.ts'),
  'nginx-config': () => import('./commands/nginx-config.ts'),
  'rotate-key': () => import('./commands/rotate-key.ts'),
  backup: () => import('./commands/backup.ts'),
  restore: () => import('./commands/restore.ts'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = await Promise.all(
      Object.entries(commands).map(async ([key, load]) => `  ${key.padEnd(20)}${(await load()).summary}`),
    );
    console.log(`用法：tuijie <命令> [参数]\n\n命令：\n${lines.join('\n')}`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`未知命令「${name}」。运行 tuijie --help 查看可用命令。`);
    return 2;
  }
  try {
    return await (await load()).run(args);
  } catch (e) {
    // A key that is missing or wrong is the operator's to fix: the message, not a stack trace.
    if (e instanceof Error && 'forOperator' in e) {
      console.error(`无法启动：${e.message}`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
