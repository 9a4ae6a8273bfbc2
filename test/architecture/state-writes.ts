/**
 * Finds writes of a state or status column in server source (house rule 1: one function applies each
 * aggregate's transitions; nothing else writes state, creation and the demo seed included). What counts
 * as a write:
 * - Kysely `.updateTable(…)…` up to its `.execute…`, when it names a `state:` or `status:` key;
 * - Kysely `.insertInto(…)…` up to its `.execute…`, the same;
 * - raw SQL `UPDATE … SET state|status =` and `INSERT INTO t (… state|status …)`.
 * A helper that spreads its caller's object into `.set` is not seen through: such helpers type their
 * parameter so that it cannot carry the state (see campaigns/service.ts touchCampaign).
 */

export interface StateWrite {
  file: string;
  line: number;
  text: string;
}

/**
 * Where writes may be. Creation counts as a write: each aggregate's creation function sits in the same
 * file as its transition function and inserts the row in its first state (a nomination: a draft, or a
 * forwarded copy submitted from its first moment; a material: the state its origin starts in; a package:
 * queued; a campaign: 筹备中, except the demo's, created 报送中 because no job queue exists while seeding).
 */
export const TRANSITION_FILES: readonly string[] = [
  'modules/nominations/transition-nomination.ts',
  'modules/campaigns/transition-campaign.ts',
  'modules/materials/transition-material.ts',
  'modules/documents/transition-package.ts',
  // Paper dispatches: their own table and transition function (core/paper/states.ts).
  'modules/paper/apply-paper-move.ts',
  // Expert review: rounds and reviews (core/review/round-states.ts, review-states.ts).
  'modules/review/transition-round.ts',
  'modules/review/transition-review.ts',
  // Objections (core/objection/states.ts).
  'modules/objections/transition-objection.ts',
  // 公示 (core/announcement/states.ts); its opening moves the campaign through transition-campaign.ts.
  'modules/announcements/transition-announcement.ts',
  // Showcase stories (core/showcase/story.ts): approval is their one move forward.
  'modules/showcase/approve-story.ts',
];

const STATE_KEY = /(?:^|[\s{,(])['"]?(?:state|status)['"]?\s*:/;
const KYSELY_WRITE = /\.(?:updateTable|insertInto)\(/g;
const RAW_UPDATE = /\bUPDATE\s+\w+\s+SET\b[^;`]*?\b(?:state|status)\s*=/gi;
const RAW_INSERT = /\bINSERT\s+INTO\s+\w+\s*\([^)]*\b(?:state|status)\b[^)]*\)/gi;

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** Every write of a state or status column in one file's text. */
export function findStateWrites(file: string, source: string): StateWrite[] {
  const found: StateWrite[] = [];
  for (const match of source.matchAll(KYSELY_WRITE)) {
    const start = match.index;
    const end = source.indexOf('.execute', start);
    const statement = source.slice(start, end === -1 ? undefined : end);
    if (STATE_KEY.test(statement)) {
      found.push({ file, line: lineOf(source, start), text: statement.split('\n')[0]!.trim() });
    }
  }
  for (const pattern of [RAW_UPDATE, RAW_INSERT]) {
    for (const match of source.matchAll(pattern)) {
      found.push({ file, line: lineOf(source, match.index), text: match[0].split('\n')[0]!.trim() });
    }
  }
  return found;
}

/** The writes outside the transition functions. */
export function misplacedStateWrites(file: string, source: string): StateWrite[] {
  if (TRANSITION_FILES.some((allowed) => file.endsWith(allowed))) return [];
  return findStateWrites(file, source);
}
