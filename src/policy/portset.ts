import { PROTOCOLS, type Protocol } from '../model/types.js';
import type { PortRange } from './types.js';

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

type RangesByProtocol = Readonly<Record<Protocol, readonly PortRange[]>>;

/**
 * Ports per protocol as sorted, disjoint, non-adjacent inclusive ranges. Immutable, and always normalized, so two
 * sets with the same ports have the same ranges: `equals` and the string form can compare them directly.
 */
export class ConnSet {
  private static readonly EMPTY = new ConnSet({ TCP: [], UDP: [], SCTP: [] });
  private static readonly FULL = new ConnSet({
    TCP: [[MIN_PORT, MAX_PORT]],
    UDP: [[MIN_PORT, MAX_PORT]],
    SCTP: [[MIN_PORT, MAX_PORT]],
  });

  private constructor(readonly byProtocol: RangesByProtocol) {}

  /** Every port of TCP, UDP and SCTP: what a direction allows when no policy isolates it. */
  static all(): ConnSet {
    return ConnSet.FULL;
  }

  static none(): ConnSet {
    return ConnSet.EMPTY;
  }

  /** The given ranges of one protocol (any order, overlapping allowed; clipped to 1..65535). */
  static of(protocol: Protocol, ranges: readonly PortRange[]): ConnSet {
    return ConnSet.from({ [protocol]: ranges });
  }

  /** Every port of one protocol. */
  static allOf(protocol: Protocol): ConnSet {
    return ConnSet.of(protocol, [[MIN_PORT, MAX_PORT]]);
  }

  /** Builds a set from ranges per protocol (any order, overlapping allowed; clipped to 1..65535). */
  static from(ranges: Partial<Record<Protocol, readonly PortRange[]>>): ConnSet {
    return ConnSet.create({
      TCP: normalize(ranges.TCP ?? []),
      UDP: normalize(ranges.UDP ?? []),
      SCTP: normalize(ranges.SCTP ?? []),
    });
  }

  private static create(byProtocol: RangesByProtocol): ConnSet {
    const set = new ConnSet(byProtocol);
    if (set.isEmpty()) return ConnSet.EMPTY;
    return set.equals(ConnSet.FULL) ? ConnSet.FULL : set;
  }

  private combine(
    other: ConnSet,
    op: (a: readonly PortRange[], b: readonly PortRange[]) => readonly PortRange[],
  ): ConnSet {
    const TCP = op(this.byProtocol.TCP, other.byProtocol.TCP);
    const UDP = op(this.byProtocol.UDP, other.byProtocol.UDP);
    const SCTP = op(this.byProtocol.SCTP, other.byProtocol.SCTP);
    // An operation that gives back one side's lists unchanged gives back that side: no new set to make.
    const { byProtocol: mine } = this;
    if (TCP === mine.TCP && UDP === mine.UDP && SCTP === mine.SCTP) return this;
    const { byProtocol: theirs } = other;
    if (TCP === theirs.TCP && UDP === theirs.UDP && SCTP === theirs.SCTP) return other;
    return ConnSet.create({ TCP, UDP, SCTP });
  }

  union(other: ConnSet): ConnSet {
    if (other === this || other.isEmpty() || this === ConnSet.FULL) return this;
    if (this.isEmpty() || other === ConnSet.FULL) return other;
    return this.combine(other, unionRanges);
  }

  intersection(other: ConnSet): ConnSet {
    if (this.isEmpty() || other === ConnSet.FULL) return this;
    if (other.isEmpty() || this === ConnSet.FULL) return other;
    return this.combine(other, intersectRanges);
  }

  subtract(other: ConnSet): ConnSet {
    if (other.isEmpty() || this.isEmpty()) return this;
    return this.combine(other, (a, b) => intersectRanges(a, complement(b)));
  }

  equals(other: ConnSet): boolean {
    return PROTOCOLS.every((protocol) => sameRanges(this.byProtocol[protocol], other.byProtocol[protocol]));
  }

  isEmpty(): boolean {
    return PROTOCOLS.every((protocol) => this.byProtocol[protocol].length === 0);
  }

  /** Every port of every protocol. */
  isAll(): boolean {
    return this.equals(ConnSet.FULL);
  }

  has(protocol: Protocol, port: number): boolean {
    return this.byProtocol[protocol].some(([lo, hi]) => lo <= port && port <= hi);
  }

  ranges(protocol: Protocol): readonly PortRange[] {
    return this.byProtocol[protocol];
  }

  /** Protocols with at least one port, in `PROTOCOLS` order. */
  protocols(): Protocol[] {
    return PROTOCOLS.filter((protocol) => this.byProtocol[protocol].length > 0);
  }

  /**
   * The compact form reports and tests compare: `All Connections`, `No Connections`, or protocol groups sorted by
   * name, e.g. `TCP 80,8080-8090,UDP 53` (the notation NP-Guard uses, so outputs can be compared with it).
   */
  toString(): string {
    if (this.isEmpty()) return 'No Connections';
    if (this.isAll()) return 'All Connections';
    return [...PROTOCOLS]
      .sort()
      .filter((protocol) => this.byProtocol[protocol].length > 0)
      .map((protocol) => `${protocol} ${this.byProtocol[protocol].map(formatRange).join(',')}`)
      .join(',');
  }
}

export function formatRange([lo, hi]: PortRange): string {
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}

/** Sorts, clips to the valid port space and merges overlapping or adjacent ranges. */
function normalize(ranges: readonly PortRange[]): PortRange[] {
  const clipped = ranges
    .map(([lo, hi]): PortRange => [Math.max(lo, MIN_PORT), Math.min(hi, MAX_PORT)])
    .filter(([lo, hi]) => lo <= hi)
    .sort((a, b) => a[0] - b[0]);
  const merged: PortRange[] = [];
  for (const [lo, hi] of clipped) {
    const last = merged.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

/**
 * Union of two normalized range lists, by a merge walk. Unions are the engine's most frequent operation and most add
 * ports already there: a list that covers the other is returned as is, and ranges are shared, never changed.
 */
function unionRanges(a: readonly PortRange[], b: readonly PortRange[]): readonly PortRange[] {
  if (covers(a, b)) return a;
  if (covers(b, a)) return b;
  const merged: PortRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]![0] <= b[j]![0]) ? a[i++]! : b[j++]!;
    const last = merged.at(-1);
    if (!last || next[0] > last[1] + 1) merged.push(next);
    else if (next[1] > last[1]) merged[merged.length - 1] = [last[0], next[1]];
  }
  return merged;
}

/** Whether every range of `inner` lies within a range of `outer` (both normalized). */
function covers(outer: readonly PortRange[], inner: readonly PortRange[]): boolean {
  let i = 0;
  for (const [lo, hi] of inner) {
    while (i < outer.length && outer[i]![1] < lo) i++;
    const range = outer[i];
    if (!range || range[0] > lo || range[1] < hi) return false;
  }
  return true;
}

/** Intersection of two normalized range lists, by a merge walk. */
function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const result: PortRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aLo, aHi] = a[i]!;
    const [bLo, bHi] = b[j]!;
    const lo = Math.max(aLo, bLo);
    const hi = Math.min(aHi, bHi);
    if (lo <= hi) result.push([lo, hi]);
    if (aHi < bHi) i++;
    else j++;
  }
  return result;
}

function complement(ranges: readonly PortRange[]): PortRange[] {
  const result: PortRange[] = [];
  let next = MIN_PORT;
  for (const [lo, hi] of ranges) {
    if (lo > next) result.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_PORT) result.push([next, MAX_PORT]);
  return result;
}

function sameRanges(a: readonly PortRange[], b: readonly PortRange[]): boolean {
  return a.length === b.length && a.every(([lo, hi], i) => lo === b[i]![0] && hi === b[i]![1]);
}
