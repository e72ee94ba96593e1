import type { FieldPath } from '../manifests/types.js';
import type { FieldReader } from './fields.js';
import { isPortNumber } from './fields.js';
import {
  PROTOCOLS,
  type LabelSelector,
  type NetworkPolicy,
  type PolicyPeer,
  type PolicyPort,
  type PolicyRule,
  type Protocol,
  type SelectorOperator,
} from './types.js';

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
 * Reads a NetworkPolicy into the model's form: defaulted types, rules with `peers`/`ports` undefined when they
 * mean "everything", every element with its field path. Undefined (with an error diagnostic) when a field is one
 * the API server would reject.
 */
export function readNetworkPolicy(reader: FieldReader, namespace: string): NetworkPolicy | undefined {
  const { object } = reader;
  return unlessRejected(reader, () => {
    const ingress = readRules(reader, 'ingress');
    const egress = readRules(reader, 'egress');
    const declaredTypes = requireList(reader, ['spec', 'policyTypes']) ?? [];
    declaredTypes.forEach((type, index) => {
      if (type !== 'Ingress' && type !== 'Egress') {
        throw new RejectedPolicy(
          ['spec', 'policyTypes', index],
          `policyTypes[${index}] must be Ingress or Egress`,
        );
      }
    });
    const policyTypesDeclared = declaredTypes.length > 0;
    // Kubernetes defaulting: no policyTypes means Ingress, plus Egress when the egress list is non-empty.
    const types = policyTypesDeclared
      ? { ingress: declaredTypes.includes('Ingress'), egress: declaredTypes.includes('Egress') }
      : { ingress: true, egress: egress.length > 0 };
    return {
      id: `${namespace}/${object.name}`,
      namespace,
      name: object.name,
      namespaceDeclared: object.namespace !== undefined,
      podSelector: readSelector(reader, ['spec', 'podSelector']) ?? {},
      types,
      policyTypesDeclared,
      ingress,
      egress,
      annotations: reader.stringMap(['metadata', 'annotations']),
      loc: object.loc,
      locate: (path) => object.locate(path),
    };
  });
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

function readRules(reader: FieldReader, direction: 'ingress' | 'egress'): PolicyRule[] {
  const peersField = direction === 'ingress' ? 'from' : 'to';
  const rules = requireList(reader, ['spec', direction]) ?? [];
  return rules.map((_, index) => {
    const path = ['spec', direction, index];
    requireMap(reader, path);
    const peers = requireList(reader, [...path, peersField]);
    const ports = requireList(reader, [...path, 'ports']);
    return {
      path,
      ...(peers && peers.length > 0
        ? { peers: peers.map((__, i) => readPeer(reader, [...path, peersField, i])) }
        : {}),
      ...(ports && ports.length > 0
        ? { ports: ports.map((__, i) => readPort(reader, [...path, 'ports', i])) }
        : {}),
    };
  });
}

function readPeer(reader: FieldReader, path: FieldPath): PolicyPeer {
  requireMap(reader, path);
  const podSelector = readSelector(reader, [...path, 'podSelector']);
  const namespaceSelector = readSelector(reader, [...path, 'namespaceSelector']);
  const ipBlock = readIpBlock(reader, [...path, 'ipBlock']);
  if (ipBlock && (podSelector || namespaceSelector)) {
    throw new RejectedPolicy(path, 'a peer may not combine ipBlock with a pod or namespace selector');
  }
  if (!ipBlock && !podSelector && !namespaceSelector) {
    throw new RejectedPolicy(path, 'a peer needs podSelector, namespaceSelector or ipBlock');
  }
  return {
    ...(podSelector ? { podSelector } : {}),
    ...(namespaceSelector ? { namespaceSelector } : {}),
    ...(ipBlock ? { ipBlock } : {}),
    path,
  };
}

function readIpBlock(reader: FieldReader, path: FieldPath): { cidr: string; except: string[] } | undefined {
  if (reader.get(path) === undefined) return undefined;
  requireMap(reader, path);
  const cidr = reader.get([...path, 'cidr']);
  if (typeof cidr !== 'string') throw new RejectedPolicy(path, 'ipBlock.cidr must be a string');
  const except = (requireList(reader, [...path, 'except']) ?? []).map((value, i) => {
    if (typeof value !== 'string')
      throw new RejectedPolicy([...path, 'except', i], 'ipBlock.except entries must be strings');
    return value;
  });
  return { cidr, except };
}

function readPort(reader: FieldReader, path: FieldPath): PolicyPort {
  requireMap(reader, path);
  const protocol = reader.get([...path, 'protocol']) ?? 'TCP';
  if (!PROTOCOLS.includes(protocol as Protocol)) {
    throw new RejectedPolicy([...path, 'protocol'], `protocol must be one of ${PROTOCOLS.join(', ')}`);
  }
  const port = reader.get([...path, 'port']);
  const endPort = reader.get([...path, 'endPort']);
  if (port !== undefined && !isPortNumber(port) && (typeof port !== 'string' || port === '')) {
    throw new RejectedPolicy([...path, 'port'], 'port must be a number 1-65535 or a port name');
  }
  if (endPort !== undefined) {
    if (!isPortNumber(endPort) || !isPortNumber(port) || endPort < port) {
      throw new RejectedPolicy([...path, 'endPort'], 'endPort needs a numeric port and must not be below it');
    }
  }
  return {
    protocol: protocol as Protocol,
    ...(port !== undefined ? { port } : {}),
    ...(endPort !== undefined ? { endPort } : {}),
    path,
  };
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
