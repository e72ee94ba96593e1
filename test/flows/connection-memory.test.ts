import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnectionMemory, connectionKey, ipv4Number } from '../../src/flows/connection-memory.js';
import type { Protocol } from '../../src/model/types.js';

describe('ipv4Number', () => {
  it('reads dotted quads as unsigned 32-bit numbers', () => {
    expect(ipv4Number('0.0.0.0')).toBe(0);
    expect(ipv4Number('10.0.1.2')).toBe(0x0a000102);
    expect(ipv4Number('255.255.255.255')).toBe(0xffffffff);
  });

  it('leaves anything else to the text keys', () => {
    for (const text of [
      '',
      '10.0.0',
      '10.0.0.1.',
      '.10.0.0.1',
      '10..0.1',
      '10.0.0.256',
      '010.0.0.1',
      '::1',
      '10.0.0.1 ',
    ])
      expect(ipv4Number(text), text).toBeUndefined();
  });
});

describe('connectionKey', () => {
  it('is the same both ways, and tells which way a packet goes', () => {
    for (const [a, b] of [
      ['10.0.0.1', '10.0.0.2'],
      ['fd00::1', 'fd00::2'],
      ['10.0.0.1', 'fd00::2'],
    ] as const) {
      const request = connectionKey('TCP', a, 40000, b, 80);
      const reply = connectionKey('TCP', b, 80, a, 40000);
      expect({ ...reply, sourceFirst: true }).toEqual({ ...request, sourceFirst: true });
      expect(reply.sourceFirst).toBe(!request.sourceFirst);
    }
  });

  it('is numeric between IPv4 ends with ports in range, text otherwise', () => {
    expect(connectionKey('UDP', '10.0.0.1', 53000, '10.0.0.2', 53).text).toBeUndefined();
    expect(connectionKey('UDP', '10.0.0.1', 70000, '10.0.0.2', 53).text).toBe(
      'UDP 10.0.0.1 70000 10.0.0.2 53',
    );
    expect(connectionKey('UDP', '10.0.0.1', '53000', '10.0.0.2', 53).text).toBeDefined();
    expect(connectionKey('TCP', 'fd00::1', 1, 'fd00::2', 2).text).toBe('TCP fd00::1 1 fd00::2 2');
  });
});

const tuple = fc.record({
  protocol: fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP'),
  source: fc.constantFrom('10.0.0.1', '10.0.0.2', '192.168.7.200', '255.255.255.255', 'fd00::1'),
  sourcePort: fc.constantFrom(0, 1, 40000, 65535),
  destination: fc.constantFrom('10.0.0.1', '10.0.0.3', '0.0.0.0', 'fd00::2'),
  destinationPort: fc.constantFrom(1, 53, 65535),
});
type Tuple = typeof tuple extends fc.Arbitrary<infer T> ? T : never;

const keyOf = (t: Tuple) =>
  connectionKey(t.protocol, t.source, t.sourcePort, t.destination, t.destinationPort);
/** The reference: the tuple with its two ends sorted, as text. */
const referenceKey = (t: Tuple) =>
  [
    t.protocol,
    ...[
      [t.source, t.sourcePort],
      [t.destination, t.destinationPort],
    ]
      .map(String)
      .sort(),
  ].join(' ');

describe('ConnectionMemory', () => {
  it('finds what a map of sorted tuples finds, while nothing is forgotten', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(tuple, fc.boolean()), { maxLength: 200 }), (steps) => {
        const memory = new ConnectionMemory<number>(1000);
        const reference = new Map<string, number>();
        steps.forEach(([t, store], index) => {
          if (store) {
            memory.set(keyOf(t), index);
            reference.set(referenceKey(t), index);
          } else {
            expect(memory.get(keyOf(t))).toBe(reference.get(referenceKey(t)));
          }
        });
      }),
    );
  });

  it('keeps apart tuples that differ in any one part, its table nearly half full', () => {
    const memory = new ConnectionMemory<number>(16_384);
    const tuples: Parameters<typeof connectionKey>[] = [];
    for (const protocol of ['TCP', 'UDP', 'SCTP'] as const)
      for (let source = 0; source < 20; source++)
        for (let destination = 0; destination < 20; destination++)
          for (const sourcePort of [0, 1, 80, 65535])
            for (const destinationPort of [1, 80, 65535])
              tuples.push([
                protocol,
                `10.0.0.${source}`,
                sourcePort,
                `10.0.1.${destination}`,
                destinationPort,
              ]);
    tuples.forEach((t, index) => memory.set(connectionKey(...t), index));
    tuples.forEach((t, index) => expect(memory.get(connectionKey(...t))).toBe(index));
  });

  it('always remembers the last `capacity` connections used, and forgets older ones', () => {
    const capacity = 50;
    const memory = new ConnectionMemory<number>(capacity);
    const key = (n: number) => connectionKey('TCP', `10.0.${n >> 8}.${n & 255}`, 1000, '10.1.0.1', 80);
    for (let n = 0; n < 1000; n++) {
      memory.set(key(n), n);
      // Connection 0 stays in use: looked up every time, it is never forgotten. Each connection looked up below has
      // had at most capacity - 1 others used since its last use.
      expect(memory.get(key(0))).toBe(0);
      for (let back = 1; back < Math.min(n, capacity - 2); back++)
        expect(memory.get(key(n - back))).toBe(n - back);
    }
    expect(memory.get(key(500))).toBeUndefined();
  });
});
