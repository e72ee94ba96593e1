import { isMap, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { FieldPath, LoadedObject, SourceLocation } from '../../src/manifests/types.js';

/**
 * LoadedObjects from YAML text, with `locate` pointing at each field's line: what the loader gives, without
 * depending on it, so model and engine tests stay about the model and the engine.
 */
export function objectsFromYaml(text: string, file = 'test.yaml'): LoadedObject[] {
  const lineCounter = new LineCounter();
  return parseAllDocuments(text, { lineCounter })
    .filter((doc) => {
      const js: unknown = doc.toJS();
      return js !== null && typeof js === 'object' && !Array.isArray(js);
    })
    .map((doc) => {
      const value = doc.toJS() as Record<string, unknown>;
      const at = (node: Node | undefined): SourceLocation | undefined => {
        const offset = node?.range?.[0];
        if (offset === undefined) return undefined;
        const { line, col } = lineCounter.linePos(offset);
        return { file, line, column: col };
      };
      const locate = (path: FieldPath): SourceLocation => {
        // The deepest node that exists on the path: a missing field points at its nearest ancestor.
        let node = doc.contents as Node | undefined;
        let best = at(node)!;
        for (const step of path) {
          if (!isMap(node) && !isSeq(node)) break;
          node = node.get(step, true) as Node | undefined;
          best = at(node) ?? best;
        }
        return best;
      };
      const metadata = (value.metadata ?? {}) as Record<string, unknown>;
      return {
        apiVersion: String(value.apiVersion ?? apiVersionOf(value.kind, '')),
        kind: String(value.kind ?? ''),
        name: String(metadata.name ?? ''),
        namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
        value,
        loc: locate([]),
        locate,
      };
    });
}

/** One LoadedObject from a plain object, located at line 1 (for tests that do not look at locations). */
export function objectFrom(value: Record<string, unknown>, file = 'test.yaml'): LoadedObject {
  const metadata = (value.metadata ?? {}) as Record<string, unknown>;
  const loc = { file, line: 1, column: 1 };
  return {
    apiVersion: String(value.apiVersion ?? apiVersionOf(value.kind, 'v1')),
    kind: String(value.kind ?? ''),
    name: String(metadata.name ?? ''),
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    value,
    loc,
    locate: () => loc,
  };
}

/** A NetworkPolicy written without apiVersion is taken as `networking.k8s.io/v1`: kinds are told apart by both. */
function apiVersionOf(kind: unknown, otherwise: string): string {
  return kind === 'NetworkPolicy' ? 'networking.k8s.io/v1' : otherwise;
}
