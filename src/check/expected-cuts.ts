import type { Diagnostic, SourceLocation } from '../manifests/types.js';
import { policyKey, policyName } from '../model/policy-ref.js';
import type { ClusterModel, PolicyRef } from '../model/types.js';
import type { FlowPeer, ReplayedFlow } from '../replay/types.js';
import type { AcceptedCut } from './types.js';

/**
 * `netpol-guard.io/expect-cut: "payments/legacy-batch -> *"` on a policy: the recorded flows its change is meant to
 * stop. A broken flow it names is reported as accepted by that policy instead of failing the check; acceptance sits
 * on the policy that makes the cut, where a reviewer reads it, not in a repository-wide `failOnBrokenFlows: false`.
 */
export const EXPECT_CUT_ANNOTATION = 'netpol-guard.io/expect-cut';
export const EXPECT_CUT_INVALID = 'expect-cut-invalid';

/** One side of a pattern: `*`, `namespace/*`, `namespace/name`, or an address as flows name it. */
type EndPattern = { any: true } | { namespace: string; name?: string } | { address: string };

interface Expectation {
  /** `Kind namespace/name`, as the report names the policy. */
  policy: string;
  ref: Pick<PolicyRef, 'kind' | 'namespace' | 'name'>;
  location: SourceLocation;
  text: string;
  from: EndPattern;
  to: EndPattern;
}

function endPattern(text: string): EndPattern | undefined {
  if (text === '*') return { any: true };
  const slash = text.indexOf('/');
  if (slash < 0) return /^[0-9a-fA-F:.]+$/.test(text) ? { address: text } : undefined;
  const namespace = text.slice(0, slash);
  const name = text.slice(slash + 1);
  if (namespace === '' || name === '' || namespace === '*' || name.includes('/')) return undefined;
  return name === '*' ? { namespace } : { namespace, name };
}

function matches(pattern: EndPattern, peer: FlowPeer): boolean {
  if ('any' in pattern) return true;
  if ('address' in pattern) return 'ip' in peer && peer.ip === pattern.address;
  if (!('namespace' in peer) || !('name' in peer) || typeof peer.namespace !== 'string') return false;
  return peer.namespace === pattern.namespace && (pattern.name === undefined || peer.name === pattern.name);
}

const peerNamespace = (peer: FlowPeer): string | undefined =>
  'namespace' in peer && typeof peer.namespace === 'string' ? peer.namespace : undefined;

/** An entry on a policy: the same entry on the same policy at base and head has one key. */
function entryKey(ref: Pick<PolicyRef, 'kind' | 'namespace' | 'name'>, text: string): string {
  return `${policyKey(ref)}\u0000${text}`;
}

/** The model's policies with their annotations and where each is written, of every kind that keeps annotations. */
function annotatedPolicies(model: ClusterModel) {
  return [
    ...model.policies.map((policy) => ({
      ref: { kind: 'NetworkPolicy', namespace: policy.namespace, name: policy.name },
      annotations: policy.annotations,
      locate: policy.locate.bind(policy),
    })),
    ...(model.tieredPolicies ?? []).map((policy) => ({
      ref: { kind: policy.ref.kind, namespace: policy.ref.namespace, name: policy.ref.name },
      annotations: policy.annotations ?? {},
      locate: policy.locate.bind(policy),
    })),
  ];
}

/** The expectations written at one side, one per `FROM -> TO` entry (entries split by commas or new lines). */
export function readExpectedCuts(model: ClusterModel, diagnostics: Diagnostic[] = []): Expectation[] {
  const expectations: Expectation[] = [];
  for (const { ref, annotations, locate } of annotatedPolicies(model)) {
    const value = annotations[EXPECT_CUT_ANNOTATION];
    if (value === undefined) continue;
    const location = locate(['metadata', 'annotations', EXPECT_CUT_ANNOTATION]);
    const policy = `${ref.kind} ${policyName(ref)}`;
    for (const entry of value.split(/[,\n]/).map((text) => text.trim())) {
      if (entry === '') continue;
      const [fromText, toText, ...rest] = entry.split('->').map((text) => text.trim());
      const from = fromText === undefined ? undefined : endPattern(fromText);
      const to = toText === undefined ? undefined : endPattern(toText);
      if (!from || !to || rest.length > 0) {
        diagnostics.push({
          severity: 'warning',
          code: EXPECT_CUT_INVALID,
          message:
            `${EXPECT_CUT_ANNOTATION} entry "${entry.slice(0, 200)}" is not "FROM -> TO" (each "*", ` +
            `"namespace/*", "namespace/workload" or an address): it accepts nothing`,
          file: location.file,
          line: location.line,
          resource: ref,
        });
        continue;
      }
      expectations.push({ policy, ref, location, text: entry, from, to });
    }
  }
  return expectations;
}

/** Keys of the expectations base already held (`suppressionsFrom: base` honours only those). */
export function expectationKeys(expectations: readonly Expectation[]): Set<string> {
  return new Set(expectations.map((e) => entryKey(e.ref, e.text)));
}

/**
 * Splits broken flows into those still failing and those a head policy expects to cut. A namespaced policy accepts
 * only flows from or to its own namespace; a cluster-scoped one any flow its pattern names. With `honoured`, an
 * expectation counts only if base held the same entry on the same policy.
 */
export function acceptExpectedCuts(
  broken: readonly ReplayedFlow[],
  expectations: readonly Expectation[],
  honoured?: ReadonlySet<string>,
): { broken: ReplayedFlow[]; accepted: AcceptedCut[] } {
  const active = honoured ? expectations.filter((e) => honoured.has(entryKey(e.ref, e.text))) : expectations;
  const result = { broken: [] as ReplayedFlow[], accepted: [] as AcceptedCut[] };
  for (const flow of broken) {
    const by = active.find(
      (e) =>
        (e.ref.namespace === undefined ||
          peerNamespace(flow.from) === e.ref.namespace ||
          peerNamespace(flow.to) === e.ref.namespace) &&
        matches(e.from, flow.from) &&
        matches(e.to, flow.to),
    );
    if (by)
      result.accepted.push({
        ...flow,
        acceptedBy: { policy: by.policy, entry: by.text, location: by.location },
      });
    else result.broken.push(flow);
  }
  return result;
}

/** Expectations the pull request added that `suppressionsFrom: base` does not honour, at their lines. */
export function unhonouredExpectations(
  expectations: readonly Expectation[],
  honoured: ReadonlySet<string>,
): Diagnostic[] {
  return expectations
    .filter((e) => !honoured.has(entryKey(e.ref, e.text)))
    .map((e) => ({
      severity: 'warning' as const,
      code: 'expect-cut-not-honoured',
      message: `${EXPECT_CUT_ANNOTATION} entry "${e.text.slice(0, 200)}" added by this pull request is not honoured under suppressionsFrom: base`,
      file: e.location.file,
      line: e.location.line,
      resource: e.ref,
    }));
}
