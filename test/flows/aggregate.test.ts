import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEndpoint, FlowAggregator, type TimedFlow } from '../../src/flows/aggregate.js';
import type { FlowEndpoint, FlowVerdict } from '../../src/flows/types.js';
import type { Protocol } from '../../src/model/types.js';

// Keys that are prefixes of one another, non-ASCII text and ports whose text order is not their number order.
const endpoint: fc.Arbitrary<FlowEndpoint> = fc.oneof(
  fc.record({
    namespace: fc.constantFrom('a', 'ab', 'b', 'é', 'shop'),
    labels: fc.dictionary(
      fc.constantFrom('app', 'app.kubernetes.io/name', 'tier', 'ü'),
      fc.constantFrom('x', 'xy', ''),
    ),
  }),
  fc.record({ ip: fc.constantFrom('10.0.0.1', '10.0.0.10', '203.0.113.9'), reserved: fc.constant('world') }),
);
const flow: fc.Arbitrary<TimedFlow> = fc.record({
  from: endpoint,
  to: endpoint,
  protocol: fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP'),
  port: fc.constantFrom(53, 80, 443, 8080, 9),
  verdict: fc.constantFrom<FlowVerdict>('allowed', 'denied', 'dropped-other', 'audit'),
  count: fc.constant(1),
  firstMs: fc.integer({ min: 0, max: 1e12 }),
});

describe('FlowAggregator', () => {
  it('orders flows by the text of source key, destination key, protocol, port and verdict', () => {
    fc.assert(
      fc.property(fc.array(flow, { maxLength: 60 }), (flows) => {
        const aggregator = new FlowAggregator();
        for (const f of flows) aggregator.add(f);
        const order = (f: Omit<TimedFlow, 'count'>) =>
          [canonicalEndpoint(f.from).key, canonicalEndpoint(f.to).key, f.protocol, f.port, f.verdict].join(
            '\u0000',
          );
        const expected = [...new Set(flows.map(order))].sort();
        expect(aggregator.result().flows.map(order)).toEqual(expected);
      }),
    );
  });

  it('sums the lines of one flow and spans their window', () => {
    const aggregator = new FlowAggregator();
    const from = { namespace: 'shop', labels: { app: 'web' } };
    const to = { namespace: 'data', labels: { app: 'db' } };
    const line = { from, to, protocol: 'TCP', port: 5432, verdict: 'allowed', count: 1 } as const;
    aggregator.add({ ...line, firstMs: Date.parse('2026-11-20T09:00:05Z') });
    aggregator.add({ ...line, to: { ...to }, firstMs: Date.parse('2026-11-20T09:00:01Z') });
    const { flows, window } = aggregator.result();
    expect(flows).toEqual([
      { ...line, count: 2, firstSeen: '2026-11-20T09:00:01.000Z', lastSeen: '2026-11-20T09:00:05.000Z' },
    ]);
    expect(window).toEqual({ firstSeen: '2026-11-20T09:00:01.000Z', lastSeen: '2026-11-20T09:00:05.000Z' });
  });
});
