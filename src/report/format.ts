import type { PathChange, Risk } from '../diff/types.js';
import type { Severity, SourceLocation } from '../manifests/types.js';
import type { Protocol } from '../model/types.js';
import type { Peer, PortRange, WorkloadPeer } from '../policy/types.js';
import type { Finding } from '../rules/types.js';
import { describeClusterTierDecision } from '../diff/explain-text.js';
import { isCidrPeer, peerKey, peerLabel, samePath } from '../diff/peers.js';
import { noun, plural } from '../text/plural.js';

/** Wording shared by the text, Markdown and SARIF reports, so the three say the same thing the same way. */

const MAX_PORT_RANGES = 8;

/**
 * Ports as people say them: `TCP/80, 443, 8000-8080`; the whole range is `TCP/all ports`; every port but a few is
 * `all except TCP/6379` (not `TCP/1-6378, 6380-65535`); long lists end in `and N more`.
 */
export function formatPorts(protocol: Protocol, ports: readonly PortRange[]): string {
  const first = ports[0];
  const last = ports.at(-1);
  if (!first || !last) return `${protocol}/no ports`;
  if (ports.length === 1 && first[0] <= 1 && first[1] >= 65535) return `${protocol}/all ports`;
  if (first[0] <= 1 && last[1] >= 65535) {
    const gaps = ports.slice(1).map(([lo], index): PortRange => [ports[index]![1] + 1, lo - 1]);
    return `all except ${protocol}/${portList(gaps)}`;
  }
  return `${protocol}/${portList(ports)}`;
}

/**
 * A change's ports: its numbers, then the named ports it allows towards pods outside the tree, which only the pod
 * resolves (`TCP/named port sql (resolved on the pod)`).
 */
export function formatChangePorts(change: Pick<PathChange, 'protocol' | 'ports' | 'namedPorts'>): string {
  const names = (change.namedPorts ?? []).map((name) => `named port ${name}`);
  const named = names.length > 0 ? `${change.protocol}/${names.join(', ')} (resolved on the pod)` : '';
  if (change.ports.length === 0 && named) return named;
  return [formatPorts(change.protocol, change.ports), ...(named ? [named] : [])].join('; ');
}

function portList(ports: readonly PortRange[]): string {
  const shown = ports.slice(0, MAX_PORT_RANGES).map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`));
  const more = ports.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in the largest unit that leaves a whole number: `40 seconds`, `3 minutes`, `5 hours`, `2 days`. */
export function describeDuration(milliseconds: number): string {
  const span = Math.max(0, milliseconds);
  if (span < MINUTE) return plural(Math.floor(span / 1000), 'second');
  if (span < HOUR) return plural(Math.floor(span / MINUTE), 'minute');
  if (span < 2 * DAY) return plural(Math.floor(span / HOUR), 'hour');
  return plural(Math.floor(span / DAY), 'day');
}

/** A time read from input as a canonical ISO 8601 string (safe to put anywhere), or undefined when it is none. */
export function isoTime(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** How long before `now` a time was: `3 days before this run`; undefined when either is not a time. */
export function describeAge(time: string | undefined, now: string | undefined): string | undefined {
  const then = isoTime(time);
  const at = isoTime(now);
  if (!then || !at) return undefined;
  const age = Date.parse(at) - Date.parse(then);
  return age < 0
    ? `${describeDuration(-age)} after this run started`
    : `${describeDuration(age)} before this run`;
}

/** One day: a flow recording shorter than this misses daily traffic (backups, CronJobs, reports). */
export const SHORT_WINDOW_MS = DAY;

/** One row of a path table or list: the protocols of one (from, to) that share risk and explanation. */
export interface PathRow {
  from: Peer;
  to: Peer;
  ports: string;
  risk?: Risk[];
  explanation?: string;
  /** Opened paths an admin or baseline rule allows: that rule ({@link openedBy}). */
  openedBy?: string;
}

/**
 * What opens a path, when an admin or baseline rule allows it at head: `allowed by AdminNetworkPolicy x, priority
 * 10, ingress[0] allow (file:line)`. Undefined where the namespaced tier or nothing decides: the change's location
 * names the NetworkPolicy line then.
 */
export function openedBy(change: PathChange): string | undefined {
  const decision = change.decidedBy?.head;
  const rule = decision && decision.action !== 'deny' ? describeClusterTierDecision(decision) : undefined;
  return rule === undefined ? undefined : `allowed by ${rule}`;
}

/**
 * Where each row starts in `changes`: consecutive changes of the same (from, to) with the same risk and explanation
 * are one row, so a pair closed on every protocol reads as one line ("all ports, all protocols") rather than three.
 * Found without formatting anything: a report that shows a
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

/** Row `index`, from the `starts` that {@link pathRowStarts} found. */
export function pathRowAt(changes: readonly PathChange[], starts: readonly number[], index: number): PathRow {
  const parts = changes.slice(starts[index], starts[index + 1] ?? changes.length);
  const [first] = parts as [PathChange, ...PathChange[]];
  const everything = parts.length === 3 && parts.every((p) => formatChangePorts(p).endsWith('/all ports'));
  return {
    from: first.from,
    to: first.to,
    ports: everything ? 'all ports, all protocols' : parts.map(formatChangePorts).join('; '),
    ...(first.risk ? { risk: first.risk } : {}),
    ...(first.explanation ? { explanation: first.explanation } : {}),
    ...(openedBy(first) ? { openedBy: openedBy(first) } : {}),
  };
}

/** Fewer rows of one cause than this stay rows: two sources are read as easily as one group of two. */
const MIN_GROUP = 3;

/**
 * Rows of one cause: the same change (ports, risk, why, location) to one destination from each of `members`
 * (`folds: 'from'`), or from one source to each of them (`folds: 'to'`). One `namespaceSelector: {}` opens a pod to
 * every workload of the tree: that is one row "N workloads in M namespaces -> ns/x, rule file:line", with the
 * workloads folded under it, not a row per workload.
 */
export interface PathGroup {
  row: PathRow;
  location?: SourceLocation;
  folds?: 'from' | 'to';
  members: Peer[];
}

/**
 * The rows of {@link pathRowStarts} grouped by cause (see {@link groupByCause}). Returns row indices: a report
 * formats only the groups it shows.
 */
export function pathGroupRows(changes: readonly PathChange[], starts: readonly number[]): number[][] {
  return groupByCause(
    starts.map((_, index) => index),
    (index, common) => {
      const parts = changes.slice(starts[index], starts[index + 1] ?? changes.length);
      const first = parts[0]!;
      return JSON.stringify([
        peerKey(first[common]),
        parts.map((part) => [part.protocol, part.ports, part.namedPorts ?? []]),
        first.risk ?? [],
        // The explanation names the end the rows differ in; what it says of that end is the cause.
        (first.explanation ?? '').split(peerLabel(first[common === 'to' ? 'from' : 'to'])).join('…'),
        openedBy(first) ?? '',
        first.location?.file ?? '',
        first.location?.line ?? 0,
      ]);
    },
  );
}

/**
 * Items (rows, paths) grouped by cause, in the order each group's first item comes: `cause(item, common)` is the
 * same for items that differ only in their other end. Groups are by destination first (an ingress rule names its
 * sources), then by source; an item whose cause has fewer than {@link MIN_GROUP} items on either side stays alone.
 */
export function groupByCause<T>(
  items: readonly T[],
  cause: (item: T, common: 'from' | 'to') => string,
): T[][] {
  const differingIn = (some: readonly T[], common: 'from' | 'to') => {
    const groups = new Map<string, T[]>();
    for (const item of some) {
      const key = cause(item, common);
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    return [...groups.values()];
  };
  const sources = differingIn(items, 'to');
  const destinations = differingIn(sources.filter((group) => group.length < MIN_GROUP).flat(), 'from');
  const order = new Map(items.map((item, index) => [item, index]));
  return [
    ...sources.filter((group) => group.length >= MIN_GROUP),
    ...destinations.filter((group) => group.length >= MIN_GROUP),
    ...destinations
      .filter((group) => group.length < MIN_GROUP)
      .flat()
      .map((item) => [item]),
  ].sort((a, b) => order.get(a[0]!)! - order.get(b[0]!)!);
}

/** Every group of {@link pathGroupRows}, made. */
export function pathGroups(changes: readonly PathChange[]): PathGroup[] {
  const starts = pathRowStarts(changes);
  return pathGroupRows(changes, starts).map((rows) => pathGroupAt(changes, starts, rows));
}

/** The group of rows `rows` (one of {@link pathGroupRows}). */
export function pathGroupAt(
  changes: readonly PathChange[],
  starts: readonly number[],
  rows: readonly number[],
): PathGroup {
  const row = pathRowAt(changes, starts, rows[0]!);
  const location = changes[starts[rows[0]!]!]!.location;
  if (rows.length === 1) return { row, ...(location ? { location } : {}), members: [] };
  const peers = rows.map((index) => changes[starts[index]!]!);
  const folds = peerKey(peers[0]!.to) === peerKey(peers[1]!.to) ? 'from' : 'to';
  // The why of the first row, said of every member.
  const explanation = row.explanation
    ?.split(peerLabel(peers[0]![folds]))
    .join(folds === 'from' ? 'these sources' : 'these destinations');
  return {
    row: { ...row, ...(explanation !== undefined ? { explanation } : {}) },
    ...(location ? { location } : {}),
    folds,
    members: peers.map((change) => change[folds]),
  };
}

/** `8 workloads in 4 namespaces`, `3 address blocks`: what the members of a group are. */
export function describeMembers(members: readonly Peer[]): string {
  const peers = members.filter((peer): peer is WorkloadPeer => !isCidrPeer(peer));
  const workloads = peers.filter((peer) => !peer.representative);
  const namespaces = new Set(workloads.map((workload) => workload.namespace)).size;
  const outside = peers.length - workloads.length;
  const blocks = members.length - peers.length;
  const parts = [
    ...(workloads.length
      ? [`${plural(workloads.length, 'workload')} in ${plural(namespaces, 'namespace')}`]
      : []),
    ...(outside ? [`${plural(outside, 'set')} of pods outside this repository`] : []),
    ...(blocks ? [plural(blocks, 'address block')] : []),
  ];
  return parts.length > 2 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}` : parts.join(' and ');
}

function sameRow(a: PathChange, b: PathChange): boolean {
  return (
    samePath(a, b) &&
    (a.explanation ?? '') === (b.explanation ?? '') &&
    (a.risk ?? []).join() === (b.risk ?? []).join() &&
    openedBy(a) === openedBy(b)
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

export { noun, plural };

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
