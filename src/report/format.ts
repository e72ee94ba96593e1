import type { PathChange, Risk } from '../check/types.js';
import type { Severity } from '../manifests/types.js';
import type { Protocol } from '../model/types.js';
import type { Peer, PortRange } from '../policy/types.js';
import type { Finding } from '../rules/types.js';
import { isCidrPeer, samePath } from '../diff/peers.js';

/** Wording shared by the text, Markdown and SARIF reports, so the three say the same thing the same way. */

const MAX_PORT_RANGES = 8;

/** `TCP/80, 443, 8000-8080`; the whole range is `TCP/all ports`; long lists end in `and N more`. */
export function formatPorts(protocol: Protocol, ports: readonly PortRange[]): string {
  const [first] = ports;
  if (ports.length === 1 && first && first[0] <= 1 && first[1] >= 65535) return `${protocol}/all ports`;
  const shown = ports.slice(0, MAX_PORT_RANGES).map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`));
  const more = ports.length - shown.length;
  return `${protocol}/${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** One row of a path table or list: the protocols of one (from, to) that share risk and explanation. */
export interface PathRow {
  from: Peer;
  to: Peer;
  ports: string;
  risk?: Risk[];
  explanation?: string;
}

/**
 * Groups consecutive changes of the same (from, to) with the same risk and explanation into one row, so a pair
 * closed on every protocol reads as one line ("all ports, all protocols") rather than three.
 */
export function pathRows(changes: readonly PathChange[]): PathRow[] {
  const starts = pathRowStarts(changes);
  return starts.map((_, index) => pathRowAt(changes, starts, index));
}

/**
 * Where each row of {@link pathRows} starts in `changes`, found without formatting anything: a report that shows a
 * few hundred rows of tens of thousands formats only those (see {@link pathRow}).
 */
export function pathRowStarts(changes: readonly PathChange[]): number[] {
  const starts: number[] = [];
  changes.forEach((change, index) => {
    const previous = changes[index - 1];
    if (!previous || !sameRow(previous, change)) starts.push(index);
  });
  return starts;
}

/** Row `index` of {@link pathRows}, from the `starts` that {@link pathRowStarts} found. */
export function pathRowAt(changes: readonly PathChange[], starts: readonly number[], index: number): PathRow {
  const parts = changes.slice(starts[index], starts[index + 1] ?? changes.length);
  const [first] = parts as [PathChange, ...PathChange[]];
  const everything =
    parts.length === 3 && parts.every((p) => formatPorts(p.protocol, p.ports).endsWith('/all ports'));
  return {
    from: first.from,
    to: first.to,
    ports: everything
      ? 'all ports, all protocols'
      : parts.map((p) => formatPorts(p.protocol, p.ports)).join('; '),
    ...(first.risk ? { risk: first.risk } : {}),
    ...(first.explanation ? { explanation: first.explanation } : {}),
  };
}

function sameRow(a: PathChange, b: PathChange): boolean {
  return (
    samePath(a, b) &&
    (a.explanation ?? '') === (b.explanation ?? '') &&
    (a.risk ?? []).join() === (b.risk ?? []).join()
  );
}

const RISK_TEXT: Readonly<Record<Risk, string>> = {
  'cross-namespace': 'crosses namespaces',
  'any-namespace': 'reachable from any namespace',
  internet: 'reaches or is reached from the internet',
  'metadata-endpoint': 'reaches the cloud metadata endpoint',
};

/**
 * What a reviewer should worry about on an opened path, in words; with the path, the internet is named in the
 * direction it is on (the source or the destination).
 */
export function describeRisks(risks: readonly Risk[] | undefined, path?: { from: Peer; to: Peer }): string {
  const internet = !path
    ? RISK_TEXT.internet
    : isCidrPeer(path.from)
      ? 'reachable from the internet'
      : 'reaches the internet';
  return (risks ?? []).map((risk) => (risk === 'internet' ? internet : (RISK_TEXT[risk] ?? risk))).join('; ');
}

/** `file:line:column`, shortened to what is known; empty when there is no file. */
export function formatLocation(file?: string, line?: number, column?: number): string {
  if (!file) return '';
  if (!line) return file;
  return column ? `${file}:${line}:${column}` : `${file}:${line}`;
}

/** `1,234 findings` / `1 finding`: fixed locale so reports do not depend on the machine. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

/** Findings as reviewers read them: what this change introduced, what was there before, what is silenced. */
export interface FindingGroups {
  introduced: Finding[];
  existing: Finding[];
  suppressed: Finding[];
}

export function groupFindings(findings: readonly Finding[]): FindingGroups {
  const groups: FindingGroups = { introduced: [], existing: [], suppressed: [] };
  for (const finding of findings) {
    if (finding.suppressed) groups.suppressed.push(finding);
    else if (finding.introduced) groups.introduced.push(finding);
    else groups.existing.push(finding);
  }
  return groups;
}

/** Counts per severity of the findings that count (suppressed ones never do). */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings)
    if (!finding.suppressed && finding.severity in counts) counts[finding.severity]++;
  return counts;
}

/** `1 error, 2 warnings, 0 infos`. */
export function describeSeverityCounts(counts: Record<Severity, number>): string {
  return [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')].join(
    ', ',
  );
}
