import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from './db/database.ts';

/** A demo account and its one-time password, as the demo seed made it. */
export interface DemoCredential {
  username: string;
  displayName: string;
  roles: readonly string[];
  password: string;
}

// One-time passwords exist only as hashes in the database; this file (owner-only) keeps them for the
// person who started the demo until each account has chosen its own password, and no longer.
const fileIn = (varDir: string) => path.join(varDir, 'demo-accounts.json');

export async function saveDemoCredentials(varDir: string, credentials: DemoCredential[]) {
  await writeFile(fileIn(varDir), JSON.stringify(credentials, null, 2), { mode: 0o600 });
}

/** The demo accounts whose one-time password is still the one they were given. */
export async function pendingDemoCredentials(db: Db, varDir: string): Promise<DemoCredential[]> {
  if (!existsSync(fileIn(varDir))) return [];
  const saved = JSON.parse(await readFile(fileIn(varDir), 'utf8')) as DemoCredential[];
  const pending = await db
    .selectFrom('accounts')
    .select('username')
    .where('mustChangePassword', '=', true)
    .execute();
  const names = new Set(pending.map((p) => p.username));
  return saved.filter((c) => names.has(c.username));
}

/** An account chose its own password: its one-time password leaves the file. */
export async function forgetDemoCredential(varDir: string, username: string): Promise<void> {
  if (!existsSync(fileIn(varDir))) return;
  const saved = JSON.parse(await readFile(fileIn(varDir), 'utf8')) as DemoCredential[];
  const kept = saved.filter((c) => c.username !== username);
  if (kept.length !== saved.length) await saveDemoCredentials(varDir, kept);
}

export function formatCredentials(credentials: DemoCredential[]): string {
  return credentials.map((c) => `  ${c.username.padEnd(14)}${c.password}   ${c.displayName}`).join('\n');
}
