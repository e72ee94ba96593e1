import { describe, expect, it } from 'vitest';
import { ConnSet } from '../../src/policy/portset.js';

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
});
