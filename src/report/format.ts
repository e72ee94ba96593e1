import type { L7Change, PathCause, PathChange, Risk } from '../diff/types.js';
import type { Severity, SourceLocation } from '../manifests/types.js';
import type { Protocol } from '../model/types.js';
import type { Peer, PortRange } from '../policy/types.js';
import type { Finding } from '../rules/types.js';
import { isCidrPeer, peerKey, peerLabel } from '../diff/peers.js';
import {
  causeOf,
  describeMembers,
  openedBy,
  risksOf,
  rowChanges,
  rowGroups,
  rowStarts,
} from '../diff/causes.js';
import { l7Narrows } from '../diff/l7.js';
import type { ReplayedFlow } from '../replay/types.js';
import { noun, plural } from '../text/plural.js';
import { cleanText, truncate } from './escape.js';

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

/** Row `index`, from the `starts` that `rowStarts` found. */
export function pathRowAt(changes: readonly PathChange[], starts: readonly number[], index: number): PathRow {
  const parts = rowChanges(changes, starts, index);
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

/**
 * Rows of one cause (`rowGroups`): the same change to one destination from each of `members` (`folds: 'from'`), or
 * from one source to each of them (`folds: 'to'`), named by the rule's peer that decided them all when one did
 * (`cause`): "any pod in any namespace -> ns/x TCP/443, at policies.yaml:20", with the workloads folded under it.
 */
export interface PathGroup {
  row: PathRow;
  location?: SourceLocation;
  folds?: 'from' | 'to';
  cause?: PathCause;
  members: Peer[];
}

/** Every group of `rowGroups`, made. */
export function pathGroups(changes: readonly PathChange[]): PathGroup[] {
  const starts = rowStarts(changes);
  return rowGroups(changes, starts).map((rows) => pathGroupAt(changes, starts, rows));
}

/** The group of rows `rows` (one of `rowGroups`): the first row, with every risk of the group's rows. */
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
  const risk = risksOf(rows.flatMap((index) => rowChanges(changes, starts, index)));
  const cause = causeOf(peers[0]!);
  return {
    row: {
      ...row,
      ...(explanation !== undefined ? { explanation } : {}),
      ...(risk.length > 0 ? { risk } : {}),
    },
    ...(location ? { location } : {}),
    folds,
    ...(cause && cause.folds === folds ? { cause } : {}),
    members: peers.map((change) => change[folds]),
  };
}

/**
 * What a group's folded end is, said once: the rule's peer and the members it holds (`any pod in any namespace (8
 * workloads in 4 namespaces)`), or the members alone when no peer decided them all.
 */
export function describeGroup(group: PathGroup): string {
  const members = describeMembers(group.members);
  return group.cause ? `${group.cause.peers} (${members})` : members;
}

/**
 * The peer as written, when the group's location is that peer item, which the change added to the rule (an opened
 * path, `addedPeerLocation`): `namespaceSelector: {}`, which a row says this change adds.
 */
export function addedPeer(group: PathGroup): string | undefined {
  const { location, cause } = group;
  const peer = cause?.decision.peer?.location;
  if (!cause?.written || cause.side !== 'head' || !location || !peer) return undefined;
  return peer.file === location.file && peer.line === location.line ? cause.written : undefined;
}

const RISK_TEXT: Readonly<Record<Risk, string>> = {
  'cross-namespace': 'crosses namespaces',
  'any-namespace': 'reachable from any namespace',
  internet: 'reaches or is reached from the internet',
  'metadata-endpoint': 'reaches the cloud metadata endpoint',
  'node-entity': 'reaches a node or the Kubernetes API server',
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

export { describeMembers, noun, plural };

/**
 * An L7 change in one line, for SARIF and annotations: the path, what changed, and what that does to requests
 * (`payments/frontend -> payments/api TCP/8080: now L7-filtered: only GET /api/.*; requests base let through may be
 * refused at L7`).
 */
export function describeL7ChangeLine(change: L7Change, arrow = '->'): string {
  const consequence = l7Narrows(change.effect)
    ? 'requests base let through may be refused at L7'
    : 'requests base refused at L7 pass';
  const path = `${peerLabel(change.from)} ${arrow} ${peerLabel(change.to)} ${formatPorts(change.protocol, change.ports)}`;
  return `${path}: ${change.change}; ${consequence}`;
}

/** Longest recorded request a one-line message names: its path comes from the flow log (up to 4,096 characters). */
const MAX_REQUEST_LENGTH = 200;

/**
 * A broken flow that is a request an L7 proxy recorded, as SARIF and annotations name it: the request, bounded, and
 * why head refuses it (`why`, to follow "would be refused at L7"): the rules, without the request the replay's
 * explanation starts with (` by ingress only GET /api/.* (CiliumNetworkPolicy payments/api at payments.yaml:35)`), so
 * a long path is said once and cut, never the rules after it; an explanation worded otherwise after a colon.
 * Undefined for a flow that is no request.
 */
export function refusedRequest(
  flow: Pick<ReplayedFlow, 'request' | 'explanation'>,
): { request: string; why: string } | undefined {
  if (flow.request === undefined) return undefined;
  const said = `${flow.request} refused at L7 `;
  const explanation = flow.explanation ?? '';
  return {
    request: truncate(cleanText(flow.request), MAX_REQUEST_LENGTH),
    why: explanation.startsWith(said)
      ? ` ${explanation.slice(said.length)}`
      : explanation
        ? `: ${explanation}`
        : '',
  };
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
