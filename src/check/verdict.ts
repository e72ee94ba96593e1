import { causeOf, describeMembers, rowChanges, rowGroups, rowStarts } from '../diff/causes.js';
import { countPaths, peerLabel } from '../diff/peers.js';
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
 * path with its risks and the line that opens it, paths of one cause as one ("any pod in any namespace (8 workloads
 * in 4 namespaces) -> db/postgres"), the first few in full and the rest counted.
 */
export function riskReasons(opened: PathChange[], failOnRisks: readonly RiskGate[]): string[] {
  const gated: PathChange[] = [];
  for (const change of opened) {
    const gates = gatedRisks(change, failOnRisks);
    if (gates.length === 0) continue;
    change.failsOn = gates;
    gated.push(change);
  }
  const starts = rowStarts(gated);
  const reasons = new Map<string, { text: string; paths: number }>();
  for (const rows of rowGroups(gated, starts)) {
    const changes = rows.map((index) => rowChanges(gated, starts, index));
    const first = changes[0]![0]!;
    const folds =
      changes.length < 2 ? undefined : peerLabel(changes[1]![0]!.to) === peerLabel(first.to) ? 'from' : 'to';
    const end = (which: 'from' | 'to') => {
      if (folds !== which) return peerLabel(first[which]);
      const members = describeMembers(changes.map((path) => path[0]![which]));
      const cause = causeOf(first);
      return cause && cause.folds === which ? `${cause.peers} (${members})` : members;
    };
    const key = `${end('from')} -> ${end('to')}`;
    const gates = [...new Set(changes.flat().flatMap((change) => change.failsOn ?? []))];
    const at = first.location ? ` at ${first.location.file}:${first.location.line}` : '';
    const known = reasons.get(key);
    if (known) known.paths += changes.length;
    else
      reasons.set(key, {
        text: `opens ${key} ${describePorts(changes[0]!)} (${gates.join(', ')})${at}`,
        paths: changes.length,
      });
  }
  const named = [...reasons.values()].slice(0, MAX_RISK_REASONS);
  const more = countPaths(gated) - named.reduce((sum, reason) => sum + reason.paths, 0);
  return [
    ...named.map((reason) => reason.text),
    ...(more > 0 ? [`and ${more} more risky ${noun(more, 'path')} opened`] : []),
  ];
}

/**
 * `TCP/80,443 UDP/53`; a protocol's whole range is `TCP/all ports`, every port of all three `all ports`; named ports
 * towards pods outside the tree are `TCP/named port sql`.
 */
function describePorts(changes: readonly PathChange[]): string {
  const all = (change: PathChange) =>
    change.ports.length === 1 && change.ports[0]![0] <= 1 && change.ports[0]![1] >= 65535;
  if (changes.length === 3 && changes.every(all)) return 'all ports';
  return changes
    .flatMap((change) => [
      ...(all(change)
        ? [`${change.protocol}/all ports`]
        : change.ports.length > 0
          ? [
              `${change.protocol}/${change.ports.map(([lo, hi]) => (lo === hi ? lo : `${lo}-${hi}`)).join(',')}`,
            ]
          : []),
      ...(change.namedPorts?.length ? [`${change.protocol}/named port ${change.namedPorts.join(',')}`] : []),
    ])
    .join(' ');
}
