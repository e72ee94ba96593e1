import type { SourceLocation } from '../manifests/types.js';
import type { Explanation, SideExplanation } from '../policy/types.js';

/** A denial said in one sentence, and the policy line a reviewer should look at. */
export interface DenialText {
  text: string;
  location?: SourceLocation;
}

const at = (loc: SourceLocation) => `${loc.file}:${loc.line}`;

/**
 * Turns the engine's explanation of a denied connection into the sentence reports show: which side denies it,
 * which policies isolate that side (file:line), and whether a rule came close (peer matches, port does not).
 */
export function describeDenial(explanation: Explanation, fromLabel: string, toLabel: string): DenialText {
  const parts: string[] = [];
  let location: SourceLocation | undefined;
  const sides: [SideExplanation, string][] = [
    [explanation.egress, `egress of ${fromLabel}`],
    [explanation.ingress, `ingress of ${toLabel}`],
  ];
  for (const [side, subject] of sides) {
    if (side.allowed) continue;
    const policies = side.policies.map((p) => `${p.policy} (${at(p.loc)})`).join(', ');
    const target = side.direction === 'egress' ? `to ${toLabel}` : `from ${fromLabel}`;
    // The port is left out: every port the report lists beside this sentence is denied for the same reason.
    let sentence = `${subject} is isolated by ${policies} and no rule allows the port ${target}`;
    const nearMiss = side.policies
      .flatMap((p) => p.rules.map((r) => ({ policy: p.policy, rule: r })))
      .find(({ rule }) => rule.peerMatches && !rule.portMatches);
    if (nearMiss)
      sentence += ` (${nearMiss.policy} ${side.direction}[${nearMiss.rule.index}] at ${at(nearMiss.rule.loc)} matches the peer but not the port)`;
    parts.push(sentence);
    location ??= nearMiss?.rule.loc ?? side.policies[0]?.loc;
  }
  return { text: parts.length > 0 ? parts.join('; ') : 'allowed', ...(location ? { location } : {}) };
}
