import type { CauseGroup, PathCause, PathChange, Risk } from './types.js';
import type { LabelSelector } from '../model/types.js';
import { ENTITY_NAMESPACE } from '../policy/entities.js';
import { DNS_NAME_NAMESPACE } from '../policy/fqdn.js';
import { describePeer } from '../policy/representatives.js';
import { isEmptySelector } from '../policy/selector.js';
import type { Decision, DecidingPeer, Peer, WorkloadPeer } from '../policy/types.js';
import { describeClusterTierDecision } from './explain-text.js';
import { isCidrPeer, peerKey, peerLabel, samePath } from './peers.js';
import { plural } from '../text/plural.js';

/**
 * Rows and causes (issue 17 item 13). A row is the changes of one (from, to) that read alike; rows of one cause are
 * one row with the end they differ in folded: one `namespaceSelector: {}` opens a pod to every workload of the tree,
 * which is one row "any pod in any namespace -> ns/x TCP/443, policies.yaml:20" with the workloads as its members,
 * not a row per workload. The cause is the peer item of the rule that decides the side the change is on (the
 * engine's `Decision.peer`), so the paths of one cause are grouped by what the rule names, not by their wording.
 */

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
 * The rule's peer that decided a change, on the side the change is on: for an opened path the rule that allows it
 * at head, for a closed one the rule that allowed it at base. Undefined when no rule's peer decided (a policy that
 * starts isolating a pod, a rule naming no peer decides for every end alike and is named by its location).
 */
export function causeOf(change: PathChange): PathCause | undefined {
  const head = change.decidedBy?.head;
  const decision: Decision | undefined = head?.action === 'deny' ? change.decidedBy?.base : head;
  if (!decision || decision.action === 'deny' || decision.index === undefined || !decision.policy)
    return undefined;
  const { peer } = decision;
  if (!peer) return undefined;
  return {
    folds: decision.direction === 'ingress' ? 'from' : 'to',
    peers: describePeer(peer, decision.policy.namespace),
    ...(decision.policy.kind === 'NetworkPolicy' ? { written: writtenPeer(peer) } : {}),
    decision,
    side: decision === head ? 'head' : 'base',
  };
}

/** A NetworkPolicy peer item as YAML writes it on one line: `namespaceSelector: {}`, `ipBlock: {cidr: 10.0.0.0/8}`. */
function writtenPeer(peer: DecidingPeer): string {
  const parts: string[] = [];
  if (peer.podSelector) parts.push(`podSelector: ${writtenSelector(peer.podSelector)}`);
  if (peer.namespaceSelector) parts.push(`namespaceSelector: ${writtenSelector(peer.namespaceSelector)}`);
  if (peer.ipBlock) {
    const except = peer.ipBlock.except.length > 0 ? `, except: [${peer.ipBlock.except.join(', ')}]` : '';
    parts.push(`ipBlock: {cidr: ${peer.ipBlock.cidr}${except}}`);
  }
  return parts.join(', ');
}

function writtenSelector(selector: LabelSelector): string {
  if (isEmptySelector(selector)) return '{}';
  const parts: string[] = [];
  const labels = Object.entries(selector.matchLabels ?? {});
  if (labels.length > 0) parts.push(`matchLabels: {${labels.map(([k, v]) => `${k}: ${v}`).join(', ')}}`);
  const expressions = selector.matchExpressions ?? [];
  if (expressions.length > 0) {
    const written = expressions.map(
      ({ key, operator, values }) =>
        `{key: ${key}, operator: ${operator}${values ? `, values: [${values.join(', ')}]` : ''}}`,
    );
    parts.push(`matchExpressions: [${written.join(', ')}]`);
  }
  return `{${parts.join(', ')}}`;
}

/** A key equal for changes of one cause: the rule and its peer, and where the change is. */
function causeKey(cause: PathCause): unknown[] {
  const { decision } = cause;
  return [
    decision.policy?.kind,
    decision.policy?.namespace,
    decision.policy?.name,
    decision.direction,
    decision.index,
    decision.peer?.path,
  ];
}

/**
 * Where each row starts in `changes`: consecutive changes of the same (from, to) with the same risk and explanation
 * are one row, so a pair closed on every protocol reads as one line ("all ports, all protocols") rather than three.
 * Found without formatting anything: a report that shows a few hundred rows of tens of thousands formats only those.
 */
export function rowStarts(changes: readonly PathChange[]): number[] {
  const starts: number[] = [];
  changes.forEach((change, index) => {
    const previous = changes[index - 1];
    if (!previous || !sameRow(previous, change)) starts.push(index);
  });
  return starts;
}

function sameRow(a: PathChange, b: PathChange): boolean {
  return (
    samePath(a, b) &&
    (a.explanation ?? '') === (b.explanation ?? '') &&
    (a.risk ?? []).join() === (b.risk ?? []).join() &&
    openedBy(a) === openedBy(b)
  );
}

/** The changes of row `index` of {@link rowStarts}. */
export function rowChanges(
  changes: readonly PathChange[],
  starts: readonly number[],
  index: number,
): PathChange[] {
  return changes.slice(starts[index], starts[index + 1] ?? changes.length);
}

/**
 * The rows of {@link rowStarts} grouped by cause (see {@link groupByCause}), as row indices: a report formats only
 * the groups it shows. Rows of one rule's peer are one group whatever their risks (the group carries them all);
 * rows no peer decided are grouped when they read alike but for the end they differ in.
 */
export function rowGroups(changes: readonly PathChange[], starts: readonly number[]): number[][] {
  return groupByCause(
    starts.map((_, index) => index),
    (index, common) => pathCauseKey(rowChanges(changes, starts, index), common),
  );
}

/**
 * The cause of one path (its changes of one (from, to)) said as a key, for paths that differ only in their other
 * end; a key that starts with `peer` is a rule's peer, any other is the changes' wording. Undefined when the path's
 * cause names the other end (an ingress rule's peer names sources, so its paths share their destination).
 */
export function pathCauseKey(parts: readonly PathChange[], common: 'from' | 'to'): string | undefined {
  const first = parts[0]!;
  const causes = parts.map(causeOf);
  const named = causes.every((cause) => cause && cause.folds !== common);
  const other = common === 'to' ? 'from' : 'to';
  if (named) {
    return JSON.stringify([
      'peer',
      peerKey(first[common]),
      parts.map((part, i) => [part.protocol, part.ports, part.namedPorts ?? [], causeKey(causes[i]!)]),
      (first.explanation ?? '').split(peerLabel(first[other])).join('…'),
      openedBy(first) ?? '',
      first.location?.file ?? '',
      first.location?.line ?? 0,
    ]);
  }
  return JSON.stringify([
    'wording',
    peerKey(first[common]),
    parts.map((part) => [part.protocol, part.ports, part.namedPorts ?? []]),
    first.risk ?? [],
    // The explanation names the end the rows differ in; what it says of that end is the cause.
    (first.explanation ?? '').split(peerLabel(first[other])).join('…'),
    openedBy(first) ?? '',
    first.location?.file ?? '',
    first.location?.line ?? 0,
  ]);
}

/**
 * Fewer items of one cause than this stay rows: two sources are read as easily as one group of two. Two paths a
 * rule's peer opens are one group already: the row names the peer ("any pod in any namespace").
 */
const MIN_GROUP = { peer: 2, wording: 3 };

/**
 * Items (rows, paths) grouped by cause, in the order each group's first item comes: `cause(item, common)` is the
 * same for items that differ only in their other end. Groups are by destination first (an ingress rule names its
 * sources), then by source; an item whose cause has too few items (see {@link MIN_GROUP}) on either side stays
 * alone.
 */
export function groupByCause<T>(
  items: readonly T[],
  cause: (item: T, common: 'from' | 'to') => string | undefined,
): T[][] {
  const large = (group: { key: string; items: T[] }) =>
    group.items.length >= (group.key.startsWith('["peer"') ? MIN_GROUP.peer : MIN_GROUP.wording);
  const differingIn = (some: readonly T[], common: 'from' | 'to') => {
    const groups = new Map<string, { key: string; items: T[] }>();
    const alone: { key: string; items: T[] }[] = [];
    for (const item of some) {
      const key = cause(item, common);
      if (key === undefined) {
        alone.push({ key: '', items: [item] });
        continue;
      }
      const group = groups.get(key);
      if (group) group.items.push(item);
      else groups.set(key, { key, items: [item] });
    }
    return [...groups.values(), ...alone];
  };
  const sources = differingIn(items, 'to');
  const destinations = differingIn(
    sources.filter((group) => !large(group)).flatMap((group) => group.items),
    'from',
  );
  const order = new Map(items.map((item, index) => [item, index]));
  return [
    ...sources.filter(large).map((group) => group.items),
    ...destinations.filter(large).map((group) => group.items),
    ...destinations
      .filter((group) => !large(group))
      .flatMap((group) => group.items)
      .map((item) => [item]),
  ].sort((a, b) => order.get(a[0]!)! - order.get(b[0]!)!);
}

/**
 * `8 workloads in 4 namespaces`, `3 address blocks`, `2 DNS names`, `2 Cilium entities`: what the members of a group
 * are.
 */
export function describeMembers(members: readonly Peer[]): string {
  const peers = members.filter((peer): peer is WorkloadPeer => !isCidrPeer(peer));
  const workloads = peers.filter((peer) => !peer.representative);
  const namespaces = new Set(workloads.map((workload) => workload.namespace)).size;
  const names = peers.filter((peer) => peer.namespace === DNS_NAME_NAMESPACE).length;
  const entities = peers.filter((peer) => peer.namespace === ENTITY_NAMESPACE).length;
  const outside = peers.length - workloads.length - names - entities;
  const blocks = members.length - peers.length;
  const parts = [
    ...(workloads.length
      ? [`${plural(workloads.length, 'workload')} in ${plural(namespaces, 'namespace')}`]
      : []),
    ...(outside ? [`${plural(outside, 'set')} of pods outside this repository`] : []),
    ...(blocks ? [plural(blocks, 'address block')] : []),
    ...(names ? [plural(names, 'DNS name')] : []),
    ...(entities ? [plural(entities, 'Cilium entity', 'Cilium entities')] : []),
  ];
  return parts.length > 2 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}` : parts.join(' and ');
}

/** The order risks are said in, the most common first (`Risk`). */
const RISK_ORDER: readonly Risk[] = [
  'cross-namespace',
  'any-namespace',
  'internet',
  'metadata-endpoint',
  'node-entity',
];

/** Every risk of the changes, once, in the order risks are said: what a group of them carries. */
export function risksOf(changes: readonly PathChange[]): Risk[] {
  const risks = new Set(changes.flatMap((change) => change.risk ?? []));
  return RISK_ORDER.filter((risk) => risks.has(risk));
}

/**
 * The groups of `changes` (opened or closed paths) that fold more than one path, for the JSON report: the cause, the
 * end the paths share, the risks and gates of all of them, and the members, one per path.
 */
export function causeGroups(changes: readonly PathChange[]): CauseGroup[] {
  const starts = rowStarts(changes);
  return rowGroups(changes, starts).flatMap((rows): CauseGroup[] => {
    if (rows.length < 2) return [];
    const heads = rows.map((index) => changes[starts[index]!]!);
    const folds = peerKey(heads[0]!.to) === peerKey(heads[1]!.to) ? 'from' : 'to';
    const all = rows.flatMap((index) => rowChanges(changes, starts, index));
    const cause = causeOf(heads[0]!);
    const risk = risksOf(all);
    const failsOn = [...new Set(all.flatMap((change) => change.failsOn ?? []))];
    const location = heads[0]!.location;
    const common: Peer = heads[0]![folds === 'from' ? 'to' : 'from'];
    return [
      {
        ...(cause && cause.folds === folds
          ? {
              peers: cause.peers,
              ...(cause.written !== undefined ? { written: cause.written } : {}),
              decision: cause.decision,
            }
          : {}),
        folds,
        ...(folds === 'from' ? { to: common } : { from: common }),
        paths: heads.length,
        ports: rowChanges(changes, starts, rows[0]!).map(({ protocol, ports, namedPorts }) => ({
          protocol,
          ports,
          ...(namedPorts ? { namedPorts } : {}),
        })),
        ...(risk.length > 0 ? { risk } : {}),
        ...(failsOn.length > 0 ? { failsOn } : {}),
        ...(location ? { location } : {}),
        members: heads.map((change) => change[folds]),
      },
    ];
  });
}
