import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROTOCOLS, type Protocol } from '../../src/model/types.js';
import { ConnSet } from '../../src/policy/portset.js';
import type { PortRange } from '../../src/policy/types.js';

/**
 * Ranges whose ends lie in 1..20 or at 65535: membership is then the same for every port in 21..65534, so the
 * ports 1..21 and 65535 tell whether two sets are equal.
 */
const end = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constant(65535));
const range = fc.tuple(end, end).map(([a, b]): PortRange => [Math.min(a, b), Math.max(a, b)]);
const rangesByProtocol = fc.record({
  TCP: fc.array(range, { maxLength: 4 }),
  UDP: fc.array(range, { maxLength: 2 }),
  SCTP: fc.array(range, { maxLength: 1 }),
});
const probes = [...Array.from({ length: 21 }, (_, i) => i + 1), 65535];

/** The ports a set holds, per protocol, as far as the probes tell. */
function members(set: ConnSet): string[] {
  return PROTOCOLS.flatMap((protocol) =>
    probes.filter((p) => set.has(protocol, p)).map((p) => `${protocol}/${p}`),
  );
}

function isNormalized(ranges: readonly PortRange[]): boolean {
  return ranges.every(([lo, hi], i) => lo <= hi && (i === 0 || lo > ranges[i - 1]![1] + 1));
}

describe('ConnSet', () => {
  it('normalizes ranges: sorted, merged when overlapping or adjacent, clipped to 1-65535', () => {
    const set = ConnSet.of('TCP', [
      [90, 100],
      [0, 10],
      [11, 12],
      [95, 120],
      [70000, 80000],
    ]);
    expect(set.ranges('TCP')).toEqual([
      [1, 12],
      [90, 120],
    ]);
    expect(set.ranges('UDP')).toEqual([]);
  });

  it('combines sets with union, intersection and subtract', () => {
    const web = ConnSet.from({
      TCP: [
        [80, 80],
        [443, 443],
      ],
      UDP: [[53, 53]],
    });
    const tls = ConnSet.of('TCP', [[443, 8443]]);
    expect(String(web.union(tls))).toBe('TCP 80,443-8443,UDP 53');
    expect(String(web.intersection(tls))).toBe('TCP 443');
    expect(String(web.subtract(tls))).toBe('TCP 80,UDP 53');
    expect(String(ConnSet.all().subtract(ConnSet.of('TCP', [[1, 79]])))).toBe(
      'SCTP 1-65535,TCP 80-65535,UDP 1-65535',
    );
  });

  it('compares by content and knows the empty and full sets', () => {
    expect(
      ConnSet.of('UDP', [[1, 5]]).equals(
        ConnSet.of('UDP', [
          [4, 5],
          [1, 3],
        ]),
      ),
    ).toBe(true);
    expect(ConnSet.none().isEmpty()).toBe(true);
    expect(ConnSet.from({ TCP: [[1, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] }).isAll()).toBe(true);
    expect(ConnSet.all().subtract(ConnSet.all()).isEmpty()).toBe(true);
  });

  it('answers for one port and lists protocols with ports', () => {
    const set = ConnSet.from({ SCTP: [[3868, 3868]], TCP: [[8080, 8090]] });
    expect(set.has('TCP', 8085)).toBe(true);
    expect(set.has('TCP', 8091)).toBe(false);
    expect(set.has('UDP', 8085)).toBe(false);
    expect(set.protocols()).toEqual(['TCP', 'SCTP']);
  });

  it('writes the compact form, protocols by name', () => {
    expect(String(ConnSet.none())).toBe('No Connections');
    expect(String(ConnSet.all())).toBe('All Connections');
    expect(String(ConnSet.from({ UDP: [[53, 53]], TCP: [[10053, 10054]] }))).toBe('TCP 10053-10054,UDP 53');
  });

  it('combines any two sets as their ports do, keeping ranges normalized and sets unchanged', () => {
    fc.assert(
      fc.property(rangesByProtocol, rangesByProtocol, (a, b) => {
        const left = ConnSet.from(a);
        const right = ConnSet.from(b);
        const [before, other] = [String(left), String(right)];
        const inLeft = new Set(members(left));
        const inRight = new Set(members(right));
        const union = left.union(right);
        expect(members(union)).toEqual([...new Set([...inLeft, ...inRight])].sort(byProbe));
        expect(
          union.equals(
            ConnSet.from({
              TCP: [...a.TCP, ...b.TCP],
              UDP: [...a.UDP, ...b.UDP],
              SCTP: [...a.SCTP, ...b.SCTP],
            }),
          ),
        ).toBe(true);
        expect(members(left.intersection(right))).toEqual([...inLeft].filter((p) => inRight.has(p)));
        expect(members(left.subtract(right))).toEqual([...inLeft].filter((p) => !inRight.has(p)));
        for (const set of [union, left.intersection(right), left.subtract(right)]) {
          for (const protocol of PROTOCOLS) expect(isNormalized(set.ranges(protocol))).toBe(true);
          expect(set.isAll()).toBe(members(set).length === probes.length * PROTOCOLS.length);
        }
        expect([String(left), String(right)]).toEqual([before, other]);
      }),
    );
  });
});

/** Orders `protocol/port` strings as `members` lists them. */
function byProbe(a: string, b: string): number {
  const [protocolA, portA] = a.split('/') as [Protocol, string];
  const [protocolB, portB] = b.split('/') as [Protocol, string];
  return PROTOCOLS.indexOf(protocolA) - PROTOCOLS.indexOf(protocolB) || Number(portA) - Number(portB);
}
