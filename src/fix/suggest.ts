import type { PathChange } from '../diff/types.js';
import type { ResolvedConfig } from '../config/types.js';
import { diffConnectivity } from '../diff/connectivity.js';
import { peerLabel } from '../diff/peers.js';
import { parseManifestText } from '../manifests/load.js';
import type { Diagnostic } from '../manifests/types.js';
import { networkPolicyRef, policyKey } from '../model/policy-ref.js';
import { buildModel, NAMESPACE_NAME_LABEL } from '../model/build.js';
import type {
  ClusterModel,
  LabelSelector,
  Labels,
  NetworkPolicy,
  Protocol,
  Workload,
} from '../model/types.js';
import { createEngine } from '../policy/engine.js';
import { parseAddress } from '../policy/ip.js';
import type { Direction, Endpoint, Explanation, PolicyEngine } from '../policy/types.js';
import { describeDecidingRule } from '../diff/explain-text.js';
import { dnsEgressMissing, isDeclaredDnsPod } from '../rules/dns-egress-missing.js';
import { byNamespace } from '../rules/helpers.js';
import { runLint } from '../rules/run.js';
import type { Finding } from '../rules/types.js';
import { addRule, changedLines, ruleYaml, type PolicyTarget } from './patch.js';
import type { RulePatch, SuggestedFix } from './types.js';
import { compareText } from '../text/compare.js';

/** What suggesting fixes needs: the head side, its config, and the text of its manifest files. */
export interface FixContext {
  model: ClusterModel;
  engine: PolicyEngine;
  config: ResolvedConfig;
  /** The text of a manifest file as locations name it; undefined when it cannot be read. */
  readText(file: string): string | undefined;
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

/** A rule to add to one policy for one direction. */
interface RuleRequest {
  policy: NetworkPolicy;
  direction: Direction;
  rule: Record<string, unknown>;
}

/**
 * The narrowest rules that restore one connection head denies: on each end that denies it (egress at the source,
 * ingress at the destination), one rule naming exactly the other end (its namespace by name and its workload's
 * labels, or the single address) and the port seen. Offered only when the patched policies, parsed again, are
 * schema-valid and allow the connection.
 */
export function suggestFlowFix(
  context: FixContext,
  from: Endpoint,
  to: Endpoint,
  protocol: Protocol,
  port: number,
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
    if (!policy) continue;
    const destination = direction === 'egress' ? other : subject;
    requests.push({
      policy,
      direction,
      rule: {
        [direction === 'egress' ? 'to' : 'from']: [peerFor(policy.namespace, other)],
        ports: [portFor(policy, direction, destination, { protocol, port })],
      },
    });
  }
  return offer(context, requests, flowScope(context, from, to), (engine) =>
    engine.isAllowed(from, to, protocol, port),
  );
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
    createEngine(scopedModel(context, flowScope(context, from, to), patched)).isAllowed(
      from,
      to,
      protocol,
      port,
    )
  );
}

/** The policies a fix patches, each by its patched version as the loader reads it; undefined if one cannot be. */
export function patchedPolicies(
  context: FixContext,
  fix: SuggestedFix,
): Map<NetworkPolicy, NetworkPolicy> | undefined {
  const patched = new Map<NetworkPolicy, NetworkPolicy>();
  for (const patch of fix.alsoNeeded ? [fix, fix.alsoNeeded] : [fix]) {
    const policy = context.model.policies.find(
      (p) => policyKey(networkPolicyRef(p)) === policyKey(patch.policy),
    );
    if (!policy) return undefined;
    const reparsed = reparsedPolicy(context, patch.patchedPolicyYaml, {
      policy,
      direction: patch.direction,
      rule: {},
    });
    if ('error' in reparsed) return undefined;
    patched.set(policy, reparsed.policy);
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
export function closedByPatches(
  context: FixContext,
  patched: ReadonlyMap<NetworkPolicy, NetworkPolicy>,
): PathChange[] {
  const namespaces = new Set([...patched.keys()].map((policy) => policy.namespace));
  const policies = context.model.policies.filter((policy) => namespaces.has(policy.namespace));
  const model = (replaced: boolean): ClusterModel => ({
    ...context.model,
    policies: replaced ? policies.map((policy) => patched.get(policy) ?? policy) : policies,
  });
  const diff = diffConnectivity(createEngine(model(false)), createEngine(model(true)));
  return [...diff.closed, ...diff.goneConnections];
}

/** The part of the head model in `scope`, with some policies replaced by their patched versions. */
function scopedModel(
  context: FixContext,
  scope: VerificationScope,
  patched: ReadonlyMap<NetworkPolicy, NetworkPolicy>,
): ClusterModel {
  const index = byNamespace(context.model);
  const inScope = <T>(grouped: ReadonlyMap<string, T[]>) =>
    [...scope.namespaces].flatMap((namespace) => grouped.get(namespace) ?? []);
  return {
    cni: context.model.cni ?? 'generic',
    ...(context.model.cilium ? { cilium: context.model.cilium } : {}),
    namespaces: context.model.namespaces,
    workloads: scope.workloads(),
    services: inScope(index.services),
    policies: inScope(index.policies).map((policy) => patched.get(policy) ?? policy),
    // Cluster policies apply in every namespace, and an admin Deny overrides any NetworkPolicy allow.
    tieredPolicies: (context.model.tieredPolicies ?? []).filter(
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
  return offer(context, [{ policy, direction: 'egress', rule }], scope, (engine) => {
    const lint = runLint({ model: engine.model, engine, diagnostics: [] }, context.config, [
      dnsEgressMissing,
    ]);
    return !lint.findings.some((f) => f.resource.namespace === namespace && f.resource.name === name);
  });
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

/**
 * Patches each policy's file, re-parses the patched policies and keeps the fix only if `verified` holds on the
 * scoped model with them.
 */
function offer(
  context: FixContext,
  requests: readonly RuleRequest[],
  scope: VerificationScope,
  verified: (engine: PolicyEngine) => boolean,
): FixOutcome {
  const [first, second] = requests;
  if (!first) return { none: true };
  const patched = new Map<NetworkPolicy, NetworkPolicy>();
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
    const policy = reparsedPolicy(context, cumulative.policyText, request);
    if ('error' in policy) return problem(request, policy.error);
    patched.set(request.policy, policy.policy);
    patches.push(alone.patch);
  }
  if (!verified(createEngine(scopedModel(context, scope, patched)))) {
    return problem(first, 'the patched policy still does not allow the traffic');
  }
  const [closed] = closedByPatches(context, patched);
  if (closed) {
    const path = `${peerLabel(closed.from)} -> ${peerLabel(closed.to)} (${closed.protocol})`;
    return problem(first, `the patched policy would also close ${path}, which the fix is not about`);
  }
  const [patch, other] = patches as [RulePatch, RulePatch | undefined];
  return { fix: second && other ? { ...patch, alsoNeeded: other } : patch };
}

function target(context: FixContext, policy: NetworkPolicy): PolicyTarget {
  return {
    namespace: policy.namespace,
    name: policy.name,
    defaultNamespace: context.config.defaultNamespace,
    line: policy.loc.line,
  };
}

function patchText(
  context: FixContext,
  text: string,
  request: RuleRequest,
): { text: string; policyText: string | undefined; patch: RulePatch } | { error: string } {
  const outcome = addRule(text, target(context, request.policy), request.direction, request.rule);
  if ('error' in outcome) return outcome;
  const change = changedLines(text, outcome.text);
  if (!change) return { error: 'the patch changed nothing' };
  const { policyText } = outcome;
  return {
    text: outcome.text,
    policyText,
    patch: {
      file: request.policy.loc.file,
      line: change.line,
      endLine: change.endLine,
      policy: networkPolicyRef(request.policy),
      direction: request.direction,
      yaml: ruleYaml(request.rule),
      replacement: change.replacement,
      ...(policyText !== undefined ? { patchedPolicyYaml: policyText } : {}),
    },
  };
}

/**
 * The patched policy, from its document's text, as the loader and model builder read it: schema errors make it
 * unusable.
 */
function reparsedPolicy(
  context: FixContext,
  document: string | undefined,
  request: RuleRequest,
): { policy: NetworkPolicy } | { error: string } {
  const { file } = request.policy.loc;
  if (document === undefined) return { error: 'the patched policy could not be found again' };
  const loaded = parseManifestText(document, file);
  const built = buildModel(loaded.objects, { defaultNamespace: context.config.defaultNamespace });
  const error = [...loaded.diagnostics, ...built.diagnostics].find((d) => d.severity === 'error');
  if (error) return { error: `the patched policy is not valid: ${error.message}` };
  const [policy] = built.model.policies;
  return policy ? { policy } : { error: 'the patched policy is not a NetworkPolicy any more' };
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
      message: `no fix suggested for spec.${request.direction} of ${request.policy.id}: ${reason}`,
      file: request.policy.loc.file,
      line: request.policy.loc.line,
      resource: { kind: 'NetworkPolicy', namespace: request.policy.namespace, name: request.policy.name },
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
function peerFor(policyNamespace: string, endpoint: Endpoint): Record<string, unknown> {
  if ('ip' in endpoint) {
    const family = parseAddress(endpoint.ip)?.family ?? 4;
    return { ipBlock: { cidr: `${endpoint.ip}/${family === 6 ? 128 : 32}` } };
  }
  const { workload } = endpoint;
  return {
    ...(workload.namespace === policyNamespace
      ? {}
      : { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: workload.namespace } } }),
    podSelector: matchLabels(stableLabels(workload.labels)),
  };
}

function stableLabels(labels: Labels): Labels {
  return Object.fromEntries(
    Object.entries(labels)
      .filter(([key]) => !CHURNING_LABELS.has(key))
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
