/**
 * What the readers of every policy kind (`src/kinds/`) share: the API server's rejection, selectors, maps and lists.
 */

import type { FieldPath } from '../manifests/types.js';
import type { FieldReader } from './fields.js';
import type { LabelSelector, SelectorOperator } from './types.js';

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * Thrown inside policy reading only, for a field the API server would reject: such a policy was never applied,
 * so it is reported and left out of the model instead of being half-applied.
 */
export class RejectedPolicy extends Error {
  constructor(
    readonly path: FieldPath,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What `read` returns, or undefined when it finds a field the API server would reject: that field gets an
 * `invalid-policy` error, and the policy is left out, as the cluster would never have admitted it.
 */
export function unlessRejected<T>(reader: FieldReader, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof RejectedPolicy)) throw error;
    reader.report(
      error.path,
      `${error.message}; the API server rejects this policy, so it is left out`,
      'error',
      'invalid-policy',
    );
    return undefined;
  }
}

export function readSelector(reader: FieldReader, path: FieldPath): LabelSelector | undefined {
  if (reader.get(path) === undefined || reader.get(path) === null) return undefined;
  requireMap(reader, path);
  const matchLabels = reader.get([...path, 'matchLabels']);
  const selector: {
    matchLabels?: Record<string, string>;
    matchExpressions?: LabelSelector['matchExpressions'];
  } = {};
  if (matchLabels !== undefined && matchLabels !== null) {
    requireMap(reader, [...path, 'matchLabels']);
    for (const [key, value] of Object.entries(matchLabels)) {
      if (typeof value !== 'string')
        throw new RejectedPolicy([...path, 'matchLabels', key], 'matchLabels values must be strings');
    }
    selector.matchLabels = matchLabels as Record<string, string>;
  }
  const expressions = requireList(reader, [...path, 'matchExpressions']);
  if (expressions) {
    selector.matchExpressions = expressions.map((_, i) => {
      const at = [...path, 'matchExpressions', i];
      requireMap(reader, at);
      const key = reader.get([...at, 'key']);
      const operator = reader.get([...at, 'operator']);
      const values = requireList(reader, [...at, 'values']) ?? [];
      if (typeof key !== 'string') throw new RejectedPolicy(at, 'a matchExpression needs a string key');
      if (!OPERATORS.includes(operator as SelectorOperator)) {
        throw new RejectedPolicy([...at, 'operator'], `operator must be one of ${OPERATORS.join(', ')}`);
      }
      if (values.some((v) => typeof v !== 'string'))
        throw new RejectedPolicy([...at, 'values'], 'values must be strings');
      const needsValues = operator === 'In' || operator === 'NotIn';
      if (needsValues !== values.length > 0) {
        throw new RejectedPolicy(at, `${String(operator)} ${needsValues ? 'needs' : 'takes no'} values`);
      }
      return {
        key,
        operator: operator as SelectorOperator,
        ...(needsValues ? { values: values as string[] } : {}),
      };
    });
  }
  return selector;
}

export function requireMap(reader: FieldReader, path: FieldPath): void {
  const value = reader.get(path);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new RejectedPolicy(path, 'must be a map');
}

export function requireList(reader: FieldReader, path: FieldPath): unknown[] | undefined {
  const value = reader.get(path);
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new RejectedPolicy(path, 'must be a list');
  return value;
}
