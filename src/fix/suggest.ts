import { positionsIn } from '../collections.js';
import { isDeepStrictEqual } from 'node:util';
import type { PathChange } from '../diff/types.js';
import type { ResolvedConfig } from '../config/types.js';
import { changedScope, closingScope } from '../diff/changed.js';
import { diffConnectivity } from '../diff/connectivity.js';
import { peerLabel } from '../diff/peers.js';
import { parseManifestText } from '../manifests/load.js';
import type { Diagnostic } from '../manifests/types.js';
import { networkPolicyRef, policyKey } from '../model/policy-ref.js';
import { buildModel, NAMESPACE_NAME_LABEL, namespaceLabelsOf } from '../model/build.js';
import type { FieldPath, SourceLocation } from '../manifests/types.js';
import type {
  ClusterModel,
  PolicyRef,
  TieredPolicy,
  LabelSelector,
  Labels,
  NetworkPolicy,
  PolicyPeer,
  PolicyPort,
  Protocol,
  Workload,
} from '../model/types.js';
import { createEngine, createEngineLike } from '../policy/engine.js';
import { decide, labelFilterOf } from '../policy/identity.js';
import { parseAddress } from '../policy/ip.js';
import { matchesSelector } from '../policy/selector.js';
import type { Direction, DnsAnswers, Endpoint, Explanation, PolicyEngine } from '../policy/types.js';
import { hasDnsVisibilityFor } from '../policy/fqdn.js';
import { describeDecidingRule } from '../diff/explain-text.js';
import { dnsEgressMissing, dnsPods, isDeclaredDnsPod } from '../rules/dns-egress-missing.js';
import { byNamespace, destinationWorkloads, subPath } from '../rules/helpers.js';
import { isolates, sectionPath } from '../rules/cilium.js';
import { subjectWorkloads } from '../rules/tiered.js';
import { namedPortUndefined } from '../rules/named-port-undefined.js';
import { peerSelectsNothing } from '../rules/peer-selects-nothing.js';
import { servicePortNotContainerPort } from '../rules/service-port-not-container-port.js';
import { runLint } from '../rules/run.js';
import type { Finding } from '../rules/types.js';
import {
  addPolicy,
  addRule,
  changedLines,
  editScalar,
  ruleYaml,
  type PatchOutcome,
  type PolicyTarget,
  type ScalarEdit,
} from './patch.js';
import type { RulePatch, SuggestedFix } from './types.js';
import { compareText } from '../text/compare.js';
import { fieldPathText } from '../text/field-path.js';
import { editDistance } from '../text/edit-distance.js';
import { CILIUM_KINDS } from '../model/cni.js';

/** What suggesting fixes needs: the head side, its config, and the text of its manifest files. */
export interface FixContext {
  model: ClusterModel;
  engine: PolicyEngine;
  config: ResolvedConfig;
  /** The text of a manifest file as locations name it; undefined when it cannot be read. */
  readText(file: string): string | undefined;
  /**
   * The DNS answers the recorded flows hold (`policy/fqdn.ts`): a flow's fix is verified with them, as the replay
   * judged it, so a `toFQDNs` name restores the flows to the addresses answered for it.
   */
  dns?: DnsAnswers;
}

/** A fix, or why none is offered (a diagnostic names the policy and its file). */
export type FixOutcome = { fix: SuggestedFix } | { problem: Diagnostic } | { none: true };

/**
 * Labels that differ between the pods of one workload or between its rollouts: a selector on them would stop
 * matching at the next deployment.
 */
const CHURNING_LABELS = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-uid',
  'batch.kubernetes.io/controller-uid',
  'job-name',
  'batch.kubernetes.io/job-name',
]);

/**
 * A rule to add to one policy for one direction; or, with `newPolicy`, to a new policy beside `policy` (a pure
 * default deny, which stays one); or, with `edit`, one value of `policy` changed in place instead of a rule.
 */
interface RuleRequest {
  policy: NetworkPolicy | CiliumTarget;
  direction: Direction;
  rule: Record<string, unknown>;
  newPolicy?: { name: string; podSelector: Record<string, unknown> };
  edit?: ScalarEdit;
}

/** The policies a fix replaces by their patched versions, and those it adds. */
export interface PatchedPolicies {
  replaced: Map<NetworkPolicy, NetworkPolicy>;
  added: NetworkPolicy[];
  /** Cilium policies by policyKey, each as the tiered policies (one per spec) of its patched or new version. */
  tiered?: Map<string, TieredPolicy[]>;
}

/**
 * A CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy a rule goes into (or a new one beside, when it is a pure
 * default deny: every rule `{}`): when it is what isolates the pod, the fix is written in Cilium's syntax (issue 18).
 */
export interface CiliumTarget {
  kind: string;
  ref: PolicyRef;
  id: string;
  /** Undefined for a CiliumClusterwideNetworkPolicy. */
  namespace: string | undefined;
  name: string;
  namespaceDeclared: boolean;
  loc: SourceLocation;
  /** The spec the rule goes into (`spec`, or the entry of `specs` that isolates the pod), as the model holds it. */
  spec: TieredPolicy;
  /** Every rule of that spec is `{}` (matches nothing): a default deny, which stays one. */
  pure: boolean;
}

function isCilium(policy: NetworkPolicy | CiliumTarget): policy is CiliumTarget {
  return 'spec' in policy;
}

/**
 * A policy with no rules at all: a default deny (usually `podSelector: {}`). Allow rules do not go into it, where
 * they would make it something else and hide the deny: they go into a policy of their own beside it, as the
 * dns-egress-missing help says.
 */
export function isPureDeny(policy: NetworkPolicy): boolean {
  return policy.ingress.length === 0 && policy.egress.length === 0;
}

/**
 * The narrowest rules that restore one connection head denies: on each end that denies it (egress at the source,
 * ingress at the destination), one rule naming exactly the other end (its namespace by name and its workload's
 * labels, or the single address) and the port seen. `name`: the name DNS answered the destination address for, by
 * which a `toFQDNs` rule of base allowed it; a Cilium policy then gets that name back rather than the address (and
 * the DNS rule, where its pods have no DNS visibility for it). Offered only when the patched policies, parsed again,
 * are schema-valid and allow the connection.
 */
export function suggestFlowFix(
  context: FixContext,
  from: Endpoint,
  to: Endpoint,
  protocol: Protocol,
  port: number,
  name?: string,
): FixOutcome {
  const explanation = context.engine.explain(from, to, protocol, port);
  if (explanation.allowed) return { none: true };
  const adminDenial = adminDenialOf(explanation);
  if (adminDenial) return adminDenial;
  const requests: RuleRequest[] = [];
  for (const [direction, subject, other] of [
    ['egress', from, to],
    ['ingress', to, from],
  ] as const) {
    if (explanation[direction].allowed || !('workload' in subject)) continue;
    const policy = narrowestPolicy(context.engine, subject.workload, direction);
    if (!policy) {
      // Isolated by a Cilium policy only: the rule in Cilium's syntax, into that policy or one beside it.
      const cilium = ciliumIsolating(context, direction, subject, other, protocol, port);
      if (!cilium) continue;
      const byName = direction === 'egress' && 'ip' in other ? name : undefined;
      requests.push(ciliumRequest(context, cilium, direction, other, protocol, port, byName));
      const dns = byName !== undefined && dnsVisibilityRequest(context, cilium, byName);
      if (dns) requests.push(dns);
      continue;
    }
    const destination = direction === 'egress' ? other : subject;
    const rule = {
      [direction === 'egress' ? 'to' : 'from']: [peerFor(context.model, policy.namespace, other)],
      ports: [portFor(policy, direction, destination, { protocol, port })],
    };
    requests.push(
      isPureDeny(policy)
        ? besideDeny(
            context,
            policy,
            direction,
            rule,
            `allow-${direction}-${direction === 'egress' ? 'to' : 'from'}-${endName(other)}`,
          )
        : { policy, direction, rule },
    );
  }
  return offer(context, requests, flowScope(context, from, to), (engine) =>
    engine.isAllowed(from, to, protocol, port),
  );
}

/** The label Cilium puts on every pod for its namespace (Documentation/security/policy/kubernetes.rst). */
const CILIUM_NAMESPACE_LABEL = 'k8s:io.kubernetes.pod.namespace';

/**
 * The Cilium policy whose isolation denies one side of a connection (no rule of it matched: not a deny rule, which
 * no allow overrides), as the engine's decision names it.
 */
function ciliumIsolating(
  context: FixContext,
  direction: Direction,
  subject: Endpoint,
  other: Endpoint,
  protocol: Protocol,
  port: number,
): CiliumTarget | undefined {
  const decision = context.engine.decision(direction, subject, other, protocol, port);
  const ref = decision.policy;
  if (decision.tier !== 'namespaced' || decision.action !== 'deny' || decision.index !== undefined)
    return undefined;
  if (!ref || !CILIUM_KINDS.includes(ref.kind) || !('workload' in subject)) return undefined;
  // The spec (`spec`, or an entry of `specs`) that selects the pod and isolates it: one with rules that match
  // something first, so a rule joins its like rather than turning a `{}` default deny into an allow.
  const isolating = specsOf(context, ref).filter(
    (spec) => isolates(spec, direction) && subjectWorkloads(context.model, spec).includes(subject.workload),
  );
  const spec = isolating.find((candidate) => !isPureSpec(candidate)) ?? isolating[0];
  return spec ? ciliumTarget(spec) : undefined;
}

/** The specs of one Cilium policy, in the order it writes them. */
function specsOf(context: FixContext, ref: PolicyRef): TieredPolicy[] {
  const key = policyKey(ref);
  return (context.model.tieredPolicies ?? []).filter((policy) => policyKey(policy.ref) === key);
}

/** Every rule of the spec is `{}`: it matches nothing, a default deny. */
function isPureSpec(spec: TieredPolicy): boolean {
  const rules = [...spec.ingress, ...spec.egress];
  return rules.length > 0 && rules.every((rule) => rule.empty === true);
}

/** The Cilium policy of a spec, as a fix patches it: the rule goes into that spec's list (`specs[i].egress`). */
function ciliumTarget(spec: TieredPolicy): CiliumTarget {
  const { ref } = spec;
  return {
    kind: ref.kind,
    ref,
    id: ref.namespace === undefined ? ref.name : `${ref.namespace}/${ref.name}`,
    namespace: ref.namespace,
    name: ref.name,
    namespaceDeclared: ref.namespace !== undefined,
    loc: ref.location,
    spec,
    pure: isPureSpec(spec),
  };
}

/**
 * A rule in Cilium's syntax (Documentation/security/policy/language.rst, examples/policies/): the other end by
 * `toEndpoints`/`fromEndpoints` with its pod labels and, when it is not the policy's namespace (or the policy is
 * clusterwide), `k8s:io.kubernetes.pod.namespace`; an address by `toCIDR`/`fromCIDR`, or by the `toFQDNs` name
 * (`matchName`) DNS answered it for when one is given; an entity (the API server, a node) by
 * `toEntities`/`fromEntities`; the port under `toPorts`.
 * DNS to the cluster's DNS pods is the rule Cilium's docs give (examples/policies/l7/dns/dns-visibility.yaml): port
 * 53 of any protocol with `rules: {dns: [{matchPattern: "*"}]}`, which also lets toFQDNs learn addresses.
 */
function ciliumRequest(
  context: FixContext,
  target: CiliumTarget,
  direction: Direction,
  other: Endpoint,
  protocol: Protocol,
  port: number,
  name?: string,
): RuleRequest {
  const dns = direction === 'egress' && port === 53 && isDnsEnd(context, other);
  const peerKey = direction === 'egress' ? 'to' : 'from';
  const ports = dns
    ? [{ ports: [{ port: '53', protocol: 'ANY' }], rules: { dns: [{ matchPattern: '*' }] } }]
    : [{ ports: [{ port: String(port), protocol }] }];
  let peer: Record<string, unknown>;
  if ('ip' in other && name !== undefined) peer = { toFQDNs: [{ matchName: name }] };
  else if ('ip' in other) {
    const family = parseAddress(other.ip)?.family ?? 4;
    peer = { [`${peerKey}CIDR`]: [`${other.ip}/${family === 6 ? 128 : 32}`] };
  } else if (other.workload.entities) {
    // An entity by its name: the API server where the identity is one, as the API server on a node is.
    const { entities } = other.workload;
    peer = { [`${peerKey}Entities`]: [entities.includes('kube-apiserver') ? 'kube-apiserver' : entities[0]] };
  } else {
    const { workload } = other;
    const labels = dns ? dnsPodLabels(context, workload) : stableLabels(context.model, workload.labels);
    const sameNamespace = target.namespace !== undefined && workload.namespace === target.namespace;
    peer = {
      [`${peerKey}Endpoints`]: [
        {
          matchLabels: {
            ...(sameNamespace ? {} : { [CILIUM_NAMESPACE_LABEL]: workload.namespace }),
            ...labels,
          },
        },
      ],
    };
  }
  const rule = { ...peer, toPorts: ports };
  if (!target.pure) return { policy: target, direction, rule };
  const policyName = dns
    ? 'allow-dns'
    : `allow-${direction}-${direction === 'egress' ? 'to' : 'from'}-${endName(other)}`;
  return besideDeny(context, target, direction, rule, policyName, endpointSelectorOf(target));
}

/**
 * The DNS rule a restored `toFQDNs` name needs when the pods have no DNS visibility for it (Cilium learns a name's
 * addresses only from the DNS its proxy sees: language.rst, "DNS based"): Cilium's DNS rule to the cluster's DNS
 * pods, beside the name in the same policy. Undefined when they have it, or no DNS pod is known.
 */
function dnsVisibilityRequest(
  context: FixContext,
  target: CiliumTarget,
  name: string,
): RuleRequest | undefined {
  if (hasDnsVisibilityFor(context.model.tieredPolicies ?? [], target.spec, name)) return undefined;
  const [dns] = dnsPods(context.model, context.config).pods;
  return dns ? ciliumRequest(context, target, 'egress', { workload: dns }, 'UDP', 53) : undefined;
}

/** The other end is one of the cluster's DNS pods (as the config's `dns:` names them). */
function isDnsEnd(context: FixContext, endpoint: Endpoint): boolean {
  return 'workload' in endpoint && isDeclaredDnsPod(context.model, context.config, endpoint.workload);
}

/** The DNS pods' labels as the config selects them, else the pod's own stable labels. */
function dnsPodLabels(context: FixContext, workload: Workload): Labels {
  const { matchLabels, matchExpressions } = context.config.dns.podSelector;
  return matchLabels && !matchExpressions?.length
    ? { ...matchLabels }
    : stableLabels(context.model, workload.labels);
}

/** The pure deny's `endpointSelector`, as the model read it (labels and expressions), for the policy beside it. */
function endpointSelectorOf(target: CiliumTarget): Record<string, unknown> {
  return plainSelector(target.spec.subject.podSelector);
}

/**
 * Whether a fix already offered (for a finding) restores the connection too: then the connection needs no fix of
 * its own, and the report shows one fix for both needs (the DNS rule a broken flow wants is the one the
 * `dns-egress-missing` finding on its policy wants).
 */
export function fixAllows(
  context: FixContext,
  fix: SuggestedFix,
  from: Endpoint,
  to: Endpoint,
  protocol: Protocol,
  port: number,
): boolean {
  const patched = patchedPolicies(context, fix);
  return (
    !!patched &&
    verifyingEngine(context, scopedModel(context, flowScope(context, from, to), patched)).isAllowed(
      from,
      to,
      protocol,
      port,
    )
  );
}

/**
 * A flow's fix with each end's patch replaced by one already offered (for a finding, or for another flow) that
 * lets that end allow the connection too: the one-line edit a finding names instead of a rule beside it, the same
 * policy for three workloads instead of three. Kept only when the result still restores the connection.
 */
export function reusingOffered(
  context: FixContext,
  fix: SuggestedFix,
  offered: readonly SuggestedFix[],
  from: Endpoint,
  to: Endpoint,
  protocol: Protocol,
  port: number,
): SuggestedFix {
  const { alsoNeeded, ...first } = fix;
  const own: RulePatch[] = alsoNeeded ? [first, alsoNeeded] : [first];
  const candidates = offered.flatMap(({ alsoNeeded: other, ...patch }) => (other ? [patch, other] : [patch]));
  let reused = false;
  const chosen = own.map((patch) => {
    const same = candidates.find(
      (candidate) =>
        candidate.direction === patch.direction &&
        candidate.policy.namespace === patch.policy.namespace &&
        sideAllowsWith(context, candidate, from, to, protocol, port),
    );
    if (same && !isDeepStrictEqual(same, patch)) reused = true;
    return same ?? patch;
  });
  if (!reused) return fix;
  const [one, two] = chosen as [RulePatch, RulePatch | undefined];
  const combined: SuggestedFix = two && !isDeepStrictEqual(one, two) ? { ...one, alsoNeeded: two } : one;
  return fixAllows(context, combined, from, to, protocol, port) ? combined : fix;
}

/** Whether one patch alone makes its end (its direction) allow the connection. */
function sideAllowsWith(
  context: FixContext,
  patch: RulePatch,
  from: Endpoint,
  to: Endpoint,
  protocol: Protocol,
  port: number,
): boolean {
  const patched = patchedPolicies(context, patch);
  if (!patched) return false;
  const engine = verifyingEngine(context, scopedModel(context, flowScope(context, from, to), patched));
  return engine.sideAllows(patch.direction, from, to, protocol, port);
}

/**
 * The policies a fix patches, each by its patched version as the loader reads it, and the policies it adds;
 * undefined if one cannot be read.
 */
export function patchedPolicies(context: FixContext, fix: SuggestedFix): PatchedPolicies | undefined {
  const patched: PatchedPolicies = { replaced: new Map(), added: [] };
  for (const patch of fix.alsoNeeded ? [fix, fix.alsoNeeded] : [fix]) {
    // Looked up in its namespace: a check verifies up to a hundred fixes against thousands of policies.
    const policy = byNamespace(context.model)
      .policies.get(patch.policy.namespace ?? '')
      ?.find((p) => policyKey(networkPolicyRef(p)) === policyKey(patch.policy));
    const file = { loc: { file: patch.file, line: patch.line, column: 1 } } as NetworkPolicy;
    if (CILIUM_KINDS.includes(patch.policy.kind)) {
      const reparsed = reparsedTiered(context, patch.patchedPolicyYaml, patch.file);
      if ('error' in reparsed) return undefined;
      patched.tiered ??= new Map();
      patched.tiered.set(policyKey(patch.policy), reparsed.policies);
      continue;
    }
    if (patch.change === 'policy') {
      const reparsed = reparsedPolicy(context, patch.patchedPolicyYaml, file);
      if ('error' in reparsed) return undefined;
      patched.added.push(reparsed.policy);
      continue;
    }
    if (!policy) return undefined;
    const reparsed = reparsedPolicy(context, patch.patchedPolicyYaml, policy);
    if ('error' in reparsed) return undefined;
    patched.replaced.set(policy, reparsed.policy);
  }
  return patched;
}

/**
 * Whether a connection is allowed depends only on the cluster policies, the policies of the two ends' namespaces,
 * the namespaces' labels and the two workloads themselves: the rest of the cluster is left out of the verifying
 * engine.
 */
function flowScope(context: FixContext, from: Endpoint, to: Endpoint): VerificationScope {
  const ends = [from, to].flatMap((end) => ('workload' in end ? [end.workload] : []));
  return {
    namespaces: new Set(ends.map((workload) => workload.namespace)),
    workloads: () => {
      const { workloads } = byNamespace(context.model);
      return [...new Set(ends)].filter((workload) => workloads.get(workload.namespace)?.includes(workload));
    },
  };
}

/**
 * What replacing policies by their patched versions closes: nothing, for a fix that only adds a rule. A fix must not
 * close traffic its finding or flow does not mention, and neither does: a rewrite that lost a field, a rule that
 * made a policy isolate a direction it did not (a policy without `policyTypes` that gains egress rules), would.
 * The comparison is over every workload and the policies of the patched policies' namespaces: the other ends'
 * policies are the same on both sides, so leaving them out can only show more of what the patch closes.
 */
export function closedByPatches(context: FixContext, patched: PatchedPolicies): PathChange[] {
  const namespaces = new Set(
    [...patched.replaced.keys(), ...patched.added].map((policy) => policy.namespace),
  );
  // A patched clusterwide policy may select pods of any namespace.
  let clusterwide = false;
  for (const list of patched.tiered?.values() ?? []) {
    for (const policy of list) {
      if (policy.ref.namespace !== undefined) namespaces.add(policy.ref.namespace);
      else clusterwide = true;
    }
  }
  const patchedModel: ClusterModel = {
    ...context.model,
    policies: [
      ...policiesOf(context, namespaces).map((policy) => patched.replaced.get(policy) ?? policy),
      ...patched.added,
    ],
    tieredPolicies: withTiered(context.model.tieredPolicies ?? [], patched),
  };
  const before = unpatchedEngine(context, namespaces);
  const after = createEngineLike(before, patchedModel);
  // Only the pods of the patched policies' namespaces can be selected differently: namespaced policies select pods
  // of their own namespace only, and the other namespaces' policies are left out of both sides.
  const { workloads } = byNamespace(context.model);
  const candidates = clusterwide ? undefined : [...namespaces].flatMap((ns) => workloads.get(ns) ?? []);
  const scope = candidates ? closingScope(before, after, candidates) : changedScope(before, after);
  if (scope.sources.size === 0 && scope.destinations.size === 0) return [];
  const diff = diffConnectivity(before, after, scope);
  return [...diff.closed, ...diff.goneConnections];
}

/** An engine a fix is verified on: over `model`, with the DNS answers the flows hold, as the replay judges flows. */
function verifyingEngine(context: FixContext, model: ClusterModel): PolicyEngine {
  return createEngine(model, context.dns ? { dns: context.dns } : {});
}

/** The head model's policies of `namespaces`, in the model's order. */
function policiesOf(context: FixContext, namespaces: ReadonlySet<string>): NetworkPolicy[] {
  const { policies } = byNamespace(context.model);
  const found = [...namespaces].flatMap((namespace) => policies.get(namespace) ?? []);
  if (namespaces.size < 2) return found;
  const position = positionsIn(context.model.policies);
  return found.sort((a, b) => position.get(a)! - position.get(b)!);
}

/**
 * The engine `closedByPatches` compares a patch against: every workload, the policies of `namespaces` and every
 * tiered policy, as head has them. Each is made like one engine per head model without NetworkPolicies, whose
 * groups it shares outside `namespaces`, and kept for the next fixes in the same namespaces (the broken flows of a
 * namespace come in order of their counts, mixed with other namespaces').
 */
function unpatchedEngine(context: FixContext, namespaces: ReadonlySet<string>): PolicyEngine {
  const key = [...namespaces].sort().join('\u0000');
  let engines = unpatchedEngines.get(context.model);
  if (!engines) {
    const tieredOnly = createEngine({
      ...context.model,
      policies: [],
      tieredPolicies: context.model.tieredPolicies ?? [],
    });
    unpatchedEngines.set(context.model, (engines = { tieredOnly, byNamespaces: new Map() }));
  }
  let engine = engines.byNamespaces.get(key);
  if (!engine) {
    const model = {
      ...context.model,
      policies: policiesOf(context, namespaces),
      tieredPolicies: context.model.tieredPolicies ?? [],
    };
    engine = createEngineLike(engines.tieredOnly, model);
    // Bounded: each holds the re-evaluated groups of its namespaces.
    if (engines.byNamespaces.size === MAX_UNPATCHED_ENGINES) {
      engines.byNamespaces.delete(engines.byNamespaces.keys().next().value!);
    }
    engines.byNamespaces.set(key, engine);
  }
  return engine;
}

const MAX_UNPATCHED_ENGINES = 64;

const unpatchedEngines = new WeakMap<
  ClusterModel,
  { tieredOnly: PolicyEngine; byNamespaces: Map<string, PolicyEngine> }
>();

/** The tiered policies with the Cilium policies a fix patches replaced (all their specs), and those it adds. */
function withTiered(policies: readonly TieredPolicy[], patched: PatchedPolicies): TieredPolicy[] {
  if (!patched.tiered) return [...policies];
  const tiered = patched.tiered;
  return [...policies.filter(({ ref }) => !tiered.has(policyKey(ref))), ...[...tiered.values()].flat()];
}

/** The part of the head model in `scope`, with some policies replaced by their patched versions. */
function scopedModel(context: FixContext, scope: VerificationScope, patched: PatchedPolicies): ClusterModel {
  const index = byNamespace(context.model);
  const inScope = <T>(grouped: ReadonlyMap<string, T[]>) =>
    [...scope.namespaces].flatMap((namespace) => grouped.get(namespace) ?? []);
  return {
    cni: context.model.cni ?? 'generic',
    ...(context.model.cilium ? { cilium: context.model.cilium } : {}),
    namespaces: context.model.namespaces,
    workloads: scope.workloads(),
    services: inScope(index.services),
    policies: [
      ...inScope(index.policies).map((policy) => patched.replaced.get(policy) ?? policy),
      ...patched.added.filter((policy) => scope.namespaces.has(policy.namespace)),
    ],
    // Cluster policies apply in every namespace, and an admin Deny overrides any NetworkPolicy allow.
    tieredPolicies: withTiered(context.model.tieredPolicies ?? [], patched).filter(
      ({ subject }) => subject.namespace === undefined || scope.namespaces.has(subject.namespace),
    ),
  };
}

/**
 * For a `dns-egress-missing` finding: the rule its policy lacks, egress to the configured DNS pods on the DNS
 * ports. Offered only when the patched policy, parsed again, makes the rule report nothing on it.
 */
export function suggestDnsFix(context: FixContext, finding: Finding): FixOutcome {
  if (finding.rule !== dnsEgressMissing.meta.id) return { none: true };
  const { namespace, name } = finding.resource;
  if (CILIUM_KINDS.includes(finding.resource.kind)) return suggestCiliumDnsFix(context, finding);
  if (finding.resource.kind !== 'NetworkPolicy') return { none: true };
  const policy = context.model.policies.find((p) => p.namespace === namespace && p.name === name);
  if (!policy) return { none: true };
  const { dns } = context.config;
  const rule = {
    to: [
      {
        namespaceSelector: plainSelector(dns.namespaceSelector),
        podSelector: plainSelector(dns.podSelector),
      },
    ],
    ports: dns.ports.map(({ protocol, port }) => ({ protocol, port })),
  };
  // The rule reports on this policy only for the workloads of its namespace, judged by their own egress policies
  // towards the DNS pods: those are all the verifying engine needs.
  const scope: VerificationScope = {
    namespaces: new Set([policy.namespace]),
    workloads: () =>
      context.model.workloads.filter(
        (workload) =>
          workload.namespace === policy.namespace ||
          isDeclaredDnsPod(context.model, context.config, workload),
      ),
  };
  const request: RuleRequest = isPureDeny(policy)
    ? besideDeny(context, policy, 'egress', rule, 'allow-dns')
    : { policy, direction: 'egress', rule };
  return offer(context, [request], scope, (engine) => {
    const lint = runLint({ model: engine.model, engine, diagnostics: [] }, context.config, [
      dnsEgressMissing,
    ]);
    return !lint.findings.some((f) => f.resource.namespace === namespace && f.resource.name === name);
  });
}

/** The rules whose findings name one value to edit, when a near value is at hand. */
const EDITABLE: ReadonlySet<string> = new Set([
  servicePortNotContainerPort.meta.id,
  namedPortUndefined.meta.id,
  peerSelectsNothing.meta.id,
]);

/** The fix of a finding that has one: the DNS rule of dns-egress-missing, or the one-line edit a finding names. */
export function suggestFindingFix(context: FixContext, finding: Finding): FixOutcome {
  if (finding.rule === dnsEgressMissing.meta.id) return suggestDnsFix(context, finding);
  if (EDITABLE.has(finding.rule)) return suggestEditFix(context, finding);
  return { none: true };
}

/**
 * For a finding on one value of a policy (a Service port where the pods listen on another, a port name no pod
 * declares, a selector label no pod carries): the one-line edit that makes the value what was meant, when the
 * tree makes that unambiguous (the one target port; the one declared name, or label, within two typos of it).
 * Offered only when the patched policy, parsed again, no longer has the finding and closes nothing but what the
 * finding says carries no traffic.
 */
export function suggestEditFix(context: FixContext, finding: Finding): FixOutcome {
  const { namespace, name } = finding.resource;
  const policy = context.model.policies.find((p) => p.namespace === namespace && p.name === name);
  if (!policy || finding.resource.kind !== 'NetworkPolicy') return { none: true };
  const edit = findingEdit(context, policy, finding);
  if (!edit) return { none: true };
  const rule = ([servicePortNotContainerPort, namedPortUndefined, peerSelectsNothing] as const).find(
    (candidate) => candidate.meta.id === finding.rule,
  );
  if (!rule) return { none: true };
  const scope = wholeModel(context);
  const request: RuleRequest = { policy, direction: edit.direction, rule: {}, edit: edit.edit };
  return offer(
    context,
    [request],
    scope,
    (engine) =>
      !runLint({ model: engine.model, engine, diagnostics: [] }, context.config, [rule]).findings.some(
        (f) => f.resource.namespace === namespace && f.resource.name === name && f.line === finding.line,
      ),
    // A Service port no selected pod listens on carries no traffic to them: the edit may stop allowing it.
    (closed) => {
      if (edit.deadPort === undefined || !('name' in closed.to)) return false;
      const { namespace: ns, kind, name: workloadName } = closed.to;
      const workload = context.model.workloads.find(
        (w) => w.namespace === ns && w.kind === kind && w.name === workloadName,
      );
      return (
        !!workload &&
        closed.ports.every(([lo, hi]) => lo === edit.deadPort && hi === edit.deadPort) &&
        !workload.ports.some((p) => p.port === edit.deadPort && p.protocol === closed.protocol)
      );
    },
  );
}

interface FindingEdit {
  direction: Direction;
  edit: ScalarEdit;
  /** The port number the edit stops allowing, which the finding says no pod receives traffic on. */
  deadPort?: number;
}

/** The field of the policy a finding points at, and the edit that makes it what was meant. */
function findingEdit(context: FixContext, policy: NetworkPolicy, finding: Finding): FindingEdit | undefined {
  const at = (path: readonly (string | number)[]) => {
    const loc = policy.locate(path);
    return loc.line === finding.line && loc.column === finding.column;
  };
  for (const direction of ['ingress', 'egress'] as const) {
    for (const rule of policy[direction]) {
      const visit = { policy, direction, rule };
      for (const port of rule.ports ?? []) {
        if (!at(subPath(port.path, 'port'))) continue;
        const value = portEdit(context, visit, port, finding.rule);
        if (value === undefined) return undefined;
        return {
          direction,
          edit: { path: subPath(port.path, 'port'), value },
          ...(typeof port.port === 'number' ? { deadPort: port.port } : {}),
        };
      }
      for (const peer of rule.peers ?? []) {
        if (finding.rule !== peerSelectsNothing.meta.id || !at(subPath(peer.path, 'podSelector'))) continue;
        const edit = labelEdit(context, policy, peer);
        return edit ? { direction, edit } : undefined;
      }
    }
  }
  return undefined;
}

/** The Service's one target port for a Service port; the one declared name near an undeclared one. */
function portEdit(
  context: FixContext,
  visit: { policy: NetworkPolicy; direction: Direction; rule: NetworkPolicy['ingress'][number] },
  port: PolicyPort,
  rule: string,
): string | number | undefined {
  const destinations = destinationWorkloads(context.engine, visit);
  if (rule === servicePortNotContainerPort.meta.id && typeof port.port === 'number') {
    const targets = new Set<number>();
    for (const workload of destinations) {
      if (workload.ports.some((p) => p.port === port.port && p.protocol === port.protocol)) continue;
      for (const service of context.model.services) {
        const selector = service.selector;
        if (!selector || Object.keys(selector).length === 0 || service.namespace !== workload.namespace)
          continue;
        if (!Object.entries(selector).every(([key, value]) => workload.labels[key] === value)) continue;
        for (const servicePort of service.ports) {
          if (servicePort.port !== port.port || servicePort.protocol !== port.protocol) continue;
          const target =
            typeof servicePort.targetPort === 'number'
              ? servicePort.targetPort
              : workload.ports.find(
                  (p) => p.name === servicePort.targetPort && p.protocol === servicePort.protocol,
                )?.port;
          if (target !== undefined) targets.add(target);
        }
      }
    }
    const [only, ...others] = targets;
    return others.length === 0 ? only : undefined;
  }
  if (rule === namedPortUndefined.meta.id && typeof port.port === 'string') {
    const names = new Set(
      destinations.flatMap((workload) =>
        workload.ports.flatMap((p) => (p.name && p.protocol === port.protocol ? [p.name] : [])),
      ),
    );
    return nearest(port.port, names);
  }
  return undefined;
}

/**
 * The one label edit that makes a selector that matches nothing match pods of its namespaces: a workload whose
 * labels satisfy every `matchLabels` entry but one, whose value (or key) is within two typos of the written one.
 */
function labelEdit(context: FixContext, policy: NetworkPolicy, peer: PolicyPeer): ScalarEdit | undefined {
  const selector = peer.podSelector;
  const written = selector?.matchLabels;
  if (!written || selector.matchExpressions?.length) return undefined;
  const namespaces = peer.namespaceSelector
    ? [...context.model.namespaces.keys()].filter((namespace) =>
        matchesSelector(peer.namespaceSelector!, namespaceLabelsOf(context.model, namespace)),
      )
    : [policy.namespace];
  const edits = new Map<string, ScalarEdit>();
  const labels = subPath(peer.path, 'podSelector', 'matchLabels');
  for (const workload of context.model.workloads) {
    if (!namespaces.includes(workload.namespace)) continue;
    const misses = Object.entries(written).filter(([key, value]) => workload.labels[key] !== value);
    const [miss, ...more] = misses;
    if (!miss || more.length > 0) continue;
    const [key, value] = miss;
    const actual = workload.labels[key];
    let edit: ScalarEdit | undefined;
    if (actual !== undefined) {
      if (nearest(value, new Set([actual])) !== undefined)
        edit = { path: subPath(labels, key), value: actual };
    } else {
      const keys = new Set(
        Object.entries(workload.labels).flatMap(([k, v]) => (v === value && !(k in written) ? [k] : [])),
      );
      const near = nearest(key, keys);
      if (near !== undefined) edit = { path: subPath(labels, key), key: true, value: near };
    }
    if (edit) edits.set(JSON.stringify(edit), edit);
  }
  const [only, ...others] = edits.values();
  return others.length === 0 ? only : undefined;
}

/**
 * dns-egress-missing on a Cilium policy: the DNS rule of Cilium's docs, into that policy or (a pure default deny)
 * an `allow-dns` beside it, verified like the NetworkPolicy one (the rule no longer reports the policy).
 */
function suggestCiliumDnsFix(context: FixContext, finding: Finding): FixOutcome {
  const { kind, namespace, name } = finding.resource;
  const tiered = (context.model.tieredPolicies ?? []).find(
    ({ ref }) => ref.kind === kind && ref.namespace === namespace && ref.name === name,
  );
  // The spec whose egress section the finding is at (a policy of `specs` has several).
  const isolating = tiered ? specsOf(context, tiered.ref).filter((spec) => isolates(spec, 'egress')) : [];
  const spec =
    isolating.find((candidate) =>
      candidate.egress.some((rule) => {
        const at = candidate.locate(sectionPath(rule));
        return at.line === finding.line && at.column === finding.column;
      }),
    ) ?? isolating[0];
  const target = spec ? ciliumTarget(spec) : undefined;
  const [dns] = dnsPods(context.model, context.config).pods;
  if (!target || !dns) return { none: true };
  const request = ciliumRequest(context, target, 'egress', { workload: dns }, 'UDP', 53);
  const scope = wholeModel(context);
  return offer(context, [request], scope, (engine) => {
    const lint = runLint({ model: engine.model, engine, diagnostics: [] }, context.config, [
      dnsEgressMissing,
    ]);
    return !lint.findings.some(
      (f) => f.resource.kind === kind && f.resource.namespace === namespace && f.resource.name === name,
    );
  });
}

/** The one candidate within two edits of `written` (and not equal to it), if exactly one is. */
function nearest(written: string, candidates: ReadonlySet<string>): string | undefined {
  const near = [...candidates].filter(
    (candidate) => candidate !== written && editDistance(written, candidate) <= 2,
  );
  return near.length === 1 ? near[0] : undefined;
}

/**
 * The part of the head model a fix's verification can depend on: the policies of some namespaces and some
 * workloads (every namespace is kept, for its labels). An engine over it answers the verifying question exactly as
 * one over the whole model would, at the cost of a few workloads instead of the cluster, once per suggested fix.
 */
interface VerificationScope {
  namespaces: ReadonlySet<string>;
  /** The model's workloads the answer depends on. */
  workloads(): Workload[];
}

/** The whole head model as a verification scope: every namespace's policies of every kind, every workload. */
function wholeModel(context: FixContext): VerificationScope {
  return {
    namespaces: new Set([
      ...context.model.namespaces.keys(),
      ...context.model.policies.map((p) => p.namespace),
      ...(context.model.tieredPolicies ?? []).flatMap(({ subject }) =>
        subject.namespace !== undefined ? [subject.namespace] : [],
      ),
    ]),
    workloads: () => context.model.workloads,
  };
}

/**
 * Patches each policy's file, re-parses the patched policies and keeps the fix only if `verified` holds on the
 * scoped model with them.
 */
function offer(
  context: FixContext,
  requests: readonly RuleRequest[],
  scope: VerificationScope,
  verified: (engine: PolicyEngine) => boolean,
  closesOnlyDead: (closed: PathChange) => boolean = () => false,
): FixOutcome {
  const [first, second] = requests;
  if (!first) return { none: true };
  const patched: PatchedPolicies = { replaced: new Map(), added: [] };
  const patches: RulePatch[] = [];
  // Each patch is shown against the file as it is; the model applies them one after the other.
  const texts = new Map<string, string>();
  for (const request of requests) {
    const { file } = request.policy.loc;
    const original = context.readText(file);
    if (original === undefined) return problem(request, 'its file could not be read');
    const alone = patchText(context, original, request);
    if ('error' in alone) return problem(request, alone.error);
    // The first patch of a file is its own cumulative patch.
    const earlier = texts.get(file);
    const cumulative = earlier === undefined ? alone : patchText(context, earlier, request);
    if ('error' in cumulative) return problem(request, cumulative.error);
    texts.set(file, cumulative.text);
    const target = request.policy;
    if (isCilium(target)) {
      const tiered = reparsedTiered(context, cumulative.policyText, target.loc.file);
      if ('error' in tiered) return problem(request, tiered.error);
      patched.tiered ??= new Map();
      patched.tiered.set(policyKey(alone.patch.policy), tiered.policies);
      patches.push(alone.patch);
      continue;
    }
    const policy = reparsedPolicy(context, cumulative.policyText, target);
    if ('error' in policy) return problem(request, policy.error);
    if (request.newPolicy) patched.added.push(policy.policy);
    else patched.replaced.set(target, policy.policy);
    patches.push(alone.patch);
  }
  if (!verified(verifyingEngine(context, scopedModel(context, scope, patched)))) {
    return problem(first, 'the patched policy still does not allow the traffic');
  }
  const [closed] = closedByPatches(context, patched).filter((change) => !closesOnlyDead(change));
  if (closed) {
    const path = `${peerLabel(closed.from)} -> ${peerLabel(closed.to)} (${closed.protocol})`;
    return problem(first, `the patched policy would also close ${path}, which the fix is not about`);
  }
  const [patch, other] = patches as [RulePatch, RulePatch | undefined];
  return { fix: second && other ? { ...patch, alsoNeeded: other } : patch };
}

function target(context: FixContext, policy: NetworkPolicy | CiliumTarget): PolicyTarget {
  // A cluster-scoped policy has no namespace: '' on both sides of the comparison.
  const clusterScoped = isCilium(policy) && policy.namespace === undefined;
  return {
    namespace: policy.namespace ?? '',
    name: policy.name,
    defaultNamespace: clusterScoped ? '' : context.config.defaultNamespace,
    line: policy.loc.line,
    ...(isCilium(policy) ? { kind: policy.kind, spec: specPathOf(policy) } : {}),
  };
}

/** Where the rule lists are: `spec`, or a Cilium policy's entry of `specs` (`['specs', 1]`) the rule goes into. */
function specPathOf(policy: NetworkPolicy | CiliumTarget): FieldPath {
  return (isCilium(policy) ? policy.spec.specPath : undefined) ?? ['spec'];
}

function patchText(
  context: FixContext,
  text: string,
  request: RuleRequest,
): { text: string; policyText: string | undefined; patch: RulePatch } | { error: string } {
  const outcome = patchOutcome(context, text, request);
  if ('error' in outcome) return outcome;
  const change = outcome.change ?? changedLines(text, outcome.text);
  if (!change) return { error: 'the patch changed nothing' };
  const { policyText } = outcome;
  const { file } = request.policy.loc;
  const anchor = request.policy;
  const specPath = specPathOf(anchor);
  const policy: PolicyRef = request.newPolicy
    ? {
        kind: isCilium(anchor) ? anchor.kind : 'NetworkPolicy',
        ...(anchor.namespace !== undefined ? { namespace: anchor.namespace } : {}),
        name: request.newPolicy.name,
        // The new document's first line: after the replaced line and its `---`.
        location: { file, line: change.line + 2, column: 1 },
      }
    : isCilium(anchor)
      ? anchor.ref
      : networkPolicyRef(anchor);
  return {
    text: outcome.text,
    policyText,
    patch: {
      file,
      line: change.line,
      endLine: change.endLine,
      policy,
      direction: request.direction,
      ...(specPath[0] === 'specs' && !request.newPolicy ? { specPath: [...specPath] } : {}),
      ...(request.newPolicy
        ? { change: 'policy' as const }
        : request.edit
          ? { change: 'edit' as const }
          : {}),
      yaml: request.newPolicy
        ? (policyText ?? '')
        : request.edit
          ? dedent(change.replacement)
          : ruleYaml(request.rule),
      replacement: change.replacement,
      ...(policyText !== undefined ? { patchedPolicyYaml: policyText } : {}),
    },
  };
}

function patchOutcome(context: FixContext, text: string, request: RuleRequest): PatchOutcome {
  const at = target(context, request.policy);
  if (request.edit) return editScalar(text, at, request.edit);
  if (request.newPolicy && isCilium(request.policy)) {
    const { policy, direction } = request;
    return addPolicy(text, at, {
      apiVersion: 'cilium.io/v2',
      kind: policy.kind,
      metadata: {
        name: request.newPolicy.name,
        ...(policy.namespaceDeclared && policy.namespace !== undefined
          ? { namespace: policy.namespace }
          : {}),
      },
      spec: { endpointSelector: request.newPolicy.podSelector, [direction]: [request.rule] },
    });
  }
  if (request.newPolicy && !isCilium(request.policy)) {
    const { policy, direction } = request;
    return addPolicy(text, at, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: {
        name: request.newPolicy.name,
        ...(policy.namespaceDeclared ? { namespace: policy.namespace } : {}),
      },
      spec: {
        podSelector: request.newPolicy.podSelector,
        policyTypes: [direction === 'egress' ? 'Egress' : 'Ingress'],
        [direction]: [request.rule],
      },
    });
  }
  return addRule(text, at, request.direction, request.rule);
}

/** Lines without the indentation they share. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

/**
 * The request for a rule that would go into a pure default deny: a policy of its own beside it, selecting the same
 * pods (so it isolates nothing new), with a name no policy of the namespace has, nor another fix of this check with
 * a different rule.
 */
function besideDeny(
  context: FixContext,
  deny: NetworkPolicy | CiliumTarget,
  direction: Direction,
  rule: Record<string, unknown>,
  wanted: string,
  selector?: Record<string, unknown>,
): RuleRequest {
  const claims = claimedNames(context);
  const taken = new Set(
    isCilium(deny)
      ? (context.model.tieredPolicies ?? [])
          .filter(({ ref }) => ref.kind === deny.kind && ref.namespace === deny.namespace)
          .map(({ ref }) => ref.name)
      : context.model.policies.filter((p) => p.namespace === deny.namespace).map((p) => p.name),
  );
  const podSelector = selector ?? (isCilium(deny) ? {} : plainSelector(deny.podSelector));
  const content = JSON.stringify([direction, rule, podSelector]);
  const base = wanted.slice(0, 60).replace(/[-.]+$/, '');
  let name = base;
  for (let n = 2; ; n++) {
    const claim = claims.get(`${deny.namespace}/${name}`);
    if (!taken.has(name) && (claim === undefined || claim === content)) break;
    name = `${base}-${n}`;
  }
  claims.set(`${deny.namespace}/${name}`, content);
  return { policy: deny, direction, rule, newPolicy: { name, podSelector } };
}

/** Names of new policies the fixes of one check chose, with what each holds: one name, one policy. */
const claimedByContext = new WeakMap<FixContext, Map<string, string>>();

function claimedNames(context: FixContext): Map<string, string> {
  let claims = claimedByContext.get(context);
  if (!claims) claimedByContext.set(context, (claims = new Map()));
  return claims;
}

/** A name for the other end in a policy name: the workload's, or the address's. */
function endName(endpoint: Endpoint): string {
  const raw = 'ip' in endpoint ? endpoint.ip : endpoint.workload.name;
  return (
    raw
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'peer'
  );
}

/**
 * The patched policy, from its document's text, as the loader and model builder read it: schema errors make it
 * unusable.
 */
function reparsedPolicy(
  context: FixContext,
  document: string | undefined,
  at: Pick<NetworkPolicy, 'loc'>,
): { policy: NetworkPolicy } | { error: string } {
  const { file } = at.loc;
  if (document === undefined) return { error: 'the patched policy could not be found again' };
  const loaded = parseManifestText(document, file);
  const built = buildModel(loaded.objects, { defaultNamespace: context.config.defaultNamespace });
  const error = [...loaded.diagnostics, ...built.diagnostics].find((d) => d.severity === 'error');
  if (error) return { error: `the patched policy is not valid: ${error.message}` };
  const [policy] = built.model.policies;
  return policy ? { policy } : { error: 'the patched policy is not a NetworkPolicy any more' };
}

/** A patched or new Cilium policy, from its document's text, as the loader and model builder read it. */
function reparsedTiered(
  context: FixContext,
  document: string | undefined,
  file: string,
): { policies: TieredPolicy[] } | { error: string } {
  if (document === undefined) return { error: 'the patched policy could not be found again' };
  const loaded = parseManifestText(document, file);
  const built = buildModel(loaded.objects, { defaultNamespace: context.config.defaultNamespace });
  const error = [...loaded.diagnostics, ...built.diagnostics].find((d) => d.severity === 'error');
  if (error) return { error: `the patched policy is not valid: ${error.message}` };
  const policies = built.model.tieredPolicies ?? [];
  return policies.length > 0 ? { policies } : { error: 'the patched policy is not a Cilium policy any more' };
}

/**
 * An admin-tier Deny decides before every NetworkPolicy: a NetworkPolicy allow for the connection would change
 * nothing, so none is offered. What would: an Accept (or a Pass, to let NetworkPolicies decide) above that Deny.
 */
function adminDenialOf(explanation: Explanation): FixOutcome | undefined {
  for (const direction of ['egress', 'ingress'] as const) {
    const { decision } = explanation[direction];
    if (decision?.tier !== 'admin' || decision.allowed || !decision.rule) continue;
    const { rule } = decision;
    const { kind, namespace, name } = rule.policy;
    return {
      problem: {
        severity: 'info',
        code: 'fix-not-offered',
        message:
          `no NetworkPolicy fix can restore this connection: it is denied by ${describeDecidingRule(rule, direction)}, ` +
          'which the admin tier applies before any NetworkPolicy. Accept it, or Pass it to the NetworkPolicies, in a ' +
          `rule before that Deny (in ${kind} ${name} or a cluster policy of lower priority value)`,
        file: rule.loc.file,
        line: rule.loc.line,
        resource: { kind, ...(namespace !== undefined ? { namespace } : {}), name },
      },
    };
  }
  return undefined;
}

function problem(request: RuleRequest, reason: string): FixOutcome {
  return {
    problem: {
      severity: 'info',
      code: 'fix-not-offered',
      message: `no fix suggested for ${fieldPathText([...specPathOf(request.policy), request.direction])} of ${request.policy.id}: ${reason}`,
      file: request.policy.loc.file,
      line: request.policy.loc.line,
      resource: {
        kind: isCilium(request.policy) ? request.policy.kind : 'NetworkPolicy',
        ...(request.policy.namespace !== undefined ? { namespace: request.policy.namespace } : {}),
        name: request.policy.name,
      },
    },
  };
}

/**
 * The policy a new rule changes least: the one selecting the fewest pods (a rule there opens the path for those pods
 * only), then one that already has rules in that direction (not a bare default deny), then file order.
 */
function narrowestPolicy(
  engine: PolicyEngine,
  workload: Workload,
  direction: Direction,
): NetworkPolicy | undefined {
  const ranked = engine.selectingPolicies(workload, direction).map((policy) => ({
    policy,
    selected: engine.policyWorkloads(policy).length,
    bare: policy[direction].length === 0 ? 1 : 0,
  }));
  ranked.sort(
    (a, b) =>
      a.selected - b.selected ||
      a.bare - b.bare ||
      compareText(a.policy.loc.file, b.policy.loc.file) ||
      a.policy.loc.line - b.policy.loc.line,
  );
  return ranked[0]?.policy;
}

/** The narrowest peer item matching the endpoint: its namespace by name (when not the policy's) and its pod labels. */
function peerFor(model: ClusterModel, policyNamespace: string, endpoint: Endpoint): Record<string, unknown> {
  if ('ip' in endpoint) {
    const family = parseAddress(endpoint.ip)?.family ?? 4;
    return { ipBlock: { cidr: `${endpoint.ip}/${family === 6 ? 128 : 32}` } };
  }
  const { workload } = endpoint;
  return {
    ...(workload.namespace === policyNamespace
      ? {}
      : { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: workload.namespace } } }),
    podSelector: matchLabels(stableLabels(model, workload.labels)),
  };
}

/**
 * A pod's labels a rule may select it by: not those that change per pod or revision, nor, under `cni: cilium`, those
 * Cilium's identity label filter drops, which no selector matches there (`policy/identity.ts`).
 */
function stableLabels(model: ClusterModel, labels: Labels): Labels {
  const filter = labelFilterOf(model);
  return Object.fromEntries(
    Object.entries(labels)
      .filter(([key]) => !CHURNING_LABELS.has(key) && (!filter || decide(filter, key).kept))
      .sort(([a], [b]) => compareText(a, b)),
  );
}

function matchLabels(labels: Labels): Record<string, unknown> {
  return Object.keys(labels).length > 0 ? { matchLabels: { ...labels } } : {};
}

/**
 * The port as seen, by number; by the destination's port name only when the policy already names ports in that
 * direction (its authors chose names) and the destination declares one for that number.
 */
function portFor(
  policy: NetworkPolicy,
  direction: Direction,
  destination: Endpoint,
  seen: { protocol: Protocol; port: number },
): Record<string, unknown> {
  const usesNames = policy[direction].some((rule) =>
    (rule.ports ?? []).some((port) => typeof port.port === 'string'),
  );
  const declared =
    usesNames && 'workload' in destination
      ? destination.workload.ports.find((p) => p.name && p.port === seen.port && p.protocol === seen.protocol)
      : undefined;
  return { protocol: seen.protocol, port: declared?.name ?? seen.port };
}

/** A selector as plain data for YAML: only the fields it has. */
function plainSelector(selector: LabelSelector): Record<string, unknown> {
  return {
    ...(selector.matchLabels ? { matchLabels: { ...selector.matchLabels } } : {}),
    ...(selector.matchExpressions
      ? {
          matchExpressions: selector.matchExpressions.map(({ key, operator, values }) => ({
            key,
            operator,
            ...(values ? { values: [...values] } : {}),
          })),
        }
      : {}),
  };
}
