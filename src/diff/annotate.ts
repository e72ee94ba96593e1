import type { PathChange, Risk } from '../check/types.js';
import type { Workload } from '../model/types.js';
import { cidrToRange, formatAddress, rangeContains } from '../policy/ip.js';
import type { Endpoint, PolicyEngine } from '../policy/types.js';
import { describeDenial } from './explain-text.js';
import { isCidrPeer, peerKey, peerLabel } from './peers.js';

const METADATA_ENDPOINTS = ['169.254.169.254/32', 'fd00:ec2::254/128'];
/** Address space that is not the internet: private, shared, loopback, link-local, unique-local. */
const NON_PUBLIC = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  'fc00::/7',
  'fe80::/10',
  '::1/128',
];

/** A namespace name no cluster has: a pod there stands for "a pod in any namespace". */
const PROBE_NAMESPACE = 'netpol-guard-probe-any-namespace';

/** The same pod in {@link PROBE_NAMESPACE}; one per workload, so the engine works out its facts once. */
function probeOf(workload: Workload): Workload {
  let probe = probes.get(workload);
  if (!probe) {
    probe = {
      ...workload,
      id: `${PROBE_NAMESPACE}/${workload.kind}/${workload.name}`,
      namespace: PROBE_NAMESPACE,
    };
    probes.set(workload, probe);
  }
  return probe;
}

const probes = new WeakMap<Workload, Workload>();

/**
 * Adds what a reviewer needs to judge each change: on opened paths a risk note (crosses namespaces, reachable from
 * any namespace, the internet, the metadata endpoint) and the rule that allows them; on closed paths, why head
 * denies them. Both with file:line, for annotations and SARIF.
 */
export function annotateChanges(opened: PathChange[], closed: PathChange[], head: PolicyEngine): void {
  const workloads = new Map<string, Workload>(head.model.workloads.map((w) => [w.id, w]));
  const endpoint = (peer: PathChange['from']): Endpoint | undefined => {
    if (isCidrPeer(peer)) {
      const range = cidrToRange(peer.cidr);
      return range ? { ip: formatAddress(range.start, range.family) } : undefined;
    }
    const workload = workloads.get(peerKey(peer));
    return workload ? { workload } : undefined;
  };

  for (const change of opened) {
    const risk = risksOf(change, head, workloads);
    if (risk.length > 0) change.risk = risk;
    const from = endpoint(change.from);
    const to = endpoint(change.to);
    const port = change.ports[0]?.[0];
    if (!from || !to || port === undefined) continue;
    const location = head.allowingRule(from, to, change.protocol, port);
    if (location) change.location = location;
  }
  for (const change of closed) {
    const from = endpoint(change.from);
    const to = endpoint(change.to);
    const port = change.ports[0]?.[0];
    if (!from || !to || port === undefined) continue;
    const denial = describeDenial(
      head.explain(from, to, change.protocol, port),
      peerLabel(change.from),
      peerLabel(change.to),
    );
    change.explanation = denial.text;
    if (denial.location) change.location = denial.location;
  }
}

function risksOf(change: PathChange, head: PolicyEngine, workloads: Map<string, Workload>): Risk[] {
  const risks: Risk[] = [];
  const { from, to } = change;
  if (!isCidrPeer(from) && !isCidrPeer(to) && from.namespace !== to.namespace) risks.push('cross-namespace');
  const source = isCidrPeer(from) ? undefined : workloads.get(peerKey(from));
  const destination = isCidrPeer(to) ? undefined : workloads.get(peerKey(to));
  const port = change.ports[0]?.[0];
  if (source && destination && port !== undefined) {
    // Would the same pod, placed in a namespace nobody has yet, be let in? Then any namespace can reach it.
    if (head.isAllowed({ workload: probeOf(source) }, { workload: destination }, change.protocol, port))
      risks.push('any-namespace');
  }
  for (const peer of [from, to]) {
    if (!isCidrPeer(peer)) continue;
    if (!NON_PUBLIC.some((block) => covers(block, peer.cidr))) risks.push('internet');
    if (METADATA_ENDPOINTS.some((block) => covers(peer.cidr, block))) risks.push('metadata-endpoint');
  }
  return [...new Set(risks)];
}

/** Whether CIDR `outer` contains every address of CIDR `inner`. */
function covers(outer: string, inner: string): boolean {
  const a = cidrToRange(outer);
  const b = cidrToRange(inner);
  return !!a && !!b && rangeContains(a, b);
}
