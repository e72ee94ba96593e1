import type { DiffResult, PathChange } from '../diff/types.js';
import { isCidrPeer, peerKey, peerLabel } from '../diff/peers.js';
import { unnamedNamespaceText } from '../policy/representatives.js';
import type { Peer, WorkloadPeer } from '../policy/types.js';
import type { ReplayedFlow } from '../replay/types.js';
import { cleanText, neutraliseAutolinks, truncate } from './escape.js';
import { formatChangePorts, plural } from './format.js';

/** Beyond this a graph is unreadable and slow to render; the tables below it have every path. */
const MAX_GRAPH_EDGES = 30;
const MAX_LABEL_LENGTH = 60;
/** GitHub's green and red: at least 3:1 against both its light and its dark page, as lines need. */
const OPENED_STYLE = 'stroke:#1a7f37';
const CLOSED_STYLE = 'stroke:#cf222e';
const BROKEN_STYLE = 'stroke:#cf222e,stroke-width:3px';

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

type EdgeKind = 'opened' | 'closed' | 'broken';

interface Edge {
  from: string;
  to: string;
  kind: EdgeKind;
  ports: string[];
}

/**
 * How each kind of edge is drawn. Only strokes are coloured: a label keeps the text colour of the theme GitHub draws
 * the graph in (light or dark), which is the one readable on the label's background in both.
 */
const EDGE_DRAWING: Readonly<Record<EdgeKind, { arrow: string; verb: string; style: string }>> = {
  opened: { arrow: '-->', verb: 'opened', style: OPENED_STYLE },
  closed: { arrow: '-.->', verb: 'closed', style: CLOSED_STYLE },
  broken: { arrow: '==>', verb: 'cuts live traffic', style: BROKEN_STYLE },
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
 * A `graph LR` of the namespace-level edges this change opens (solid, green) and closes (dashed, red), labelled
 * with their ports; CIDR peers are nodes of their own (`0.0.0.0/0 except 10.0.0.5/32`). A path inside one namespace is drawn between its workloads,
 * in a box named after the namespace, so it is an edge and not a loop on the namespace; a closed path that carried
 * a live flow is drawn thick (`broken`). Undefined when nothing was opened or closed.
 */
export function renderNamespaceGraph(
  diff: Pick<DiffResult, 'opened' | 'closed'>,
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
  const add = (change: PathChange, opened: boolean) => {
    const { from, to } = change;
    const inside = !isCidrPeer(from) && !isCidrPeer(to) && from.namespace === to.namespace;
    const ends = inside
      ? [from, to].map((peer) => {
          const workload = peer as WorkloadPeer;
          return node(`workload:${peerKey(workload)}`, workloadLabel(workload), namespaceNode(workload));
        })
      : [namespaceNode(from), namespaceNode(to)];
    const [fromId, toId] = ends as [string, string];
    const edge = (kind: EdgeKind, ports: readonly string[]) => {
      const key = `${kind}:${fromId}:${toId}`;
      const found = edges.get(key) ?? { from: fromId, to: toId, kind, ports: [] };
      edges.set(key, found);
      for (const port of ports) if (!found.ports.includes(port)) found.ports.push(port);
    };
    const ports = formatChangePorts(change);
    const live = opened ? [] : carried(change, inside).map((flow) => `${flow.protocol}/${flow.port}`);
    // An edge that cuts live traffic names the ports of that traffic; the path's other ports stay a closed edge.
    if (live.length > 0) edge('broken', live);
    if (!live.includes(ports)) edge(opened ? 'opened' : 'closed', [ports]);
  };
  for (const change of diff.opened) add(change, true);
  for (const change of diff.closed) add(change, false);
  if (edges.size === 0) return undefined;

  // Edges that cut live traffic first, so the cap never hides them.
  const order: EdgeKind[] = ['broken', 'opened', 'closed'];
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
      `  ${edge.from} ${arrow}|"${mermaidText(`${verb}: ${describeEdgePorts(edge.ports)}`)}"| ${edge.to}`,
    );
  }
  for (const kind of order) {
    const indexes = shown.flatMap((edge, index) => (edge.kind === kind ? [String(index)] : [])).join(',');
    if (indexes) lines.push(`  linkStyle ${indexes} ${EDGE_DRAWING[kind].style}`);
  }
  lines.push('```');
  if (edges.size > shown.length) {
    lines.push(
      '',
      `_Showing ${shown.length} of ${plural(edges.size, 'changed edge')}; the tables list every path._`,
    );
  }
  return lines.join('\n');
}
