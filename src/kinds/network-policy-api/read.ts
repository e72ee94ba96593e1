import type { FieldPath } from '../../manifests/types.js';
import type { FieldReader } from '../../model/fields.js';
import { RejectedPolicy, readSelector, requireList, requireMap, unlessRejected } from '../../model/policy.js';
import {
  PROTOCOLS,
  type LabelSelector,
  type PolicyPeer,
  type Protocol,
  type RuleAction,
  type Tier,
  type TieredPolicy,
  type TieredPort,
  type TieredRule,
} from '../../model/types.js';
import { cidrToRange } from '../../policy/ip.js';

/**
 * What the kinds of the Kubernetes network-policy-api (policy.networking.k8s.io: AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy v1alpha1, ClusterNetworkPolicy v1alpha2) share: a subject, ordered rules with an
 * action, `namespaces`/`pods` peers, `networks` CIDRs. Read strictly, as the API server's CRD validation would:
 * an object it rejects is reported at the field and left out. Source: the API types at
 * https://github.com/kubernetes-sigs/network-policy-api/tree/main/apis and https://network-policy-api.sigs.k8s.io.
 */
export interface ApiVersionRules {
  /** Written action → the engine's. */
  actions: Readonly<Record<string, RuleAction>>;
  /** Most rules per direction, and most peers and ports per rule. */
  maxRules: number;
  maxItems: number;
  /** The field of a rule that lists its ports: `ports` (v1alpha1) or `protocols` (v1alpha2). */
  portsField: 'ports' | 'protocols';
  readPort(reader: FieldReader, path: FieldPath): TieredPort;
  /** Fields `spec` may hold. */
  specFields: readonly string[];
}

/** Experimental peers the engine does not evaluate: read, reported, and failed closed as the API says. */
const EXPERIMENTAL_PEERS = ['nodes', 'domainNames'];

export function readClusterPolicy(
  reader: FieldReader,
  rules: ApiVersionRules,
  placement: () => { tier: Tier; priority: number },
): TieredPolicy | undefined {
  const { object } = reader;
  return unlessRejected(reader, () => {
    requireMap(reader, ['spec']);
    onlyFields(reader, ['spec'], rules.specFields);
    const { tier, priority } = placement();
    const subject = readSubject(reader);
    const ingress = readRules(reader, rules, 'ingress');
    const egress = readRules(reader, rules, 'egress');
    return {
      ref: { kind: object.kind, name: object.name, location: object.loc },
      tier,
      priority,
      subject,
      ingress,
      egress,
      annotations: reader.stringMap(['metadata', 'annotations']),
      locate: (path) => object.locate(path),
    };
  });
}

/** `spec.priority`, 0 to 1000, required. */
export function readPriority(reader: FieldReader): number {
  const priority = reader.get(['spec', 'priority']);
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0 || priority > 1000) {
    throw new RejectedPolicy(
      ['spec', 'priority'],
      priority === undefined
        ? 'spec.priority is required'
        : `Invalid value: ${JSON.stringify(priority)}: spec.priority in body should be between 0 and 1000`,
    );
  }
  return priority;
}

function readSubject(reader: FieldReader): TieredPolicy['subject'] {
  const path = ['spec', 'subject'];
  const { namespaces, pods } = exactlyOne(reader, path, ['namespaces', 'pods'], 'a subject');
  if (namespaces) return { namespaceSelector: selector(reader, namespaces), podSelector: {} };
  return namespacedPod(reader, pods!);
}

function namespacedPod(
  reader: FieldReader,
  path: FieldPath,
): { namespaceSelector: LabelSelector; podSelector: LabelSelector } {
  requireMap(reader, path);
  onlyFields(reader, path, ['namespaceSelector', 'podSelector']);
  // The CRD requires both (an empty selector selects all; an absent one is refused, not defaulted).
  for (const field of ['namespaceSelector', 'podSelector']) {
    if (reader.get([...path, field]) === undefined)
      throw new RejectedPolicy(path, `pods.${field}: Required value`);
  }
  return {
    namespaceSelector: selector(reader, [...path, 'namespaceSelector']),
    podSelector: selector(reader, [...path, 'podSelector']),
  };
}

/** A label selector; absent or null selects everything, as an empty one does. */
function selector(reader: FieldReader, path: FieldPath): LabelSelector {
  if (reader.get(path) !== undefined && reader.get(path) !== null)
    onlyFields(reader, path, ['matchLabels', 'matchExpressions']);
  return readSelector(reader, path) ?? {};
}

function readRules(
  reader: FieldReader,
  rules: ApiVersionRules,
  direction: 'ingress' | 'egress',
): TieredRule[] {
  const list = requireList(reader, ['spec', direction]) ?? [];
  if (list.length > rules.maxRules)
    throw new RejectedPolicy(
      ['spec', direction],
      `spec.${direction} must have at most ${rules.maxRules} items`,
    );
  const peersField = direction === 'ingress' ? 'from' : 'to';
  return list.map((_, index): TieredRule => {
    const path = ['spec', direction, index];
    requireMap(reader, path);
    onlyFields(reader, path, ['name', 'action', peersField, rules.portsField]);
    const name = reader.get([...path, 'name']);
    if (name !== undefined && (typeof name !== 'string' || name.length > 100))
      throw new RejectedPolicy([...path, 'name'], 'name must be a string of at most 100 characters');
    const written = reader.get([...path, 'action']);
    const action =
      typeof written === 'string' && Object.hasOwn(rules.actions, written)
        ? rules.actions[written]
        : undefined;
    if (action === undefined) {
      throw new RejectedPolicy(
        [...path, 'action'],
        `unrecognized action ${JSON.stringify(written ?? null)}: supported values are ${Object.keys(rules.actions).join(', ')}`,
      );
    }
    const peerList = requireList(reader, [...path, peersField]);
    if (!peerList || peerList.length === 0)
      throw new RejectedPolicy(
        [...path],
        `${peersField} field must be defined and contain at least one item`,
      );
    if (peerList.length > rules.maxItems)
      throw new RejectedPolicy(
        [...path, peersField],
        `${peersField} must have at most ${rules.maxItems} items`,
      );
    const peers = peerList.flatMap((__, i) => readPeer(reader, [...path, peersField, i], direction, action));
    const portList = requireList(reader, [...path, rules.portsField]);
    if (portList !== undefined && (portList.length === 0 || portList.length > rules.maxItems))
      throw new RejectedPolicy(
        [...path, rules.portsField],
        `${rules.portsField} must have 1 to ${rules.maxItems} items`,
      );
    const ports = portList?.map((__, i) => rules.readPort(reader, [...path, rules.portsField, i]));
    if (ports?.some((port) => typeof port.port === 'string') && peers.some((peer) => peer.ipBlock)) {
      throw new RejectedPolicy(
        [...path, rules.portsField],
        'networks/nodes/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks/nodes/domainNames',
      );
    }
    return {
      action,
      index,
      ...(typeof name === 'string' && name !== '' ? { name } : {}),
      peers,
      ...(ports ? { ports } : {}),
      path,
    };
  });
}

/** One `from`/`to` item as NetworkPolicy peers (one per `networks` CIDR); none for experimental peers. */
function readPeer(
  reader: FieldReader,
  path: FieldPath,
  direction: 'ingress' | 'egress',
  action: RuleAction,
): PolicyPeer[] {
  const allowed =
    direction === 'ingress'
      ? ['namespaces', 'pods']
      : ['namespaces', 'pods', 'networks', ...EXPERIMENTAL_PEERS];
  const set = exactlyOne(reader, path, allowed, 'a rule peer');
  if (set.namespaces) return [{ namespaceSelector: selector(reader, set.namespaces), podSelector: {}, path }];
  if (set.pods) return [{ ...namespacedPod(reader, set.pods), path }];
  if (set.networks) {
    const networks = requireList(reader, set.networks) ?? [];
    if (networks.length === 0 || networks.length > 25)
      throw new RejectedPolicy(set.networks, 'networks must have 1 to 25 items');
    return networks.map((cidr, i) => {
      if (typeof cidr !== 'string' || cidrToRange(cidr) === undefined || !cidr.includes('/'))
        throw new RejectedPolicy([...set.networks!, i], `invalid CIDR address: ${String(cidr)}`);
      return { ipBlock: { cidr, except: [] }, path: [...set.networks!, i] };
    });
  }
  // `nodes` and `domainNames`: not evaluated (the model knows no node addresses, no DNS names). The peer matches
  // nothing: the API's fail-closed reading for an Accept rule; for Deny and Pass it would be "deny all", said here.
  const field = Object.keys(set)[0]!;
  reader.report(
    [...path, field],
    `the experimental ${field} peer is not evaluated: ` +
      (action === 'allow'
        ? 'this rule is taken to match nothing there'
        : `this ${action === 'deny' ? 'Deny' : 'Pass'} rule may deny more than the analysis shows (fail closed, it denies all)`),
    'warning',
    'peer-not-evaluated',
  );
  return [];
}

/** Which of `fields` the map at `path` sets: exactly one, as the API's MinProperties/MaxProperties demand. */
function exactlyOne(
  reader: FieldReader,
  path: FieldPath,
  fields: readonly string[],
  what: string,
): Partial<Record<string, FieldPath>> {
  const value = reader.get(path);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new RejectedPolicy(path, `exactly one field must be set in ${what}`);
  onlyFields(reader, path, fields);
  const set = fields.filter((field) => (value as Record<string, unknown>)[field] !== undefined);
  if (set.length !== 1) throw new RejectedPolicy(path, `exactly one field must be set in ${what}`);
  return { [set[0]!]: [...path, set[0]!] };
}

/** Unknown fields are rejected, as a structural CRD schema prunes or refuses them (strict field validation). */
export function onlyFields(reader: FieldReader, path: FieldPath, fields: readonly string[]): void {
  const value = reader.get(path);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const key of Object.keys(value)) {
    if (!fields.includes(key))
      throw new RejectedPolicy(
        [...path, key],
        `unknown field ${JSON.stringify(key)} (known: ${fields.join(', ')})`,
      );
  }
}

/** A port number field, 1 to 65535. */
export function portNumber(reader: FieldReader, path: FieldPath): number {
  const value = reader.get(path);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535)
    throw new RejectedPolicy(path, `${String(path.at(-1))} must be a port number 1-65535`);
  return value;
}

/** A protocol field; `TCP` when absent. */
export function protocol(reader: FieldReader, path: FieldPath): Protocol {
  const value = reader.get(path) ?? 'TCP';
  if (!PROTOCOLS.includes(value as Protocol))
    throw new RejectedPolicy(path, `protocol must be one of ${PROTOCOLS.join(', ')}`);
  return value as Protocol;
}
