import { PROTOCOLS, type Protocol } from '../model/types.js';
import {
  cidrToRange,
  compareRanges,
  cutAddressSpace,
  rangeContains,
  rangeToCidrs,
  type IpRange,
} from './ip.js';
import { ConnSet } from './portset.js';
import type { PortRange } from './types.js';

/** Ports some rule allows with a set of addresses (undefined `ranges`: every address of both families). */
export interface ExternalContribution {
  ranges?: readonly IpRange[];
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
  return blocksOf(
    contributions.flatMap((c) => c.ranges ?? []),
    (segment) =>
      contributions
        .filter((c) => !c.ranges || c.ranges.some((covering) => rangeContains(covering, segment)))
        .reduce((ports, c) => ports.union(c.ports), ConnSet.none()),
  );
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
  const blocks: ExternalBlock[] = [];
  for (const family of [4, 6] as const) {
    const segments = cutAddressSpace(
      family,
      boundaries.filter((range) => range.family === family),
    ).map((range) => ({ range, ports: portsAt(range) }));
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

/** Block order in reports: by address (see `compareRanges`), then protocol. */
export function compareBlocks(a: ExternalBlock, b: ExternalBlock): number {
  return (
    compareRanges(a.range, b.range) || PROTOCOL_ORDER.indexOf(a.protocol) - PROTOCOL_ORDER.indexOf(b.protocol)
  );
}

function mergeSegments(
  segments: readonly { range: IpRange; ports: ConnSet }[],
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
