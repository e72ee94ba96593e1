import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/policy/engine.js';
import { cidrToRange, formatAddress } from '../../src/policy/ip.js';
import { l7FilterKey } from '../../src/policy/l7.js';
import { withRepresentatives } from '../../src/policy/representatives.js';
import type { Connection, Endpoint, Peer, WorkloadPeer } from '../../src/policy/types.js';
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

/**
 * Blocks of addresses outside the pods and entity peers carry the same per-port filters (fixtures/engine/
 * cilium-l7-external): each block at its first and last address, each entity as itself.
 */
describe('L7 filters of external blocks and entities', () => {
  // As `reach` and the check ask: with the entities the rules name as peers of their own.
  const { model: tree } = loadFixture('cilium-l7-external');
  const model = withRepresentatives(tree);
  const engine = createEngine(model);
  const connections = engine.connectivity();
  const endpointsOf = (peer: Peer): Endpoint[] => {
    if ('cidr' in peer) {
      const range = cidrToRange(peer.cidr)!;
      return [range.start, range.end].map((value) => ({ ip: formatAddress(value, range.family) }));
    }
    const workload = model.workloads.find(
      (w) => w.namespace === peer.namespace && w.kind === peer.kind && w.name === peer.name,
    );
    return workload ? [{ workload }] : [];
  };

  it('are the per-port filters at every address of a block', () => {
    const filtered = new Set<string>();
    for (const connection of connections) {
      const label = `${JSON.stringify(connection.from)} -> ${JSON.stringify(connection.to)} ${connection.protocol}`;
      for (const from of endpointsOf(connection.from))
        for (const to of endpointsOf(connection.to))
          for (const port of [79, 80, 81, 443, 8080]) {
            if (!connection.ports.some(([lo, hi]) => lo <= port && port <= hi)) continue;
            const entry = connection.l7?.find((e) => e.ports.some(([lo, hi]) => lo <= port && port <= hi));
            const expected = engine.l7Filter(from, to, connection.protocol, port);
            expect(l7FilterKey(entry), `${label} ${port}`).toBe(l7FilterKey(expected));
            if (expected) filtered.add(`${label} ${port}`);
          }
    }
    expect([...filtered].filter((label) => label.includes('cidr')).length).toBeGreaterThan(5);
    expect([...filtered].some((label) => label.includes('kube-apiserver'))).toBe(true);
  });

  it('cut a block where the filter differs, and nowhere else', () => {
    // 192.0.2.0/24 is allowed on port 80 alike, filtered everywhere but at 192.0.2.10 (an L4-only rule).
    const web = connections
      .filter((c) => 'cidr' in c.from && 'name' in c.to && c.to.name === 'web')
      .map(
        (c) =>
          `${(c.from as { cidr: string }).cidr} ${c.protocol} ${JSON.stringify(c.ports)} ${c.l7 ? 'L7' : '-'}`,
      );
    expect(web).toEqual([
      '192.0.2.0/29 TCP [[80,80]] L7',
      '192.0.2.8/31 TCP [[80,80]] L7',
      '192.0.2.10/32 TCP [[80,80]] -',
      '192.0.2.11/32 TCP [[80,80]] L7',
      '192.0.2.12/30 TCP [[80,80]] L7',
      '192.0.2.16/28 TCP [[80,80]] L7',
      '192.0.2.32/27 TCP [[80,80]] L7',
      '192.0.2.64/26 TCP [[80,80]] L7',
      '192.0.2.128/25 TCP [[80,80]] L7',
    ]);
    // The world on port 8080 is filtered alike everywhere: prod's blocks are not cut.
    const prod = connections.filter((c) => 'name' in c.from && c.from.name === 'prod' && 'cidr' in c.to);
    expect(prod.map((c) => `${(c.to as { cidr: string }).cidr} ${c.protocol} ${c.l7 ? 'L7' : '-'}`)).toEqual([
      '0.0.0.0/0 TCP L7',
      '::/0 TCP L7',
    ]);
  });
});

describe('L7 filters without L7 rules', () => {
  it('are absent', () => {
    const { engine: plain } = loadFixture('cilium-deny');
    expect(plain.connectivity().some((c) => c.l7)).toBe(false);
  });
});
