import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { FieldPath, SourceLocation } from './types.js';

/** Field positions of one object, keyed by `pathKey`; kept instead of the YAML tree, which is far larger. */
export type PositionIndex = ReadonlyMap<string, SourceLocation>;

/** The key of a field path in a `PositionIndex`: array indexes and map keys compare as text. */
function pathKey(path: FieldPath): string {
  return JSON.stringify(path.map(String));
}

/** The location of a source offset, with 1-based line and column. */
export function locationAt(file: string, lineCounter: LineCounter, offset: number): SourceLocation {
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col };
}

/**
 * Records where every field under `root` is written: a mapping entry at its key (that is where a reader looks
 * for `podSelector:`), a list item at its first character. Aliases and merge keys are not followed: their
 * fields are found at the alias, the nearest ancestor written here. Iterative, so depth never costs stack.
 */
export function indexPositions(root: Node, file: string, lineCounter: LineCounter): PositionIndex {
  const index = new Map<string, SourceLocation>();
  const pending: { node: unknown; path: (string | number)[] }[] = [{ node: root, path: [] }];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const { node, path } = entry;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || pair.key.range == null) continue;
        const fieldPath = [...path, String(pair.key.value)];
        index.set(pathKey(fieldPath), locationAt(file, lineCounter, pair.key.range[0]));
        pending.push({ node: pair.value, path: fieldPath });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, position) => {
        const itemPath = [...path, position];
        const start = isPair(item) ? item.key : item;
        const range = (start as Node | null)?.range;
        if (range != null) index.set(pathKey(itemPath), locationAt(file, lineCounter, range[0]));
        pending.push({ node: item, path: itemPath });
      });
    }
  }
  return index;
}

/**
 * A `locate` function for a LoadedObject: the position of `path` when it is written in the file, otherwise of
 * its nearest written ancestor, otherwise of the object itself.
 */
export function makeLocator(loc: SourceLocation, index?: PositionIndex): (path: FieldPath) => SourceLocation {
  if (index === undefined) return () => loc;
  return (path) => {
    for (let length = path.length; length > 0; length--) {
      const found = index.get(pathKey(path.slice(0, length)));
      if (found !== undefined) return found;
    }
    return loc;
  };
}
