import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowNetwork } from './min-cost-flow.ts';

describe('FlowNetwork', () => {
  it('finds the cheapest flow on a hand-checked network', () => {
    // s→a (2, 1), s→b (1, 4), a→b (1, 1), a→t (1, 5), b→t (2, 1)
    // Sending 3: s→b→t costs 5, s→a→b→t costs 3, s→a→t costs 6: total 14.
    const net = new FlowNetwork();
    const [s, a, b, t] = [net.addNode(), net.addNode(), net.addNode(), net.addNode()];
    net.addEdge(s, a, 2, 1);
    net.addEdge(s, b, 1, 4);
    const ab = net.addEdge(a, b, 1, 1);
    net.addEdge(a, t, 1, 5);
    net.addEdge(b, t, 2, 1);
    expect(net.minCostFlow(s!, t!, 10)).toEqual({ flow: 3, cost: 14 });
    expect(net.flowOn(ab)).toBe(1);
  });

  it('matches brute force on small assignment problems', () => {
    // rows × columns, each row needs one column, each column once: the cheapest perfect matching.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }), {
            minLength: n,
            maxLength: n,
          }),
        ),
        (costs) => {
          const n = costs.length;
          const net = new FlowNetwork();
          const s = net.addNode();
          const t = net.addNode();
          const rows = costs.map(() => net.addNode());
          const cols = costs.map(() => net.addNode());
          rows.forEach((r, i) => {
            net.addEdge(s, r, 1, 0);
            cols.forEach((c, j) => {
              net.addEdge(r, c, 1, costs[i]![j]!);
            });
          });
          for (const c of cols) net.addEdge(c, t, 1, 0);
          let best = Number.POSITIVE_INFINITY;
          const permute = (i: number, used: boolean[], sum: number) => {
            if (i === n) best = Math.min(best, sum);
            else
              for (let j = 0; j < n; j++)
                if (!used[j]) {
                  used[j] = true;
                  permute(i + 1, used, sum + costs[i]![j]!);
                  used[j] = false;
                }
          };
          permute(0, [], 0);
          expect(net.minCostFlow(s, t, n)).toEqual({ flow: n, cost: best });
        },
      ),
    );
  });
});
