import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The executable `command` (`.exe` added on Windows) as the shell would find it on PATH, else undefined. */
export function findOnPath(command: string): string | undefined {
  const name = process.platform === 'win32' ? `${command}.exe` : command;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return undefined;
}
