import type { FieldPath } from '../../manifests/types.js';
import { isPortNumber, type FieldReader } from '../../model/fields.js';
import { RejectedPolicy, readSelector, requireList, requireMap, unlessRejected } from '../../model/policy.js';
import {
  PROTOCOLS,
  type NetworkPolicy,
  type PolicyPeer,
  type PolicyPort,
  type PolicyRule,
  type Protocol,
} from '../../model/types.js';

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
