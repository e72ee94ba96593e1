import { describe, expect, it } from 'vitest';
import {
  addressToRange,
  cidrToRange,
  cutAddressSpace,
  formatAddress,
  ipBlockRanges,
  rangeContains,
  rangeToCidrs,
  type IpRange,
} from '../../src/policy/ip.js';

const text = (range: IpRange) =>
  `${formatAddress(range.start, range.family)}-${formatAddress(range.end, range.family)}`;

describe('IP utilities', () => {
  it('parses IPv4 and IPv6 addresses and CIDRs, ignoring host bits', () => {
    expect(text(cidrToRange('10.1.2.3/8')!)).toBe('10.0.0.0-10.255.255.255');
    expect(text(cidrToRange('fd00::1/64')!)).toBe('fd00::-fd00::ffff:ffff:ffff:ffff');
    expect(text(cidrToRange('0.0.0.0/0')!)).toBe('0.0.0.0-255.255.255.255');
    expect(addressToRange('::ffff:10.0.0.1')?.start).toBe(0xffff0a000001n);
  });

  it('rejects what is not an address or CIDR', () => {
    for (const bad of [
      '10.0.0.0',
      '10.0.0.0/33',
      '10.0.0/8',
      'fe80::1%eth0/64',
      '::/129',
      'x/8',
      '10.0.0.0/-1',
    ]) {
      expect(cidrToRange(bad), bad).toBeUndefined();
    }
    expect(addressToRange('300.1.1.1')).toBeUndefined();
  });

  it('formats IPv6 in the RFC 5952 form', () => {
    expect(formatAddress(addressToRange('2001:0db8:0000:0000:0001:0000:0000:0001')!.start, 6)).toBe(
      '2001:db8::1:0:0:1',
    );
    expect(formatAddress(0n, 6)).toBe('::');
    expect(formatAddress(1n, 6)).toBe('::1');
    expect(formatAddress(addressToRange('2001:db8:0:1:1:1:1:1')!.start, 6)).toBe('2001:db8:0:1:1:1:1:1');
  });

  it('checks containment', () => {
    expect(rangeContains(cidrToRange('10.0.0.0/8')!, cidrToRange('10.3.0.0/16')!)).toBe(true);
    expect(rangeContains(cidrToRange('10.0.0.0/8')!, cidrToRange('11.0.0.0/16')!)).toBe(false);
    expect(rangeContains(cidrToRange('::/0')!, cidrToRange('10.0.0.0/8')!)).toBe(false);
  });

  it('subtracts exceptions from an ipBlock', () => {
    const ranges = ipBlockRanges({
      cidr: '0.0.0.0/0',
      except: ['172.21.0.0/16', '10.0.0.0/8', '172.30.0.0/16'],
    });
    expect(ranges.map(text)).toEqual([
      '0.0.0.0-9.255.255.255',
      '11.0.0.0-172.20.255.255',
      '172.22.0.0-172.29.255.255',
      '172.31.0.0-255.255.255.255',
    ]);
    expect(ipBlockRanges({ cidr: 'nonsense', except: [] })).toEqual([]);
  });

  it('cuts an address space into disjoint segments at every boundary', () => {
    const segments = cutAddressSpace(4, [
      cidrToRange('10.0.0.0/8')!,
      cidrToRange('10.10.0.0/16')!,
      cidrToRange('fd00::/8')!,
    ]);
    expect(segments.map(text)).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.9.255.255',
      '10.10.0.0-10.10.255.255',
      '10.11.0.0-10.255.255.255',
      '11.0.0.0-255.255.255.255',
    ]);
  });

  it('writes a range as the fewest CIDRs', () => {
    expect(rangeToCidrs(cidrToRange('10.0.0.0/8')!)).toEqual(['10.0.0.0/8']);
    expect(
      rangeToCidrs({
        family: 4,
        start: addressToRange('10.0.0.0')!.start,
        end: addressToRange('10.9.255.255')!.start,
      }),
    ).toEqual(['10.0.0.0/13', '10.8.0.0/15']);
    expect(rangeToCidrs({ family: 4, start: 1n, end: 2n })).toEqual(['0.0.0.1/32', '0.0.0.2/32']);
    expect(rangeToCidrs(cidrToRange('::/0')!)).toEqual(['::/0']);
  });
});
