import type { Workload } from '../model/types.js';
import { compareWorkloads } from '../policy/engine.js';
import type { CidrPeer, Peer, WorkloadPeer } from '../policy/types.js';
import { compareText } from '../text/compare.js';

/** The JSON/report form of a workload. */
export function workloadPeer(w: Workload): WorkloadPeer {
  return { namespace: w.namespace, kind: w.kind, name: w.name };
}

export function isCidrPeer(peer: object): peer is CidrPeer {
  return 'cidr' in peer;
}

/** A stable key for a peer: `ns/Kind/name` (a workload id) or the CIDR itself. */
export function peerKey(peer: Peer): string {
  return isCidrPeer(peer) ? peer.cidr : `${peer.namespace}/${peer.kind}/${peer.name}`;
}

/** Report order of peers: CIDR blocks first, by text, then workloads by namespace, kind and name (code points). */
export function comparePeers(a: Peer, b: Peer): number {
  const aIsBlock = isCidrPeer(a);
  const bIsBlock = isCidrPeer(b);
  if (aIsBlock && bIsBlock) return compareText(a.cidr, b.cidr);
  if (aIsBlock || bIsBlock) return aIsBlock ? -1 : 1;
  return compareWorkloads(a, b);
}

/** Whether two changes or connections are between the same two peers (whatever their protocols and ports). */
export function samePath(a: { from: Peer; to: Peer }, b: { from: Peer; to: Peer }): boolean {
  return comparePeers(a.from, b.from) === 0 && comparePeers(a.to, b.to) === 0;
}

/** How people write a peer: `ns/name` (kind in brackets when not a Deployment) or the CIDR. */
export function peerLabel(peer: object): string {
  if (isCidrPeer(peer)) return peer.cidr;
  if ('ip' in peer) return String(peer.ip);
  if ('unmatched' in peer) return `(unmatched: ${String(peer.unmatched)})`;
  const w = peer as WorkloadPeer;
  return w.kind === 'Deployment' ? `${w.namespace}/${w.name}` : `${w.namespace}/${w.name} [${w.kind}]`;
}
