/**
 * Automatic assignment of reviews: every nomination gets N reviews from experts without a conflict,
 * every expert a load within their minimum and maximum, as a minimum-cost flow
 *
 *   source → nomination (N) → nomination × expert's province → expert × nomination's province → expert → sink
 *
 * where the costs prefer, in this order: reaching every expert's minimum load (a cost far above the
 * others on reviews beyond the minimum), reviewers of one nomination from different provinces (each
 * further reviewer from a province already on it costs more), balanced loads, and each expert's
 * nominations spread over provinces. The flow is optimal for these costs, so when it cannot place every
 * review no assignment can, and the message names the constraint that fails. The seed orders the
 * nodes, which decides among equally good assignments: the same seed gives the same result.
 */
import { error, type Finding } from '../findings.ts';
import { provinceCode } from '../nomination/province-code.ts';
import {
  type AssignmentInput,
  type AssignmentResult,
  DEFAULT_REVIEWS_PER_NOMINATION,
  type ExpertLoad,
  type ReviewPair,
} from './assignment-input.ts';
import { FlowNetwork } from './min-cost-flow.ts';
import { seededRandom, shuffled } from './seeded-random.ts';

/** A review beyond an expert's minimum: far above every other cost, so minimums are met first. */
const BEYOND_MINIMUM = 1_000_000;
/** The k-th reviewer of one nomination from the same province costs (k − 1) · this. */
const SAME_PROVINCE_ON_NOMINATION = 20;
/** Loads rise in steps of about an eighth of the average load, each step costing this much more. */
const LOAD_STEP = 3;
const LOAD_STEPS = 8;
/** The k-th nomination of one province for one expert costs (k − 1) · this, up to a ceiling. */
const SAME_PROVINCE_FOR_EXPERT = 1;
const PROVINCE_SPREAD_EDGES = 10;
const LISTED = 10;

const pairKey = (nominationId: string, expertId: string) => `${nominationId}\u0000${expertId}`;

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).join('、');
  return names.length > LISTED ? `${shown}等${names.length}项` : shown;
}

interface Prepared {
  need: number[];
  minLoad: number[];
  maxLoad: number[];
  eligible: number[][];
}

/** The checks that need no flow: each names the constraint that cannot be met. */
function precheck(input: AssignmentInput, n: number, fixed: ReviewPair[]): Prepared | Finding[] {
  const { experts, nominations } = input;
  const findings: Finding[] = [];
  const expertIndex = new Map(experts.map((e, i) => [e.id, i]));
  const nominationIndex = new Map(nominations.map((x, i) => [x.id, i]));
  const blocked = new Set(input.conflicted.map((p) => pairKey(p.nominationId, p.expertId)));
  const fixedKeys = new Set(fixed.map((p) => pairKey(p.nominationId, p.expertId)));
  const need = nominations.map(() => n);
  const fixedLoad = experts.map(() => 0);
  for (const pair of fixed) {
    const i = nominationIndex.get(pair.nominationId);
    const e = expertIndex.get(pair.expertId);
    if (i === undefined || e === undefined) continue;
    need[i] = Math.max(0, need[i]! - 1);
    fixedLoad[e]! += 1;
  }
  const minLoad = experts.map((x, e) => Math.max(0, (x.minLoad ?? 0) - fixedLoad[e]!));
  const maxLoad = experts.map((x, e) => (x.maxLoad ?? Number.MAX_SAFE_INTEGER) - fixedLoad[e]!);
  experts.forEach((x, e) => {
    if ((x.minLoad ?? 0) > (x.maxLoad ?? Number.MAX_SAFE_INTEGER))
      findings.push(
        error(
          'ASSIGNMENT_LOAD_RANGE',
          `experts.${e}`,
          `专家${x.name}的最低工作量（${x.minLoad}份）高于最高工作量（${x.maxLoad}份）`,
        ),
      );
    else if (maxLoad[e]! < 0)
      findings.push(
        error(
          'ASSIGNMENT_FIXED_OVER_MAX',
          `experts.${e}`,
          `专家${x.name}已安排${fixedLoad[e]}份评审，超过最高工作量${x.maxLoad}份，请先调整已有安排`,
        ),
      );
  });
  if (findings.length > 0) return findings;

  const eligible = nominations.map((x) =>
    experts.flatMap((expert, e) =>
      maxLoad[e]! > 0 && !blocked.has(pairKey(x.id, expert.id)) && !fixedKeys.has(pairKey(x.id, expert.id))
        ? [e]
        : [],
    ),
  );
  const short = nominations.filter((_, i) => eligible[i]!.length < need[i]!);
  if (short.length > 0)
    findings.push(
      error(
        'ASSIGNMENT_TOO_FEW_EXPERTS',
        'nominations',
        `以下推介无需回避且尚有工作量的专家不足${n}位，无法安排${n}份评审：${listNames(short.map((x) => x.label))}。请增加专家或核实回避情况`,
      ),
    );
  const demand = need.reduce((a, b) => a + b, 0);
  const capacity = maxLoad.reduce((a, b) => a + Math.min(b, demand), 0);
  if (capacity < demand)
    findings.push(
      error(
        'ASSIGNMENT_CAPACITY',
        'experts',
        `专家最高工作量合计${capacity}份，少于所需的${demand}份评审（${nominations.length}项推介，每项${n}份），请提高最高工作量或增加专家`,
      ),
    );
  const minimum = minLoad.reduce((a, b) => a + b, 0);
  if (minimum > demand)
    findings.push(
      error(
        'ASSIGNMENT_MIN_LOAD_TOO_HIGH',
        'experts',
        `专家最低工作量合计${minimum}份，多于所需的${demand}份评审，请降低最低工作量`,
      ),
    );
  const reachable = experts.map(() => 0);
  eligible.forEach((list) => {
    for (const e of list) reachable[e]! += 1;
  });
  const starved = experts.filter((_, e) => reachable[e]! < minLoad[e]!);
  if (starved.length > 0)
    findings.push(
      error(
        'ASSIGNMENT_MIN_LOAD_UNREACHABLE',
        'experts',
        `以下专家可评审（无需回避）的推介少于其最低工作量：${starved
          .map((x) => `${x.name}（最低${x.minLoad}份，可评${reachable[experts.indexOf(x)]}项）`)
          .join('、')}`,
      ),
    );
  return findings.length > 0 ? findings : { need, minLoad, maxLoad, eligible };
}

export function assignReviews(input: AssignmentInput): AssignmentResult {
  const n = input.reviewsPerNomination ?? DEFAULT_REVIEWS_PER_NOMINATION;
  const fixed = [...(input.fixed ?? [])];
  const prepared = precheck(input, n, fixed);
  if (Array.isArray(prepared)) return { ok: false, findings: prepared };
  const { need, minLoad, maxLoad, eligible } = prepared;
  const { experts, nominations } = input;
  const random = seededRandom(input.seed);
  const demand = need.reduce((a, b) => a + b, 0);
  const average = Math.ceil(demand / Math.max(1, experts.length));
  const step = Math.max(1, Math.ceil(average / LOAD_STEPS));
  const expertProvince = experts.map((x, e) => provinceCode(x.province) ?? `?${e}`);
  const nominationProvince = nominations.map((x) => provinceCode(x.province) ?? '?');

  const net = new FlowNetwork();
  const source = net.addNode();
  const sink = net.addNode();
  const expertNode: number[] = [];
  const expertByProvince = new Map<string, number>();
  for (const e of shuffled([...experts.keys()], random)) {
    const node = net.addNode();
    expertNode[e] = node;
    if (minLoad[e]! > 0) net.addEdge(node, sink, minLoad[e]!, 0);
    const extra = Math.min(maxLoad[e]!, demand) - minLoad[e]!;
    for (let done = 0, k = 1; done < extra; done += step, k++)
      net.addEdge(node, sink, Math.min(step, extra - done), BEYOND_MINIMUM + LOAD_STEP * k);
  }
  /** The node "expert e × nominations of province q", made on first use with its convex spread edges. */
  const expertSide = (e: number, q: string): number => {
    const key = `${e}|${q}`;
    let node = expertByProvince.get(key);
    if (node !== undefined) return node;
    node = net.addNode();
    expertByProvince.set(key, node);
    if (q === '?') net.addEdge(node, expertNode[e]!, demand, 0);
    else
      for (let k = 0; k < PROVINCE_SPREAD_EDGES; k++)
        net.addEdge(
          node,
          expertNode[e]!,
          k === PROVINCE_SPREAD_EDGES - 1 ? demand : 1,
          SAME_PROVINCE_FOR_EXPERT * k,
        );
    return node;
  };
  const pairEdges: { edge: number; i: number; e: number }[] = [];
  for (const i of shuffled([...nominations.keys()], random)) {
    if (need[i] === 0) continue;
    const node = net.addNode();
    net.addEdge(source, node, need[i]!, 0);
    const byProvince = new Map<string, number[]>();
    for (const e of shuffled(eligible[i]!, random)) {
      const p = expertProvince[e]!;
      const list = byProvince.get(p);
      if (list) list.push(e);
      else byProvince.set(p, [e]);
    }
    for (const [, members] of byProvince) {
      // A province with one eligible expert needs no node of its own: nothing to spread.
      let group = node;
      if (members.length > 1) {
        group = net.addNode();
        for (let k = 0; k < Math.min(members.length, need[i]!); k++)
          net.addEdge(node, group, 1, SAME_PROVINCE_ON_NOMINATION * k);
      }
      for (const e of members)
        pairEdges.push({ edge: net.addEdge(group, expertSide(e, nominationProvince[i]!), 1, 0), i, e });
    }
  }
  const { flow } = net.minCostFlow(source, sink, demand);

  const placed = nominations.map(() => 0);
  const load = experts.map(() => 0);
  const chosen = new Set<string>(fixed.map((p) => pairKey(p.nominationId, p.expertId)));
  for (const { edge, i, e } of pairEdges) {
    if (net.flowOn(edge) === 0) continue;
    placed[i]! += 1;
    load[e]! += 1;
    chosen.add(pairKey(nominations[i]!.id, experts[e]!.id));
  }
  if (flow < demand) {
    const short = nominations.filter((_, i) => placed[i]! < need[i]!);
    return {
      ok: false,
      findings: [
        error(
          'ASSIGNMENT_INFEASIBLE',
          'nominations',
          `在回避要求和专家最高工作量之内，无法为以下推介各安排${n}份评审：${listNames(short.map((x) => x.label))}。可评审这些推介的专家工作量已满，请提高其最高工作量或增加专家`,
        ),
      ],
    };
  }
  const below = experts.filter((_, e) => load[e]! < minLoad[e]!);
  if (below.length > 0)
    return {
      ok: false,
      findings: [
        error(
          'ASSIGNMENT_MIN_LOAD_UNREACHABLE',
          'experts',
          `每项推介${n}份评审已全部安排，但以下专家达不到最低工作量：${below.map((x) => `${x.name}（最低${x.minLoad}份）`).join('、')}。请降低其最低工作量`,
        ),
      ],
    };
  return summarise(input, chosen, expertProvince);
}

function summarise(
  input: AssignmentInput,
  chosen: ReadonlySet<string>,
  expertProvince: string[],
): AssignmentResult {
  const assignments: ReviewPair[] = [];
  const loads = new Map(input.experts.map((x) => [x.id, 0]));
  let sameProvinceNominations = 0;
  for (const nomination of input.nominations) {
    const provinces = new Set<string>();
    let repeated = false;
    input.experts.forEach((expert, e) => {
      if (!chosen.has(pairKey(nomination.id, expert.id))) return;
      assignments.push({ nominationId: nomination.id, expertId: expert.id });
      loads.set(expert.id, loads.get(expert.id)! + 1);
      if (provinces.has(expertProvince[e]!)) repeated = true;
      provinces.add(expertProvince[e]!);
    });
    if (repeated) sameProvinceNominations++;
  }
  const expertLoads: ExpertLoad[] = [...loads].map(([expertId, load]) => ({ expertId, load }));
  return { ok: true, assignments, loads: expertLoads, sameProvinceNominations };
}
