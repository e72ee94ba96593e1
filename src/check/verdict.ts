import { peerLabel } from '../diff/peers.js';
import type { Severity } from '../manifests/types.js';
import type { Finding } from '../rules/types.js';
import { RISK_GATES, type FailOn, type RiskGate } from '../config/types.js';
import type { PathChange } from '../diff/types.js';
import { noun } from '../text/plural.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Whether a finding blocks under `fail-on`: not suppressed, and at or above the threshold (`never` blocks none). */
export function blocks(finding: Finding, failOn: FailOn): boolean {
  return !finding.suppressed && failOn !== 'never' && RANK[finding.severity] >= RANK[failOn];
}

/** The risks of an opened path that `failOnRisks` fails on, the internet by the direction it is on. */
export function gatedRisks(change: PathChange, failOnRisks: readonly RiskGate[]): RiskGate[] {
  const gates = (change.risk ?? []).map((risk): RiskGate => {
    if (risk !== 'internet') return risk;
    return 'cidr' in change.from ? 'internet-ingress' : 'internet-egress';
  });
  return gates.filter((gate) => failOnRisks.includes(gate));
}

/**
 * A `failOnRisks` list as the CLI and the Action take it: names separated by commas or spaces, `none` for no risk
 * at all. Unknown names are returned apart, for the caller to report.
 */
export function parseRiskGates(text: string): { gates: RiskGate[]; unknown: string[] } {
  const names = text.split(/[\s,]+/).filter((name) => name !== '');
  if (names.length === 1 && names[0] === 'none') return { gates: [], unknown: [] };
  const known = (name: string): name is RiskGate => (RISK_GATES as readonly string[]).includes(name);
  return { gates: [...new Set(names.filter(known))], unknown: names.filter((name) => !known(name)) };
}

/** Reasons named in full; more risky paths than this are counted. */
const MAX_RISK_REASONS = 3;

/**
 * Marks the opened paths whose risks `failOnRisks` fails on (`failsOn`) and says why the verdict fails: each such
 * path with its risks and the line that opens it, the first few in full and the rest counted.
 */
export function riskReasons(opened: PathChange[], failOnRisks: readonly RiskGate[]): string[] {
  const paths = new Map<string, { change: PathChange; ports: PathChange[]; gates: Set<RiskGate> }>();
  for (const change of opened) {
    const gates = gatedRisks(change, failOnRisks);
    if (gates.length === 0) continue;
    change.failsOn = gates;
    const key = `${peerLabel(change.from)} -> ${peerLabel(change.to)}`;
    let path = paths.get(key);
    if (!path) paths.set(key, (path = { change, ports: [], gates: new Set() }));
    path.ports.push(change);
    for (const gate of gates) path.gates.add(gate);
  }
  const reasons = [...paths].slice(0, MAX_RISK_REASONS).map(([key, { change, ports, gates }]) => {
    const at = change.location ? ` at ${change.location.file}:${change.location.line}` : '';
    return `opens ${key} ${describePorts(ports)} (${[...gates].join(', ')})${at}`;
  });
  const more = paths.size - reasons.length;
  if (more > 0) reasons.push(`and ${more} more risky ${noun(more, 'path')} opened`);
  return reasons;
}

/** `TCP/80,443 UDP/53`; a protocol's whole range is `TCP/all ports`, every port of all three `all ports`. */
function describePorts(changes: readonly PathChange[]): string {
  const all = (change: PathChange) =>
    change.ports.length === 1 && change.ports[0]![0] <= 1 && change.ports[0]![1] >= 65535;
  if (changes.length === 3 && changes.every(all)) return 'all ports';
  return changes
    .map((change) =>
      all(change)
        ? `${change.protocol}/all ports`
        : `${change.protocol}/${change.ports.map(([lo, hi]) => (lo === hi ? lo : `${lo}-${hi}`)).join(',')}`,
    )
    .join(' ');
}
