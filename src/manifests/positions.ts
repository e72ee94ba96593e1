import { isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { FieldPath, SourceLocation } from './types.js';

/**
 * Where the parts of one document are written, as source offsets: what locations need, without the YAML tree (far
 * larger). Both YAML readers produce it: the full parser by converting its tree (`sourceTreeOf`), the plain block
 * reader directly.
 */
export interface SourceNode {
  /**
   * Offset of the node's first character: a mapping's first key, a list's first `-`, a scalar's first character;
   * undefined when nothing is written (an empty value).
   */
  start?: number;
  /** A mapping's entries whose key is a scalar, in written order. */
  entries?: SourceEntry[];
  /** A list's items. */
  items?: SourceNode[];
}

export interface SourceEntry {
  /** The key as the plain value's property name. */
  key: string;
  keyStart: number;
  value: SourceNode;
}

/**
 * The source tree of a composed YAML node. Aliases and merge keys are not followed: their fields are found at the
 * alias, the nearest ancestor written here. A list item that is a single pair (`[a: b]`) starts at its key.
 * Iterative, so depth never costs stack.
 */
export function sourceTreeOf(root: Node): SourceNode {
  const tree = sourceNode(nodeStart(root));
  const pending: { node: unknown; into: SourceNode }[] = [{ node: root, into: tree }];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const { node, into } = entry;
    if (isMap(node)) {
      into.entries = [];
      for (const pair of node.items) {
        if (!isScalar(pair.key) || pair.key.range == null) continue;
        const value = sourceNode(nodeStart(pair.value));
        into.entries.push({ key: String(pair.key.value), keyStart: pair.key.range[0], value });
        pending.push({ node: pair.value, into: value });
      }
    } else if (isSeq(node)) {
      into.items = [];
      for (const item of node.items) {
        const child = sourceNode(nodeStart(isPair(item) ? item.key : item));
        into.items.push(child);
        pending.push({ node: item, into: child });
      }
    }
  }
  return tree;
}

function nodeStart(node: unknown): number | undefined {
  return (isScalar(node) || isMap(node) || isSeq(node) || isAlias(node)) && node.range != null
    ? node.range[0]
    : undefined;
}

function sourceNode(start: number | undefined): SourceNode {
  return start === undefined ? {} : { start };
}

/** The location of a source offset, with 1-based line and column. */
export function locationAt(file: string, lineCounter: LineCounter, offset: number): SourceLocation {
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col };
}

/** The node at a field path of mapping keys, when it is written. */
export function sourceNodeAt(root: SourceNode, keys: readonly string[]): SourceNode | undefined {
  let node: SourceNode | undefined = root;
  for (const key of keys) node = node?.entries?.find((entry) => entry.key === key)?.value;
  return node;
}

/** Where an object's fields are written: its source tree, and how to turn offsets into lines. */
export interface WrittenFields {
  root: SourceNode;
  file: string;
  lineCounter: LineCounter;
}

/**
 * A `locate` function for a LoadedObject: where `path` is written (a mapping entry at its key, which is where a
 * reader looks for `podSelector:`; a list item at its first character), otherwise its nearest written ancestor,
 * otherwise the object itself. Lines are worked out on demand: most fields are never located.
 */
export function makeLocator(
  loc: SourceLocation,
  written?: WrittenFields,
): (path: FieldPath) => SourceLocation {
  if (written === undefined) return () => loc;
  const { root, file, lineCounter } = written;
  return (path) => {
    let node: SourceNode = root;
    let found: number | undefined;
    for (const segment of path) {
      const name = String(segment);
      const entry: SourceEntry | undefined = node.entries?.find((candidate) => candidate.key === name);
      if (entry !== undefined) {
        found = entry.keyStart;
        node = entry.value;
        continue;
      }
      // Indexes and keys compare as text, as in a JSON Pointer.
      const item: SourceNode | undefined =
        String(Number(name)) === name ? node.items?.[Number(name)] : undefined;
      if (item === undefined) break;
      found = item.start ?? found;
      node = item;
    }
    return found === undefined ? loc : locationAt(file, lineCounter, found);
  };
}
