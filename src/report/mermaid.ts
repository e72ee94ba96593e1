import type { DiffResult, PathChange } from '../diff/types.js';
import { isCidrPeer, peerLabel } from '../diff/peers.js';
import { unnamedNamespaceText } from '../policy/representatives.js';
import { cleanText, truncate } from './escape.js';
import { formatPorts, plural } from './format.js';

/** Beyond this a graph is unreadable and slow to render; the tables below it have every path. */
const MAX_GRAPH_EDGES = 30;
const MAX_LABEL_LENGTH = 60;
const OPENED_STYLE = 'stroke:#1a7f37,color:#1a7f37';
const CLOSED_STYLE = 'stroke:#cf222e,color:#cf222e';

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
  for (const character of truncate(cleanText(text).trim(), maxLength)) {
    escaped += MERMAID_ENTITIES.has(character) ? `#${character.codePointAt(0)};` : character;
  }
  return escaped;
}

interface Edge {
  from: string;
  to: string;
  opened: boolean;
  ports: string[];
}

/**
 * A `graph LR` of the namespace-level edges this change opens (solid, green) and closes (dashed, red), labelled
 * with their ports; CIDR peers are nodes of their own (`0.0.0.0/0 except 10.0.0.5/32`). Undefined when nothing was
 * opened or closed.
 */
export function renderNamespaceGraph(diff: Pick<DiffResult, 'opened' | 'closed'>): string | undefined {
  const nodes = new Map<string, { id: string; label: string }>();
  const nodeId = (peer: PathChange['from']): string => {
    // A block with exceptions is not the whole block; namespaces of pods outside the tree are said as selected.
    const label = isCidrPeer(peer)
      ? peerLabel(peer)
      : (unnamedNamespaceText(peer.namespace) ?? peer.namespace);
    const key = `${isCidrPeer(peer) ? 'cidr' : 'namespace'}:${label}`;
    let node = nodes.get(key);
    if (!node) {
      // Ids are made here, never taken from input, so no name can inject Mermaid syntax.
      node = { id: `n${nodes.size}`, label };
      nodes.set(key, node);
    }
    return node.id;
  };
  const edges = new Map<string, Edge>();
  const add = (change: PathChange, opened: boolean) => {
    const from = nodeId(change.from);
    const to = nodeId(change.to);
    const key = `${opened}:${from}:${to}`;
    const edge = edges.get(key) ?? { from, to, opened, ports: [] };
    edges.set(key, edge);
    const ports = formatPorts(change.protocol, change.ports);
    if (!edge.ports.includes(ports)) edge.ports.push(ports);
  };
  for (const change of diff.opened) add(change, true);
  for (const change of diff.closed) add(change, false);
  if (edges.size === 0) return undefined;

  const shown = [...edges.values()].slice(0, MAX_GRAPH_EDGES);
  const used = new Set(shown.flatMap((edge) => [edge.from, edge.to]));
  const lines = ['```mermaid', 'graph LR'];
  for (const { id, label } of nodes.values())
    if (used.has(id)) lines.push(`  ${id}["${mermaidText(label)}"]`);
  for (const edge of shown) {
    const arrow = edge.opened ? '-->' : '-.->';
    const label = mermaidText(`${edge.opened ? 'opened' : 'closed'}: ${edge.ports.join('; ')}`);
    lines.push(`  ${edge.from} ${arrow}|"${label}"| ${edge.to}`);
  }
  const indexes = (opened: boolean) =>
    shown.flatMap((edge, index) => (edge.opened === opened ? [String(index)] : [])).join(',');
  if (indexes(true)) lines.push(`  linkStyle ${indexes(true)} ${OPENED_STYLE}`);
  if (indexes(false)) lines.push(`  linkStyle ${indexes(false)} ${CLOSED_STYLE}`);
  lines.push('```');
  if (edges.size > shown.length) {
    lines.push(
      '',
      `_Showing ${shown.length} of ${plural(edges.size, 'changed edge')}; the tables list every path._`,
    );
  }
  return lines.join('\n');
}
