import { describe, expect, it } from 'vitest';
import { l7FilterKey } from '../../src/policy/l7.js';
import type { Connection, WorkloadPeer } from '../../src/policy/types.js';
import { loadFixture } from './fixtures.js';

/**
 * The bulk connectivity carries the L7 filter the per-question path gives for each port (fixtures/engine/cilium-l7):
 * `reach` and `explain` say the same, and the connections of an engine without L7 rules carry none.
 */
describe('L7 filters of the connectivity', () => {
  const { model, engine } = loadFixture('cilium-l7');
  const workload = (peer: WorkloadPeer) =>
    model.workloads.find((w) => w.namespace === peer.namespace && w.name === peer.name)!;
  const between = engine
    .connectivity()
    .filter(
      (c): c is Connection & { from: WorkloadPeer; to: WorkloadPeer } => 'name' in c.from && 'name' in c.to,
    );

  it('are the per-port filters, run by run', () => {
    let filtered = 0;
    for (const connection of between) {
      const from = { workload: workload(connection.from) };
      const to = { workload: workload(connection.to) };
      for (const port of [52, 53, 54, 79, 80, 81, 8079, 8080, 9092]) {
        if (!connection.ports.some(([lo, hi]) => lo <= port && port <= hi)) continue;
        const entry = connection.l7?.find((e) => e.ports.some(([lo, hi]) => lo <= port && port <= hi));
        const expected = engine.l7Filter(from, to, connection.protocol, port);
        expect(l7FilterKey(entry), `${connection.from.name} -> ${connection.to.name} ${port}`).toBe(
          l7FilterKey(expected),
        );
        if (expected) filtered++;
      }
    }
    expect(filtered).toBeGreaterThan(10);
  });

  it('are what explain gives beside its verdict', () => {
    const [from, to] = ['prod', 'service'].map((name) => ({
      workload: model.workloads.find((w) => w.name === name)!,
    }));
    const explanation = engine.explain(from!, to!, 'TCP', 80);
    expect(explanation.allowed).toBe(true);
    expect(explanation.l7?.ingress?.map((rule) => [rule.rule, rule.location.line])).toEqual([
      [{ method: 'GET', path: '/public' }, 87],
    ]);
    expect(explanation.l7?.egress?.map((rule) => rule.policy.name)).toEqual(['fancyrule']);
    expect(engine.explain(from!, to!, 'TCP', 81).l7).toBeUndefined();
  });

  it('are absent without L7 rules', () => {
    const { engine: plain } = loadFixture('cilium-deny');
    expect(plain.connectivity().some((c) => c.l7)).toBe(false);
  });
});
