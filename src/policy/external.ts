import { PROTOCOLS, type Protocol } from '../model/types.js';
import {
  cidrToRange,
  compareBigInt,
  compareRanges,
  cutAddressSpace,
  rangeToCidrs,
  type IpFamily,
  type IpRange,
} from './ip.js';
import { ConnSet } from './portset.js';
import type { PortRange } from './types.js';

/** Ports some rule allows with a set of addresses (undefined `ranges`: every address of both families). */
export interface ExternalContribution {
  ranges?: readonly IpRange[];
  ports: ConnSet;
}

/** A piece of the cut address space with the ports allowed on every address of it. */
interface Segment {
  range: IpRange;
  ports: ConnSet;
}

/** One CIDR with the ports of one protocol allowed with every address in it. */
export interface ExternalBlock {
  cidr: string;
  range: IpRange;
  protocol: Protocol;
  ports: PortRange[];
}

/** Protocols in report order (by name). */
export const PROTOCOL_ORDER: readonly Protocol[] = [...PROTOCOLS].sort();

/**
 * Turns the address-based rules of one pod and direction into blocks: the IPv4 and IPv6 spaces are cut where any
 * rule's ranges start or end, each segment gets the union of the ports of the rules covering it, and, per protocol,
 * adjacent segments with the same ports are merged before being written as CIDRs. Sorted by address, then protocol.
 */
export function externalBlocks(contributions: readonly ExternalContribution[]): ExternalBlock[] {
  return mergedBlocks((family) => allowedSegments(family, contributions));
}

/**
 * Blocks from any rule of what a segment gets: the IPv4 and IPv6 spaces are cut at every boundary, `portsAt` says
 * what each segment is allowed (the tiers compose deny and pass rules as well as allows), and adjacent segments with
 * the same ports are merged per protocol. Sorted by address, then protocol.
 */
export function blocksOf(
  boundaries: readonly IpRange[],
  portsAt: (segment: IpRange) => ConnSet,
): ExternalBlock[] {
  return mergedBlocks((family) =>
    cutAddressSpace(family, boundaries).map((range) => ({ range, ports: portsAt(range) })),
  );
}

/** Each family's segments, adjacent ones with the same ports merged per protocol, written as CIDR blocks. */
function mergedBlocks(segmentsOf: (family: IpFamily) => readonly Segment[]): ExternalBlock[] {
  const blocks: ExternalBlock[] = [];
  for (const family of [4, 6] as const) {
    const segments = segmentsOf(family);
    for (const protocol of PROTOCOL_ORDER) {
      for (const merged of mergeSegments(segments, protocol)) {
        for (const cidr of rangeToCidrs(merged.range)) {
          blocks.push({
            cidr,
            range: cidrToRange(cidr)!,
            protocol,
            ports: merged.ports.map(([lo, hi]) => [lo, hi]),
          });
        }
      }
    }
  }
  return blocks.sort(compareBlocks);
}

/**
 * {@link externalBlocks} once per distinct set of contributions: the pods one policy selects all have the same
 * address rules, and their blocks (read-only) are computed once rather than once per pod group.
 */
export class ExternalBlockCache {
  private readonly rangeIds = new WeakMap<readonly IpRange[], number>();
  private readonly byKey = new Map<string, ExternalBlock[]>();
  private nextRangeId = 0;

  blocks(contributions: readonly ExternalContribution[]): ExternalBlock[] {
    return this.composed(contributions, '', () => externalBlocks(contributions));
  }

  /**
   * What `compute` gives for the contributions and whatever else `also` names (the tiers' rules a composed row cuts
   * the address space with), once per distinct pair: every pod one cluster policy selects has the same blocks.
   */
  composed(
    contributions: readonly ExternalContribution[],
    also: string,
    compute: () => ExternalBlock[],
  ): ExternalBlock[] {
    const key = `${also}#${contributions
      .map((c) => `${c.ranges ? this.idOf(c.ranges) : '*'}=${c.ports.toString()}`)
      .join('|')}`;
    let blocks = this.byKey.get(key);
    if (!blocks) this.byKey.set(key, (blocks = compute()));
    return blocks;
  }

  /** Compiled peers keep their ranges in one array each: its identity names them. */
  private idOf(ranges: readonly IpRange[]): number {
    let id = this.rangeIds.get(ranges);
    if (id === undefined) this.rangeIds.set(ranges, (id = this.nextRangeId++));
    return id;
  }
}

/** Block order in reports: by address (see `compareRanges`), then protocol. */
export function compareBlocks(a: ExternalBlock, b: ExternalBlock): number {
  return (
    compareRanges(a.range, b.range) || PROTOCOL_ORDER.indexOf(a.protocol) - PROTOCOL_ORDER.indexOf(b.protocol)
  );
}

/**
 * The ports allowed on each segment of the cut address space, in one sweep: a segment is covered by exactly the
 * ranges that start at or before it and end at or after it, so walking the segments in order and adding and
 * removing the ranges as they start and end gives each segment's rules without testing every rule on every segment
 * (a policy with a thousand ipBlocks is a thousand rules and two thousand segments).
 */
function allowedSegments(family: IpFamily, contributions: readonly ExternalContribution[]): Segment[] {
  const everywhere = contributions
    .filter((c) => !c.ranges)
    .reduce((ports, c) => ports.union(c.ports), ConnSet.none());
  const events: { at: bigint; ports: ConnSet; change: 1 | -1 }[] = [];
  for (const c of contributions) {
    for (const range of c.ranges ?? []) {
      if (range.family !== family) continue;
      events.push({ at: range.start, ports: c.ports, change: 1 });
      events.push({ at: range.end + 1n, ports: c.ports, change: -1 });
    }
  }
  events.sort((a, b) => compareBigInt(a.at, b.at));
  // Rules covering the current segment, by their ports: few distinct port sets however many ranges there are.
  const active = new Map<string, { ports: ConnSet; count: number }>();
  let next = 0;
  let ports = everywhere;
  return cutAddressSpace(
    family,
    contributions.flatMap((c) => c.ranges ?? []),
  ).map((range) => {
    let changed = false;
    for (; next < events.length && events[next]!.at <= range.start; next++) {
      const event = events[next]!;
      const key = event.ports.toString();
      const entry = active.get(key) ?? { ports: event.ports, count: 0 };
      entry.count += event.change;
      if (entry.count === 0) active.delete(key);
      else active.set(key, entry);
      changed = true;
    }
    if (changed) ports = [...active.values()].reduce((union, entry) => union.union(entry.ports), everywhere);
    return { range, ports };
  });
}

function mergeSegments(
  segments: readonly Segment[],
  protocol: Protocol,
): { range: IpRange; ports: readonly PortRange[] }[] {
  const merged: { range: IpRange; ports: readonly PortRange[] }[] = [];
  for (const segment of segments) {
    const ports = segment.ports.ranges(protocol);
    if (ports.length === 0) continue;
    const last = merged.at(-1);
    if (
      last &&
      last.range.end + 1n === segment.range.start &&
      ConnSet.of(protocol, last.ports).equals(ConnSet.of(protocol, ports))
    ) {
      last.range = { ...last.range, end: segment.range.end };
    } else {
      merged.push({ range: segment.range, ports });
    }
  }
  return merged;
}
