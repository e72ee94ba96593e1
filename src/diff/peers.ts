import type { Workload } from '../model/types.js';
import { compareWorkloads } from '../policy/engine.js';
import type { CidrPeer, Peer, WorkloadPeer } from '../policy/types.js';
import { compareText } from '../text/compare.js';

/** The JSON/report form of a workload. */
export function workloadPeer(w: Workload): WorkloadPeer {
  return {
    namespace: w.namespace,
    kind: w.kind,
    name: w.name,
    ...(w.representative ? { representative: w.representative } : {}),
  };
}

export function isCidrPeer(peer: object): peer is CidrPeer {
  return 'cidr' in peer;
}

/** A stable key for a peer: `ns/Kind/name` (a workload id) or the block as people write it. */
export function peerKey(peer: Peer): string {
  return isCidrPeer(peer) ? blockLabel(peer) : `${peer.namespace}/${peer.kind}/${peer.name}`;
}

/** `10.0.0.0/8`, or `0.0.0.0/0 except 10.0.0.5/32, …` for a block with exceptions. */
function blockLabel(block: CidrPeer): string {
  return block.except?.length ? `${block.cidr} except ${block.except.join(', ')}` : block.cidr;
}

/** Report order of peers: CIDR blocks first, by text, then workloads by namespace, kind and name (code points). */
export function comparePeers(a: Peer, b: Peer): number {
  const aIsBlock = isCidrPeer(a);
  const bIsBlock = isCidrPeer(b);
  if (aIsBlock && bIsBlock) return compareText(a.cidr, b.cidr) || compareText(blockLabel(a), blockLabel(b));
  if (aIsBlock || bIsBlock) return aIsBlock ? -1 : 1;
  return compareWorkloads(a, b);
}

/** Whether two changes or connections are between the same two peers (whatever their protocols and ports). */
export function samePath(a: { from: Peer; to: Peer }, b: { from: Peer; to: Peer }): boolean {
  return comparePeers(a.from, b.from) === 0 && comparePeers(a.to, b.to) === 0;
}

/** How people write a peer: `ns/name` (kind in brackets when not a Deployment) or the CIDR. */
export function peerLabel(peer: object): string {
  if (isCidrPeer(peer)) return blockLabel(peer);
  if ('ip' in peer) return String(peer.ip);
  if ('unmatched' in peer) return `(unmatched: ${String(peer.unmatched)})`;
  const w = peer as WorkloadPeer;
  if (w.representative) return w.representative;
  return w.kind === 'Deployment' ? `${w.namespace}/${w.name}` : `${w.namespace}/${w.name} [${w.kind}]`;
}

/**
 * Paths as people count them: (from, to) pairs, a block being its CIDR whatever it excepts (web -> 0.0.0.0/0 closed
 * on TCP but for one address and on UDP everywhere is one path). One closed on TCP, UDP and SCTP is one path for
 * people, three entries for machines.
 */
export function countPaths(changes: readonly { from: Peer; to: Peer }[]): number {
  const end = (peer: Peer) => (isCidrPeer(peer) ? peer.cidr : peerKey(peer));
  return new Set(changes.map((change) => `${end(change.from)}\n${end(change.to)}`)).size;
}
