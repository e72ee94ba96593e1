import type { FlowPeer } from './types.js';
import { flowPeer } from './replay.js';
import type { MatchedEndpoint } from '../flows/match.js';
import type { AggregatedFlow, FlowEndpoint } from '../flows/types.js';
import type { Protocol } from '../model/types.js';
import type { AdmittingRule, Direction, Endpoint, PolicyEngine } from '../policy/types.js';

/** A recorded connection that passed, with both ends matched to the head model. */
export interface ObservedFlow {
  /** Its identity as reports name it ({@link flowKey}), so that a replayed flow finds it. */
  key: string;
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
  const byKey = new Map<string, ObservedFlow>();
  for (const flow of flows) {
    if (flow.verdict === 'denied' || flow.verdict === 'dropped-other') continue;
    const from = match(flow.from);
    const to = match(flow.to);
    if ('unmatched' in from || 'unmatched' in to) continue;
    const fromPeer = flowPeer(from);
    const toPeer = flowPeer(to);
    const { protocol, port } = flow;
    const key = flowKey(fromPeer, toPeer, protocol, port);
    const known = byKey.get(key);
    if (known) {
      known.count += flow.count;
      continue;
    }
    byKey.set(key, {
      key,
      from,
      to,
      fromPeer,
      toPeer,
      protocol,
      port,
      count: flow.count,
      admitting: {
        egress: head.admittingRules('egress', from, to, protocol, port),
        ingress: head.admittingRules('ingress', to, from, protocol, port),
      },
    });
  }
  return [...byKey.values()];
}

/** The identity of a connection as reports name it, so a replayed flow finds its observed one. */
export function flowKey(from: FlowPeer, to: FlowPeer, protocol: Protocol, port: number): string {
  return JSON.stringify([from, to, protocol, port]);
}
