import { networkPolicyRef } from '../../model/policy-ref.js';
import type { NetworkPolicy, PolicyPeer, PolicyRule } from '../../model/types.js';
import {
  compilePeer,
  holdsEveryAddress,
  type AddressMatch,
  compilePorts,
  meaningOnce,
  type CompiledPeer,
  type CompiledPolicy,
  type CompiledRule,
} from '../../policy/compile.js';
import { compileSelector } from '../../policy/selector.js';
import type { Direction } from '../../policy/types.js';

/**
 * Compiles a policy's selectors and ports once; the result answers for any pod or address. `addressMatch`: which
 * pods its ipBlocks match by address on the CNI (`policy/compile.ts`).
 */
export function compileNetworkPolicy(policy: NetworkPolicy, addressMatch: AddressMatch): CompiledPolicy {
  const compileRules = (direction: Direction): CompiledRule[] =>
    (policy.types[direction] ? policy[direction] : []).map((rule, index) => ({
      action: 'allow',
      index,
      path: rule.path,
      ...(rule.peers ? { peers: compilePeers(policy.namespace, rule.peers, addressMatch) } : {}),
      ports: compilePorts(rule.ports),
    }));
  const selects = compileSelector(policy.podSelector);
  return {
    ref: networkPolicyRef(policy),
    tier: 'namespaced',
    priority: 0,
    namespace: policy.namespace,
    selects: (pod) => !pod.unpoliced && selects(pod.labels),
    applies: policy.types,
    ingress: compileRules('ingress'),
    egress: compileRules('egress'),
    locate: policy.locate,
    meaning: meaningOnce((direction) => meaning(policy, direction, addressMatch)),
    networkPolicy: policy,
  };
}

/**
 * One direction of a NetworkPolicy as the engine reads it: namespace, selector and rules, without names or positions
 * (a moved or renamed policy means the same; the policies selecting a pod are a union, their order does not matter).
 */
function meaning(policy: NetworkPolicy, direction: Direction, addressMatch: AddressMatch): string {
  const rule = ({ peers, ports }: PolicyRule) => [
    peers?.map(({ podSelector, namespaceSelector, ipBlock }) => [podSelector, namespaceSelector, ipBlock]),
    ports?.map(({ protocol, port, endPort }) => [protocol, port, endPort]),
  ];
  return JSON.stringify([policy.namespace, policy.podSelector, addressMatch, policy[direction].map(rule)]);
}

/** A rule's peers; its full blocks match the DNS name peers where together they hold every address. */
function compilePeers(
  namespace: string,
  peers: readonly PolicyPeer[],
  addressMatch: AddressMatch,
): CompiledPeer[] {
  const rule = { everyAddress: holdsEveryAddress(peers) };
  return peers.map((peer) => compilePeer(namespace, peer, addressMatch, rule));
}
