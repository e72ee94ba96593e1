import type { FieldPath } from '../../manifests/types.js';
import type { FieldReader } from '../../model/fields.js';
import { RejectedPolicy } from '../../model/policy.js';
import type { Protocol, TieredPolicy, TieredPort } from '../../model/types.js';
import {
  onlyFields,
  portNumber,
  readClusterPolicy,
  readPriority,
  type ApiVersionRules,
} from '../network-policy-api/read.js';
import type { TieredKind } from '../types.js';

const PROTOCOL_FIELDS: Readonly<Record<string, Protocol>> = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' };

const RULES: ApiVersionRules = {
  actions: { Accept: 'allow', Deny: 'deny', Pass: 'pass' },
  maxRules: 25,
  maxItems: 25,
  portsField: 'protocols',
  readPort,
  specFields: ['tier', 'priority', 'subject', 'ingress', 'egress'],
};

/**
 * `policy.networking.k8s.io/v1alpha2` ClusterNetworkPolicy (bundle v0.2.0): `tier: Admin|Baseline`, `priority`
 * 0-1000 within the tier, rules Accept / Deny / Pass in list order, `protocols` items of exactly one of `tcp`, `udp`,
 * `sctp` (a `destinationPort` number or range) or `destinationNamedPort`. Source: apis/v1alpha2/
 * clusternetworkpolicy_types.go in kubernetes-sigs/network-policy-api.
 */
export const clusterNetworkPolicy: TieredKind = {
  apiVersion: 'policy.networking.k8s.io/v1alpha2',
  kind: 'ClusterNetworkPolicy',
  namespaced: false,
  form: 'tiered',
  read(reader: FieldReader): TieredPolicy | undefined {
    return readClusterPolicy(reader, RULES, () => {
      const tier = reader.get(['spec', 'tier']);
      if (tier !== 'Admin' && tier !== 'Baseline') {
        throw new RejectedPolicy(
          ['spec', 'tier'],
          `Unsupported value: ${JSON.stringify(tier ?? null)}: supported values: "Admin", "Baseline"`,
        );
      }
      return { tier: tier === 'Admin' ? 'admin' : 'baseline', priority: readPriority(reader) };
    });
  },
};

function readPort(reader: FieldReader, path: FieldPath): TieredPort {
  const fields = [...Object.keys(PROTOCOL_FIELDS), 'destinationNamedPort'];
  onlyFields(reader, path, fields);
  const value = reader.get(path);
  const set =
    value !== null && typeof value === 'object'
      ? fields.filter((f) => (value as Record<string, unknown>)[f] !== undefined)
      : [];
  if (set.length !== 1) throw new RejectedPolicy(path, 'exactly one field must be set in a protocol');
  const field = set[0]!;
  const at = [...path, field];
  if (field === 'destinationNamedPort') {
    const name = reader.get(at);
    if (typeof name !== 'string' || name === '')
      throw new RejectedPolicy(at, 'destinationNamedPort must be a port name');
    return { port: name, path };
  }
  const protocol = PROTOCOL_FIELDS[field]!;
  onlyFields(reader, at, ['destinationPort']);
  const port = reader.get([...at, 'destinationPort']);
  if (port === undefined || port === null) return { protocol, path };
  const portPath = [...at, 'destinationPort'];
  onlyFields(reader, portPath, ['number', 'range']);
  const hasNumber = (port as Record<string, unknown>)['number'] !== undefined;
  const hasRange = (port as Record<string, unknown>)['range'] !== undefined;
  if (hasNumber === hasRange)
    throw new RejectedPolicy(portPath, 'exactly one of number and range must be set');
  if (hasNumber) return { protocol, port: portNumber(reader, [...portPath, 'number']), path };
  const rangePath = [...portPath, 'range'];
  onlyFields(reader, rangePath, ['start', 'end']);
  const start = portNumber(reader, [...rangePath, 'start']);
  const end = portNumber(reader, [...rangePath, 'end']);
  if (start >= end) throw new RejectedPolicy(rangePath, 'Start port must be less than End port');
  return { protocol, port: start, endPort: end, path };
}
