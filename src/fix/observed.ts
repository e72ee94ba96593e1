import type { FlowPeer } from '../check/types.js';
import { flowPeer } from '../diff/replay.js';
import type { MatchedEndpoint } from '../flows/match.js';
import type { AggregatedFlow, FlowEndpoint } from '../flows/types.js';
import type { Protocol } from '../model/types.js';
import type { AdmittingRule, Direction, Endpoint, PolicyEngine } from '../policy/types.js';

/** A recorded connection that passed, with both ends matched to the head model. */
export interface ObservedFlow {
  from: Endpoint;
  to: Endpoint;
  fromPeer: FlowPeer;
  toPeer: FlowPeer;
  protocol: Protocol;
  port: number;
  count: number;
  /** The rules of head's policies that let it through, on each side (readiness and unused rules read these). */
  admitting: Record<Direction, readonly AdmittingRule[]>;
}

/**
 * The distinct connections that passed when recorded, as the head model sees them, with the rules admitting each.
 * Flows with an endpoint the model cannot place are left out: the replay reports those. Aggregated flows that differ
 * only in what the model does not distinguish (a pod-template-hash label) become one connection.
 */
export function observedFlows(
  flows: Iterable<AggregatedFlow>,
  match: (endpoint: FlowEndpoint) => MatchedEndpoint,
  head: PolicyEngine,
): ObservedFlow[] {
  const byKey = new Map<string, Omit<ObservedFlow, 'admitting'>>();
  for (const flow of flows) {
    if (flow.verdict === 'denied' || flow.verdict === 'dropped-other') continue;
    const from = match(flow.from);
    const to = match(flow.to);
    if ('unmatched' in from || 'unmatched' in to) continue;
    const observed = {
      from,
      to,
      fromPeer: flowPeer(from),
      toPeer: flowPeer(to),
      protocol: flow.protocol,
      port: flow.port,
      count: flow.count,
    };
    const key = flowKey(observed.fromPeer, observed.toPeer, flow.protocol, flow.port);
    const known = byKey.get(key);
    if (known) known.count += flow.count;
    else byKey.set(key, observed);
  }
  return [...byKey.values()].map((flow) => ({
    ...flow,
    admitting: {
      egress: head.admittingRules('egress', flow.from, flow.to, flow.protocol, flow.port),
      ingress: head.admittingRules('ingress', flow.to, flow.from, flow.protocol, flow.port),
    },
  }));
}

/** The identity of a connection as reports name it, so a replayed flow finds its observed one. */
export function flowKey(from: FlowPeer, to: FlowPeer, protocol: Protocol, port: number): string {
  return JSON.stringify([from, to, protocol, port]);
}
