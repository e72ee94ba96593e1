import type { DiffResult, L7Change, PathChange } from '../diff/types.js';
import { isCidrPeer, peerKey, peerLabel } from '../diff/peers.js';
import { unnamedNamespaceText } from '../policy/representatives.js';
import type { Peer, WorkloadPeer } from '../policy/types.js';
import type { ReplayedFlow } from '../replay/types.js';
import { cleanText, neutraliseAutolinks, truncate } from './escape.js';
import { formatChangePorts, formatPorts, plural } from './format.js';

/** Beyond this a graph is unreadable and slow to render; the tables below it have every path. */
const MAX_GRAPH_EDGES = 30;
const MAX_LABEL_LENGTH = 60;
/** GitHub's green and red: at least 3:1 against both its light and its dark page, as lines need. */
const OPENED_STYLE = 'stroke:#1a7f37';
const CLOSED_STYLE = 'stroke:#cf222e';
const BROKEN_STYLE = 'stroke:#cf222e,stroke-width:3px';
/** GitHub's purple (done), 5:1 on its light page and 3.7:1 on its dark one; dotted like a closed edge, told apart by it. */
const L7_STYLE = 'stroke:#8250df';

/**
 * Characters that mean something in a Mermaid label (quotes end it, brackets and pipes are shape and edge syntax,
 * `#` starts an entity, `%%` a comment, a backtick a Markdown string or the end of the fence), written as Mermaid's
 * `#code;` entities. `@` too, so the raw comment never carries an `@mention`.
 */
const MERMAID_ENTITIES = new Set([
  '"',
  "'",
  '#',
  '&',
  '<',
  '>',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '|',
  '`',
  '@',
  '%',
  '\\',
  ';',
]);

/** Untrusted text as the inside of a quoted Mermaid label. */
export function mermaidText(text: string, maxLength = MAX_LABEL_LENGTH): string {
  let escaped = '';
  // A workload's name may hold a URL: the raw comment carries no link, as everywhere else in it.
  for (const character of neutraliseAutolinks(truncate(cleanText(text).trim(), maxLength))) {
    escaped += MERMAID_ENTITIES.has(character) ? `#${character.codePointAt(0)};` : character;
  }
  return escaped;
}

type EdgeKind = 'opened' | 'closed' | 'broken' | 'l7';

interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** What the label says the edge does, when not its kind's verb: `L7 filter narrowed`. */
  verb?: string;
  ports: string[];
}

/**
 * How each kind of edge is drawn. Only strokes are coloured: a label keeps the text colour of the theme GitHub draws
 * the graph in (light or dark), which is the one readable on the label's background in both.
 */
const EDGE_DRAWING: Readonly<
  Record<EdgeKind, { arrow: string; verb: string; style: string; legend: string }>
> = {
  opened: { arrow: '-->', verb: 'opened', style: OPENED_STYLE, legend: 'solid green opened' },
  closed: { arrow: '-.->', verb: 'closed', style: CLOSED_STYLE, legend: 'dashed red closed' },
  broken: {
    arrow: '==>',
    verb: 'cuts live traffic',
    style: BROKEN_STYLE,
    legend: 'thick red cuts live traffic',
  },
  // Open at L3/L4 on both sides: not an arrow of its own, a dotted line ending in a circle (issue 18).
  l7: {
    arrow: '-.-o',
    verb: 'L7 filter changed',
    style: L7_STYLE,
    legend: 'dotted purple ending in a circle, an L7 filter changed (still open at L3/L4)',
  },
};

/** `all ports, all protocols` for the three protocols open on every port, as the tables say it. */
function describeEdgePorts(ports: readonly string[]): string {
  const everything = ['SCTP', 'TCP', 'UDP'].map((protocol) => `${protocol}/all ports`);
  if (!everything.every((all) => ports.includes(all))) return ports.join('; ');
  return ['all ports, all protocols', ...ports.filter((p) => !everything.includes(p))].join('; ');
}

/** A workload's name inside its namespace's box: the namespace is the box's title. */
function workloadLabel(peer: WorkloadPeer): string {
  const label = peerLabel(peer);
  return label.startsWith(`${peer.namespace}/`) ? label.slice(peer.namespace.length + 1) : label;
}

/**
 * A `graph LR` of the namespace-level edges this change opens (solid, green) and closes (dashed, red), and of the
 * paths whose Cilium L7 filter it changes (dotted, purple, ending in a circle: `L7 filter narrowed`), labelled with
 * their ports; CIDR peers are nodes of their own (`0.0.0.0/0 except 10.0.0.5/32`). A path inside one namespace is
 * drawn between its workloads, in a box named after the namespace, so it is an edge and not a loop on the namespace;
 * a closed path that carried a live flow is drawn thick (`broken`). A legend under it names the kinds of edges it
 * draws. Undefined when nothing was opened, closed or L7-filtered otherwise.
 */
export function renderNamespaceGraph(
  diff: Pick<DiffResult, 'opened' | 'closed' | 'l7Changed'>,
  broken: readonly ReplayedFlow[] = [],
): string | undefined {
  /** A workload's node has the node of its namespace as `parent`, which is then drawn as a box around it. */
  const nodes = new Map<string, { id: string; label: string; parent?: string }>();
  const node = (key: string, label: string, parent?: string): string => {
    let found = nodes.get(key);
    if (!found) {
      // Ids are made here, never taken from input, so no name can inject Mermaid syntax.
      found = { id: `n${nodes.size}`, label, ...(parent === undefined ? {} : { parent }) };
      nodes.set(key, found);
    }
    return found.id;
  };
  // A block with exceptions is not the whole block; namespaces of pods outside the tree are said as selected.
  const namespaceNode = (peer: Peer): string => {
    if (isCidrPeer(peer)) return node(`cidr:${peerLabel(peer)}`, peerLabel(peer));
    const label = unnamedNamespaceText(peer.namespace) ?? peer.namespace;
    return node(`namespace:${label}`, label);
  };
  /** The live flows a closed path carried: same workloads (inside a namespace) or namespaces, protocol and a port. */
  const carried = (change: PathChange, inside: boolean): ReplayedFlow[] =>
    broken.filter((flow) => {
      const { from, to } = flow;
      if (!('namespace' in from) || !('namespace' in to) || isCidrPeer(change.from) || isCidrPeer(change.to))
        return false;
      const same = (a: WorkloadPeer, b: WorkloadPeer) =>
        inside ? peerKey(a) === peerKey(b) : a.namespace === b.namespace;
      return (
        same(change.from, from) &&
        same(change.to, to) &&
        flow.protocol === change.protocol &&
        change.ports.some(([lo, hi]) => flow.port >= lo && flow.port <= hi)
      );
    });
  const edges = new Map<string, Edge>();
  /** A path's two nodes, and whether it is inside one namespace (drawn between its workloads). */
  const endsOf = ({ from, to }: { from: Peer; to: Peer }): { ids: [string, string]; inside: boolean } => {
    const inside = !isCidrPeer(from) && !isCidrPeer(to) && from.namespace === to.namespace;
    const ends = inside
      ? [from, to].map((peer) => {
          const workload = peer as WorkloadPeer;
          return node(`workload:${peerKey(workload)}`, workloadLabel(workload), namespaceNode(workload));
        })
      : [namespaceNode(from), namespaceNode(to)];
    return { ids: ends as [string, string], inside };
  };
  const edge = ([from, to]: [string, string], kind: EdgeKind, ports: readonly string[], verb?: string) => {
    const key = `${kind}:${verb ?? ''}:${from}:${to}`;
    const found = edges.get(key) ?? { from, to, kind, ...(verb ? { verb } : {}), ports: [] };
    edges.set(key, found);
    for (const port of ports) if (!found.ports.includes(port)) found.ports.push(port);
  };
  const add = (change: PathChange, opened: boolean) => {
    const { ids, inside } = endsOf(change);
    const ports = formatChangePorts(change);
    const live = opened ? [] : carried(change, inside).map((flow) => `${flow.protocol}/${flow.port}`);
    // An edge that cuts live traffic names the ports of that traffic; the path's other ports stay a closed edge.
    if (live.length > 0) edge(ids, 'broken', live);
    if (!live.includes(ports)) edge(ids, opened ? 'opened' : 'closed', [ports]);
  };
  // One L7 edge per effect between two nodes: `L7 filter applied`, `L7 filter removed` (the JSON's `effect`).
  const addL7 = (change: L7Change) =>
    edge(
      endsOf(change).ids,
      'l7',
      [formatPorts(change.protocol, change.ports)],
      `L7 filter ${change.effect}`,
    );
  for (const change of diff.opened) add(change, true);
  for (const change of diff.closed) add(change, false);
  for (const change of diff.l7Changed ?? []) addL7(change);
  if (edges.size === 0) return undefined;

  // Edges that cut live traffic first, so the cap never hides them.
  const order: EdgeKind[] = ['broken', 'opened', 'closed', 'l7'];
  const shown = [...edges.values()]
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    .slice(0, MAX_GRAPH_EDGES);
  const used = new Set(shown.flatMap((edge) => [edge.from, edge.to]));
  const lines = ['```mermaid', 'graph LR'];
  const all = [...nodes.values()];
  for (const { id, label, parent } of all) {
    if (parent !== undefined) continue;
    const members = all.filter((member) => member.parent === id && used.has(member.id));
    if (members.length === 0) {
      if (used.has(id)) lines.push(`  ${id}["${mermaidText(label)}"]`);
      continue;
    }
    lines.push(`  subgraph ${id} ["${mermaidText(label)}"]`);
    for (const member of members) lines.push(`    ${member.id}["${mermaidText(member.label)}"]`);
    lines.push('  end');
  }
  for (const edge of shown) {
    const { arrow, verb } = EDGE_DRAWING[edge.kind];
    lines.push(
      `  ${edge.from} ${arrow}|"${mermaidText(`${edge.verb ?? verb}: ${describeEdgePorts(edge.ports)}`)}"| ${edge.to}`,
    );
  }
  for (const kind of order) {
    const indexes = shown.flatMap((edge, index) => (edge.kind === kind ? [String(index)] : [])).join(',');
    if (indexes) lines.push(`  linkStyle ${indexes} ${EDGE_DRAWING[kind].style}`);
  }
  lines.push('```');
  const drawn = order.filter((kind) => shown.some((edge) => edge.kind === kind));
  lines.push('', `_Legend: ${drawn.map((kind) => EDGE_DRAWING[kind].legend).join('; ')}._`);
  if (edges.size > shown.length) {
    lines.push(
      '',
      `_Showing ${shown.length} of ${plural(edges.size, 'changed edge')}; the tables list every path._`,
    );
  }
  return lines.join('\n');
}
