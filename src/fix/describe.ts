import { peerLabel } from '../diff/peers.js';
import { policyName } from '../model/policy-ref.js';
import type { BlockingFlow, NamespaceReadiness, UnusedRule } from '../replay/types.js';
import type { Finding } from '../rules/types.js';
import { fieldPathText } from '../text/field-path.js';
import type { BrokenFlow, RulePatch, SuggestedFix } from './types.js';

/** Wording of fixes, readiness and unused rules shared by the text and Markdown reports. */

/** What a fix is for, and the fix itself: broken flows first, then findings, in report order. */
export interface FixItem {
  subject: string;
  fix: SuggestedFix;
}

export function fixItems(result: {
  findings: readonly Finding[];
  flows?: { broken: readonly BrokenFlow[] };
}): FixItem[] {
  const flows = (result.flows?.broken ?? []).flatMap((flow) =>
    flow.fix
      ? [
          {
            subject: `${peerLabel(flow.from)} -> ${peerLabel(flow.to)} ${flow.protocol}/${flow.port}`,
            fix: flow.fix,
          },
        ]
      : [],
  );
  const findings = result.findings.flatMap((finding) =>
    finding.fix ? [{ subject: `${finding.rule} at ${finding.file}:${finding.line}`, fix: finding.fix }] : [],
  );
  // One fix for several needs (a flow's DNS rule is the finding's) is shown once, for all of them; so is a
  // finding's one patch that a flow's fix holds (the edit the flow's ingress reuses).
  const items = new Map<string, FixItem>();
  for (const item of [...flows, ...findings]) {
    const key = canonical(item.fix);
    const same =
      items.get(key) ??
      (item.fix.alsoNeeded
        ? undefined
        : [...items.values()].find(({ fix }) => fix.alsoNeeded && canonical(fix.alsoNeeded) === key));
    if (same) same.subject = `${same.subject}; ${item.subject}`;
    else items.set(key, { ...item });
  }
  return [...items.values()];
}

/** JSON with keys in one order: one fix reached by two ways is one key. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** The rule list a patch adds to or edits: `spec.egress`, `specs[1].ingress` (a Cilium rule of `specs`). */
export function ruleListName(patch: RulePatch): string {
  return fieldPathText([...(patch.specPath ?? ['spec']), patch.direction]);
}

/**
 * `add to spec.egress of app/web-egress (policies.yaml:67)`, `add NetworkPolicy app/allow-dns after
 * policies.yaml:51`, `edit spec.ingress of app/api-ingress (policies.yaml:13), the line becomes`.
 */
export function describePatch(patch: RulePatch): string {
  const name = policyName(patch.policy);
  if (patch.change === 'policy') return `add ${patch.policy.kind} ${name} after ${patch.file}:${patch.line}`;
  if (patch.change === 'edit')
    return `edit ${ruleListName(patch)} of ${name} (${patch.file}:${patch.line}), the line becomes`;
  return `add to ${ruleListName(patch)} of ${name} (${patch.file}:${patch.line})`;
}

/** What a patch does, in a few words: `add a rule to spec.egress of app/web`, `add NetworkPolicy app/allow-dns`. */
export function patchSummary(patch: RulePatch): string {
  const name = policyName(patch.policy);
  if (patch.change === 'policy') return `add ${patch.policy.kind} ${name}`;
  if (patch.change === 'edit') return `edit line ${patch.line} of ${name}`;
  return `add a rule to ${ruleListName(patch)} of ${name}`;
}

/** `flows seen 2026-11-21T10:00:11Z to 2026-11-21T10:02:45Z` (or `flows without times`): every figure from flows names it. */
export function describeWindow(flows: { window?: { firstSeen: string; lastSeen: string } }): string {
  return flows.window
    ? `flows seen ${flows.window.firstSeen} to ${flows.window.lastSeen}`
    : 'flows without times';
}

/** `2 of 4 observed connections explicitly allowed: not ready`. */
export function describeReadiness(readiness: NamespaceReadiness): string {
  const share = `${readiness.covered.toLocaleString('en-US')} of ${readiness.observed.toLocaleString('en-US')} observed connections explicitly allowed`;
  return readiness.ready
    ? `${share}: a default deny would not cut observed traffic`
    : `${share}: a default deny would cut the others`;
}

/** `app/web -> app/api TCP/8080 x5 (egress, ingress not explicitly allowed)`. */
export function describeBlocking(flow: BlockingFlow): string {
  return (
    `${peerLabel(flow.from)} -> ${peerLabel(flow.to)} ${flow.protocol}/${flow.port} x${flow.count.toLocaleString('en-US')}` +
    ` (${flow.uncovered.join(', ')} not explicitly allowed)`
  );
}

/** `app/api-ingress ingress[0]`. */
export function describeRule(rule: UnusedRule): string {
  return `${rule.policy} ${rule.direction}[${rule.index}]`;
}
