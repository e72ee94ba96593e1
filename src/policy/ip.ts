import { isIP } from 'node:net';

export type IpFamily = 4 | 6;

/**
 * An inclusive address range `[start, end]` of one IP family. Addresses are big integers so IPv4 and IPv6 share
 * one arithmetic, and so ranges that are not a single CIDR (what is left of a block after its exceptions) can be held.
 */
export interface IpRange {
  family: IpFamily;
  start: bigint;
  end: bigint;
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

/** The whole address space of a family (`0.0.0.0/0`, `::/0`). */
export function fullRange(family: IpFamily): IpRange {
  return { family, start: 0n, end: (1n << BigInt(BITS[family])) - 1n };
}

/** Parses one address (`10.0.0.1`, `fd00::1`, `::ffff:10.0.0.1`); undefined when it is not an IP address. */
export function parseAddress(text: string): { family: IpFamily; value: bigint } | undefined {
  const family = isIP(text);
  if (family === 4) return { family, value: ipv4Value(text) };
  // A zone (`fe80::1%eth0`) names an interface of one host, never a block a policy could mean.
  if (family === 6 && !text.includes('%')) return { family, value: ipv6Value(text) };
  return undefined;
}

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

function ipv6Value(text: string): bigint {
  let address = text;
  // An embedded IPv4 tail (`::ffff:10.0.0.1`) stands for the last two groups.
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = ipv4Value(tail);
    address = `${address.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups =
    rest === undefined
      ? headGroups
      : [
          ...headGroups,
          ...new Array<string>(8 - headGroups.length - restGroups.length).fill('0'),
          ...restGroups,
        ];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** A single address as a range of one; undefined when it is not an IP address. */
export function addressToRange(text: string): IpRange | undefined {
  const parsed = parseAddress(text);
  return parsed && { family: parsed.family, start: parsed.value, end: parsed.value };
}

/**
 * Parses `address/prefix` into the range it covers. Host bits are ignored, as the API server accepts them
 * (`10.0.0.1/8` is `10.0.0.0/8`). Undefined when it is not a CIDR.
 */
export function cidrToRange(cidr: string): IpRange | undefined {
  const slash = cidr.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseAddress(cidr.slice(0, slash));
  const prefixText = cidr.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const bits = BITS[address.family];
  if (prefix > bits) return undefined;
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const start = address.value & ~hostMask;
  return { family: address.family, start, end: start | hostMask };
}

/** The usual text of an address: dotted IPv4, or RFC 5952 IPv6 (lower case, longest zero run as `::`). */
export function formatAddress(value: bigint, family: IpFamily): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1; // a single zero group is not compressed
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Whether `outer` holds every address of `inner`. */
export function rangeContains(outer: IpRange, inner: IpRange): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

/** Whether two ranges share at least one address. */
export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/**
 * What an ipBlock admits: its CIDR minus its exceptions, as sorted disjoint ranges. An invalid CIDR admits
 * nothing; an invalid exception is ignored (the loader reports both).
 */
export function ipBlockRanges(block: { cidr: string; except: readonly string[] }): IpRange[] {
  const cidr = cidrToRange(block.cidr);
  if (!cidr) return [];
  const excepts = block.except
    .map(cidrToRange)
    .filter((r): r is IpRange => !!r && rangesOverlap(r, cidr))
    .sort((a, b) => compareBigInt(a.start, b.start));
  const result: IpRange[] = [];
  let next = cidr.start;
  for (const except of excepts) {
    if (except.start > next) result.push({ family: cidr.family, start: next, end: except.start - 1n });
    if (except.end + 1n > next) next = except.end + 1n;
  }
  if (next <= cidr.end) result.push({ family: cidr.family, start: next, end: cidr.end });
  return result;
}

/**
 * Cuts a family's whole address space into consecutive disjoint segments so that every given range is a union of
 * segments: the coarsest partition in which each segment is either inside or outside each range.
 */
export function cutAddressSpace(family: IpFamily, ranges: readonly IpRange[]): IpRange[] {
  const space = fullRange(family);
  const cuts = new Set<bigint>([space.start]);
  for (const range of ranges) {
    if (range.family !== family) continue;
    cuts.add(range.start);
    if (range.end < space.end) cuts.add(range.end + 1n);
  }
  const starts = [...cuts].sort(compareBigInt);
  return starts.map((start, i) => ({
    family,
    start,
    end: i + 1 < starts.length ? starts[i + 1]! - 1n : space.end,
  }));
}

/** The fewest CIDRs that exactly cover a range (a range that is not one CIDR becomes several, in address order). */
export function rangeToCidrs(range: IpRange): string[] {
  const bits = BITS[range.family];
  const cidrs: string[] = [];
  let start = range.start;
  while (start <= range.end) {
    // The largest block that starts here (aligned) and does not run past the end.
    let size = 0;
    while (
      size < bits &&
      (start & ((1n << BigInt(size + 1)) - 1n)) === 0n &&
      start + (1n << BigInt(size + 1)) - 1n <= range.end
    ) {
      size++;
    }
    cidrs.push(`${formatAddress(start, range.family)}/${bits - size}`);
    start += 1n << BigInt(size);
  }
  return cidrs;
}

/** The smallest CIDR holding every address of `range`. */
export function coveringCidr(range: IpRange): string {
  const bits = BITS[range.family];
  let prefix = bits;
  while (prefix > 0 && range.start >> BigInt(bits - prefix) !== range.end >> BigInt(bits - prefix)) prefix--;
  const network = (range.start >> BigInt(bits - prefix)) << BigInt(bits - prefix);
  return `${formatAddress(network, range.family)}/${prefix}`;
}

export function compareBigInt(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Address order: family, first address, then size (smaller first). */
export function compareRanges(a: IpRange, b: IpRange): number {
  return a.family - b.family || compareBigInt(a.start, b.start) || compareBigInt(a.end, b.end);
}
