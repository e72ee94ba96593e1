import type { FieldPath } from '../../manifests/types.js';
import type { FieldReader } from '../../model/fields.js';
import { RejectedPolicy } from '../../model/policy.js';
import type { RuleAction, TieredPort } from '../../model/types.js';
import { onlyFields, portNumber, protocol, type ApiVersionRules } from './read.js';

/**
 * v1alpha1 (AdminNetworkPolicy, BaselineAdminNetworkPolicy; what OVN-Kubernetes, OpenShift and older Calico and
 * Antrea run): up to 100 rules and peers, `ports` items of exactly one of `portNumber`, `portRange`, `namedPort`.
 */
export function v1alpha1Rules(
  actions: Readonly<Record<string, RuleAction>>,
  specFields: readonly string[],
): ApiVersionRules {
  return { actions, maxRules: 100, maxItems: 100, portsField: 'ports', readPort, specFields };
}

function readPort(reader: FieldReader, path: FieldPath): TieredPort {
  const value = reader.get(path);
  const set =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? ['portNumber', 'namedPort', 'portRange'].filter(
          (field) => (value as Record<string, unknown>)[field] !== undefined,
        )
      : [];
  onlyFields(reader, path, ['portNumber', 'namedPort', 'portRange']);
  if (set.length !== 1)
    throw new RejectedPolicy(path, 'exactly one field must be set in an AdminNetworkPolicyPort');
  const field = set[0]!;
  const at = [...path, field];
  if (field === 'namedPort') {
    const name = reader.get(at);
    if (typeof name !== 'string' || name === '')
      throw new RejectedPolicy(at, 'namedPort must be a port name');
    // No protocol: the name binds to the destination's container port of that name, with its protocol.
    return { port: name, path };
  }
  if (field === 'portNumber') {
    onlyFields(reader, at, ['protocol', 'port']);
    return {
      protocol: protocol(reader, [...at, 'protocol']),
      port: portNumber(reader, [...at, 'port']),
      path,
    };
  }
  onlyFields(reader, at, ['protocol', 'start', 'end']);
  const start = portNumber(reader, [...at, 'start']);
  const end = portNumber(reader, [...at, 'end']);
  if (end < start) throw new RejectedPolicy(at, `port range ${start}-${end}: end may not be less than start`);
  return { protocol: protocol(reader, [...at, 'protocol']), port: start, endPort: end, path };
}
