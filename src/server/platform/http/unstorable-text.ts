/**
 * Text in a parsed JSON body that PostgreSQL cannot store as it was sent: a NUL character (refused by
 * `text` and `jsonb`) or a lone UTF-16 surrogate (written as U+FFFD into a `text` column, refused by
 * `jsonb`, so a save half-succeeded into a server fault). Keys count as much as values. Walks without
 * recursion: a body may nest as deep as its size allows.
 */
export type UnstorableText = 'nul' | 'lone-surrogate';

export function findUnstorableText(value: unknown): UnstorableText | null {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      const found = judge(item);
      if (found) return found;
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, element] of Object.entries(item)) {
        const found = judge(key);
        if (found) return found;
        pending.push(element);
      }
    }
  }
  return null;
}

function judge(text: string): UnstorableText | null {
  if (text.includes('\u0000')) return 'nul';
  if (!text.isWellFormed()) return 'lone-surrogate';
  return null;
}
