import { decidedBy, type SideEnds } from '../diff/blame.js';
import { describeDenial } from '../diff/explain-text.js';
import { peerLabel, workloadPeer } from '../diff/peers.js';
import { createFlowMatcher, type FlowMatcherOptions, type MatchedEndpoint } from '../flows/match.js';
import type { AggregatedFlow, FlowEndpoint, L7Records } from '../flows/types.js';
import { describeL7Sides, judgeL7 } from '../policy/l7.js';
import { inPolicyAuditMode } from '../model/cni.js';
import type { ClusterModel, Workload } from '../model/types.js';
import { namespaceLabelsOf } from '../model/build.js';
import { standsFor } from '../policy/representatives.js';
import { ownerFromPodName } from '../flows/owner.js';
import type { DnsAnswers, Endpoint, L7Request, PolicyEngine, WorkloadPeer } from '../policy/types.js';
import { fqdnMatcher } from '../policy/fqdn.js';
import { compareText } from '../text/compare.js';
import { checkDeadline, type Deadline } from '../deadline.js';
import { attributionMismatch } from './attribution.js';
import type { FlowPeer, ModelClusterMismatch, ReplayedFlow, ReplayOutcome } from './types.js';

/** What a flow and a recorded request share: the connection's ends, port, count and window. */
type L7Connection = Pick<
  AggregatedFlow,
  'from' | 'to' | 'protocol' | 'port' | 'verdict' | 'count' | 'firstSeen' | 'lastSeen'
>;

/** One side of the replay: its engine and a matcher of flow endpoints to its model. */
export interface ReplaySide {
  engine: PolicyEngine;
  match(endpoint: FlowEndpoint): MatchedEndpoint;
  /**
   * Head: the representative peers the diff compared (`policy/representatives.ts`) and its DNS name peers
   * (`policy/fqdn.ts`), for `representedBy`.
   */
  representatives?: readonly Workload[];
  /** Head: the DNS answers the flows hold, which say what DNS name peers an address is among. */
  dns?: DnsAnswers;
}

/**
 * Replays each aggregated flow against base and head. A flow that passed when recorded and that base allows but
 * head denies is `broken`: live traffic this change would cut. A flow that was denied and head allows is
 * `newlyAllowed`. A flow Hubble recorded as `AUDIT` passed only because policy audit mode let it: the policy in
 * force would have denied it, so whatever base says, one head denies is `wouldBreakWhenEnforced` (the step from
 * audit to enforcement in an iterative hardening), and one head allows needs nothing. With Cilium in policy audit
 * mode (config `cilium.policyAuditMode`) every flow head denies is such a flow: nothing is dropped yet. Drops for reasons other than
 * policy stay out of the verdict; endpoints that match nothing in the model are reported, never guessed.
 * `deadline` is checked every few thousand flows.
 */
export function replayFlows(
  flows: Iterable<AggregatedFlow>,
  base: ReplaySide,
  head: ReplaySide,
  deadline?: Deadline,
  l7?: L7Records,
): ReplayOutcome {
  const outcome: ReplayOutcome = {
    broken: [],
    newlyAllowed: [],
    stillDenied: 0,
    wouldBreakWhenEnforced: [],
    unmatched: [],
    otherDrops: 0,
    deniedAtBase: 0,
  };
  let step = 0;
  const auditMode = inPolicyAuditMode(head.engine.model);
  const mismatches: ModelClusterMismatch[] = [];
  for (const flow of flows) {
    if (++step % DEADLINE_EVERY === 0) checkDeadline(deadline, REPLAY_STAGE);
    if (flow.verdict === 'dropped-other') {
      outcome.otherDrops += flow.count;
      continue;
    }
    if (flow.attribution) mismatches.push(...compareWithCluster(base, flow));
    const from = head.match(flow.from);
    const to = head.match(flow.to);
    const unmatched = 'unmatched' in from ? from.unmatched : 'unmatched' in to ? to.unmatched : undefined;
    if (unmatched !== undefined) {
      outcome.unmatched.push({ ...replayed(flow, from, to), reason: unmatched });
      continue;
    }
    const src = toEndpoint(from);
    const dst = toEndpoint(to);
    const allowedAtHead = head.engine.isAllowed(src, dst, flow.protocol, flow.port);
    if (flow.verdict === 'denied') {
      if (allowedAtHead) outcome.newlyAllowed.push(replayed(flow, from, to));
      else outcome.stillDenied++;
      continue;
    }
    if (allowedAtHead) continue;
    const audited = flow.verdict === 'audit' || auditMode;
    const baseAllows = allowedAtBase(base, flow);
    if (!audited && !baseAllows) {
      outcome.deniedAtBase++;
      continue;
    }
    const explanation = head.engine.explain(src, dst, flow.protocol, flow.port);
    const denial = describeDenial(explanation, peerLabel(flowPeer(from)), peerLabel(flowPeer(to)));
    const decided = decidedBy(
      baseEnds(base, flow),
      { engine: head.engine, from: src, to: dst },
      flow.protocol,
      flow.port,
      false,
    );
    const represented = representedBy(head, from, to);
    (audited ? outcome.wouldBreakWhenEnforced : outcome.broken).push({
      ...replayed(flow, from, to),
      ...(represented ? { representedBy: represented } : {}),
      explanation: denial.text,
      ...(denial.location ? { location: denial.location } : {}),
      ...(decided ? { decidedBy: decided } : {}),
      ...(flow.attribution ? { recordedBy: flow.attribution } : {}),
      // An audited flow base allows: this change is what enforcement would cut it by.
      ...(audited && baseAllows ? { introduced: true as const } : {}),
    });
  }
  if (l7) replayRequests(l7, base, head, auditMode, outcome);
  if (mismatches.length > 0) outcome.modelClusterMismatches = mismatches.sort(compareFlows);
  outcome.broken.sort((a, b) => b.count - a.count || compareFlows(a, b));
  outcome.wouldBreakWhenEnforced.sort((a, b) => b.count - a.count || compareFlows(a, b));
  outcome.newlyAllowed.sort(compareFlows);
  outcome.unmatched.sort(compareFlows);
  return outcome;
}

/**
 * Replays the requests L7 proxies recorded (Hubble L7 records: HTTP requests, DNS lookups) against the L7 rules of
 * the connection each went over (`policy/l7.ts`). A request that passed when recorded, that base lets through and
 * head refuses at L7 is broken like a flow (`GET /api/v1/pay refused at L7 by ...`), or would break when enforced
 * when audited, as for L3/L4; one refused when recorded that head lets through is newly allowed. A request whose
 * connection head denies at L3/L4 is left to that connection's flow, reported already. Only a refusal is certain:
 * what the record does not carry (headers) is taken to match (`judgeL7`).
 */
function replayRequests(
  l7: L7Records,
  base: ReplaySide,
  head: ReplaySide,
  auditMode: boolean,
  outcome: ReplayOutcome,
): void {
  const requests: [L7Connection, L7Request, string][] = [
    ...l7.http.map((r): [L7Connection, L7Request, string] => [
      r,
      {
        parser: 'http',
        method: r.method,
        path: r.path,
        ...(r.host !== undefined ? { host: r.host } : {}),
        ...(r.withQuery ? { withQuery: true } : {}),
      },
      `${r.method} ${r.path}${r.withQuery ? '?…' : ''}`,
    ]),
    ...l7.dnsLookups.map((r): [L7Connection, L7Request, string] => [
      r,
      { parser: 'dns', query: r.query },
      `DNS ${r.query}`,
    ]),
  ];
  for (const [flow, request, label] of requests) {
    if (flow.verdict === 'dropped-other') continue;
    const from = head.match(flow.from);
    const to = head.match(flow.to);
    if ('unmatched' in from || 'unmatched' in to) continue;
    const src = toEndpoint(from);
    const dst = toEndpoint(to);
    if (!head.engine.isAllowed(src, dst, flow.protocol, flow.port)) continue;
    const atHead = judgeL7(head.engine.l7Filter(src, dst, flow.protocol, flow.port), request);
    if (flow.verdict === 'denied') {
      if (atHead.allowed && !atHead.unchecked)
        outcome.newlyAllowed.push({ ...replayed(flow, from, to), request: label });
      else if (!atHead.allowed) outcome.stillDenied++;
      continue;
    }
    if (atHead.allowed) continue;
    const ends = baseEnds(base, flow);
    const baseAllows =
      !ends ||
      (ends.engine.isAllowed(ends.from, ends.to, flow.protocol, flow.port) &&
        judgeL7(ends.engine.l7Filter(ends.from, ends.to, flow.protocol, flow.port), request).allowed);
    const audited = flow.verdict === 'audit' || auditMode;
    if (!audited && !baseAllows) {
      outcome.deniedAtBase++;
      continue;
    }
    const refused = atHead.refusedBy!;
    const [by = ''] = describeL7Sides({ [refused.direction]: refused.rules });
    (audited ? outcome.wouldBreakWhenEnforced : outcome.broken).push({
      ...replayed(flow, from, to),
      request: label,
      explanation: `${label} refused at L7 by ${by}`,
      location: refused.rules[0]!.location,
      ...(audited && baseAllows ? { introduced: true as const } : {}),
    });
  }
}

/** Flows replayed between deadline checks. */
const DEADLINE_EVERY = 4096;
/** The stage a deadline passed in the replay stops, as the check names it. */
export const REPLAY_STAGE = 'replaying the flows';

/**
 * Each direction of a flow where what the cluster recorded as deciding it and what decides it at base differ. Base is
 * the policy set the flows were recorded under; an end base does not know leaves nothing to compare.
 */
function compareWithCluster(base: ReplaySide, flow: AggregatedFlow): ModelClusterMismatch[] {
  const ends = baseEnds(base, flow);
  if (!ends) return [];
  const mismatches: ModelClusterMismatch[] = [];
  for (const recorded of flow.attribution ?? []) {
    const mismatch = attributionMismatch(ends, recorded, flow.protocol, flow.port);
    if (!mismatch) continue;
    const from = base.match(flow.from);
    const to = base.match(flow.to);
    mismatches.push({
      ...replayed(flow, from, to),
      recorded,
      model: mismatch.model,
      explanation: mismatch.text,
    });
  }
  return mismatches;
}

/** Whether base allows a flow; an endpoint base does not know (new in head) counts as allowed: it was seen. */
function allowedAtBase(base: ReplaySide, flow: L7Connection): boolean {
  const ends = baseEnds(base, flow);
  return !ends || ends.engine.isAllowed(ends.from, ends.to, flow.protocol, flow.port);
}

/** The flow's ends as base knows them; undefined when base does not know one. */
function baseEnds(base: ReplaySide, flow: L7Connection): SideEnds | undefined {
  const from = base.match(flow.from);
  const to = base.match(flow.to);
  if ('unmatched' in from || 'unmatched' in to) return undefined;
  return { engine: base.engine, from: toEndpoint(from), to: toEndpoint(to) };
}

function toEndpoint(matched: MatchedEndpoint): Endpoint {
  return 'workload' in matched ? { workload: matched.workload } : { ip: (matched as { ip: string }).ip };
}

/** How reports name a matched flow endpoint: the workload, the address, or why it matched nothing. */
export function flowPeer(matched: MatchedEndpoint): FlowPeer {
  if ('workload' in matched) return workloadPeer(matched.workload);
  if ('ip' in matched) return { ip: matched.ip };
  return { unmatched: matched.unmatched };
}

function replayed(flow: L7Connection, from: MatchedEndpoint, to: MatchedEndpoint): ReplayedFlow {
  return {
    from: flowPeer(from),
    to: flowPeer(to),
    protocol: flow.protocol,
    port: flow.port,
    count: flow.count,
    ...(flow.firstSeen ? { firstSeen: flow.firstSeen } : {}),
    ...(flow.lastSeen ? { lastSeen: flow.lastSeen } : {}),
  };
}

function compareFlows(a: ReplayedFlow, b: ReplayedFlow): number {
  return (
    compareText(peerLabel(a.from), peerLabel(b.from)) ||
    compareText(peerLabel(a.to), peerLabel(b.to)) ||
    compareText(a.protocol, b.protocol) ||
    a.port - b.port
  );
}

/**
 * The representative peers (pods the tree does not show, as the diff names them) that a flow's ends made from what
 * the flow says are among, and the DNS name peers an address is among by the names DNS answered it for: a closed
 * path to one of them carried this flow. Undefined when neither end is such a pod or address.
 */
function representedBy(
  head: ReplaySide,
  from: MatchedEndpoint,
  to: MatchedEndpoint,
): ReplayedFlow['representedBy'] {
  const among = (matched: MatchedEndpoint): WorkloadPeer[] => {
    if (head.representatives && head.dns && 'ip' in matched) {
      const names = [...head.dns].flatMap(([name, addresses]) =>
        addresses.includes(matched.ip) ? [name] : [],
      );
      return names.length === 0
        ? []
        : head.representatives
            .filter(({ dnsName }) => dnsName && names.some(fqdnMatcher(dnsName)))
            .map(workloadPeer);
    }
    if (!head.representatives || !('workload' in matched) || matched.workload.madeBy !== MADE_BY_FLOW)
      return [];
    const pod = matched.workload;
    const namespaceLabels = namespaceLabelsOf(head.engine.model, pod.namespace);
    return head.representatives
      .filter((representative) => standsFor(representative, pod, namespaceLabels))
      .map(workloadPeer);
  };
  const ends = { from: among(from), to: among(to) };
  if (ends.from.length === 0 && ends.to.length === 0) return undefined;
  return {
    ...(ends.from.length > 0 ? { from: ends.from } : {}),
    ...(ends.to.length > 0 ? { to: ends.to } : {}),
  };
}

/**
 * A side of the replay: flow endpoints are matched to the model's workloads, or made pods of their own
 * (`matchingOutsidePods`). The replay and the observed connections match the same endpoint objects (shared between
 * aggregated flows): each is matched once, so an outside pod is one workload whose policies are worked out once.
 */
export function replaySide(model: ClusterModel, engine: PolicyEngine, cidrs: FlowMatcherOptions): ReplaySide {
  const match = matchingOutsidePods(createFlowMatcher(model, cidrs).match);
  const matched = new WeakMap<FlowEndpoint, MatchedEndpoint>();
  return {
    engine,
    match(endpoint) {
      let result = matched.get(endpoint);
      if (!result) matched.set(endpoint, (result = match(endpoint)));
      return result;
    },
  };
}

/** What a workload made from a flow's own namespace and labels says made it. */
const MADE_BY_FLOW = 'a recorded flow';

/**
 * Wraps a matcher so that a pod no workload of the model stands for (kube-system's DNS, a pod an operator or another
 * repository makes) is evaluated from what the flow itself says, its namespace and labels, instead of being unmatched:
 * policies decide on exactly those, so its breakage is reported. Unmatched stays for endpoints with nothing to
 * evaluate (no namespace or no labels) and for ambiguous ones.
 */
export function matchingOutsidePods(
  match: (endpoint: FlowEndpoint) => MatchedEndpoint,
): (endpoint: FlowEndpoint) => MatchedEndpoint {
  return (endpoint) => {
    const matched = match(endpoint);
    const { namespace, labels } = endpoint;
    if (!('unmatched' in matched) || !namespace || !labels || matched.unmatched.startsWith('ambiguous'))
      return matched;
    const owner = endpoint.workload ?? (endpoint.pod ? ownerFromPodName(endpoint.pod, labels) : undefined);
    const name = owner?.name ?? endpoint.pod ?? Object.values(labels).join('-');
    const kind = owner?.kind ?? 'Pod';
    const workload: Workload = {
      id: `${namespace}/${kind}/${name}`,
      namespace,
      kind,
      name,
      labels,
      ports: [],
      // Cilium labels its endpoint with it, and policies may select it (`policy/identity.ts`).
      ...(endpoint.serviceAccount !== undefined ? { serviceAccount: endpoint.serviceAccount } : {}),
      ips: [],
      loc: { file: '(recorded flow)', line: 0, column: 0 },
      madeBy: MADE_BY_FLOW,
    };
    return { workload };
  };
}
