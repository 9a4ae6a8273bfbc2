/**
 * What changed between two versions of a campaign's rules, in Chinese, for the notice units see when
 * the rules changed after they started ("规则已变更"). Values are compared as JSON; lists of things with
 * an `id` (forms, material slots) are matched by id so reordering them is not reported as a change.
 */
import { canonicalJson } from '../canonical-json.ts';
import { formatValue, labelFor } from './diff-labels.ts';
import type { CampaignRules } from './rules.ts';

export interface RuleChange {
  /** Dotted path of what changed, e.g. `quotas.byUnitType.provincial_edu.star`. */
  path: string;
  message: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ranges, contacts and the registration scope read best as one line, so the walk stops at them. */
function isLeaf(value: unknown, path: string[]): boolean {
  if (!isPlainObject(value)) return !Array.isArray(value) || value.every((item) => !isPlainObject(item));
  const keys = Object.keys(value);
  return (
    (keys.length === 2 && 'min' in value && 'max' in value) || path[0] === 'contacts' || 'scope' in value
  );
}

function withIds(list: unknown[]): Map<string, unknown> | null {
  if (!list.every((item) => isPlainObject(item) && typeof item.id === 'string')) return null;
  return new Map(list.map((item) => [(item as { id: string }).id, item]));
}

/** Key order is not content: stored rules come back from jsonb with their keys reordered. */
function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

export function diffRules(before: CampaignRules, after: CampaignRules): RuleChange[] {
  const changes: RuleChange[] = [];
  const label = (path: string[], removed: boolean) => labelFor(removed ? before : after, path);

  function report(path: string[], a: unknown, b: unknown): void {
    const key = path.join('.');
    const last = path.at(-1);
    const show = (value: unknown) => formatValue(value, last);
    if (a === undefined) {
      changes.push({ path: key, message: `新增${label(path, false)}：${show(b)}` });
    } else if (b === undefined) {
      changes.push({ path: key, message: `取消${label(path, true)}（原为${show(a)}）` });
    } else if (Array.isArray(a) && Array.isArray(b) && [...a, ...b].every((x) => typeof x === 'string')) {
      const added = b.filter((x) => !a.includes(x));
      const removed = a.filter((x) => !b.includes(x));
      const parts = [
        added.length ? `新增${formatValue(added)}` : '',
        removed.length ? `删除${formatValue(removed)}` : '',
      ].filter(Boolean);
      const detail = parts.length ? parts.join('；') : `顺序调整为${formatValue(b)}`;
      changes.push({ path: key, message: `${label(path, false)}：${detail}` });
    } else {
      changes.push({ path: key, message: `${label(path, false)}：由${show(a)}改为${show(b)}` });
    }
  }

  function walk(path: string[], a: unknown, b: unknown): void {
    if (same(a, b)) return;
    // A form or material slot added or removed is one line ("新增…视频资料"), not one per field.
    const wholeItem = (value: unknown) =>
      (a === undefined || b === undefined) && isPlainObject(value) && 'id' in value;
    const oneLine = (value: unknown) => value === undefined || isLeaf(value, path) || wholeItem(value);
    if (oneLine(a) && oneLine(b)) {
      report(path, a, b);
    } else if (Array.isArray(a) && Array.isArray(b)) {
      const [byIdA, byIdB] = [withIds(a), withIds(b)];
      if (byIdA && byIdB) {
        for (const id of new Set([...byIdA.keys(), ...byIdB.keys()]))
          walk([...path, id], byIdA.get(id), byIdB.get(id));
      } else {
        for (let i = 0; i < Math.max(a.length, b.length); i++) walk([...path, String(i)], a[i], b[i]);
      }
    } else if (isPlainObject(a) || isPlainObject(b)) {
      // One side may be missing (a unit type given a quota for the first time): compare key by key.
      const [objA, objB] = [isPlainObject(a) ? a : {}, isPlainObject(b) ? b : {}];
      for (const key of new Set([...Object.keys(objA), ...Object.keys(objB)])) {
        walk([...path, key], objA[key], objB[key]);
      }
    } else {
      report(path, a, b);
    }
  }

  walk([], before, after);
  return changes;
}
