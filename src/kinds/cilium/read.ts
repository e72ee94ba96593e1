import type { FieldPath } from '../../manifests/types.js';
import type { FieldReader } from '../../model/fields.js';
import { readSelector, RejectedPolicy, requireList, requireMap, unlessRejected } from '../../model/policy.js';
import {
  NODE_ENTITIES,
  PROTOCOLS,
  type FqdnSelector,
  type NodeEntity,
  type L7Rules,
  type LabelSelector,
  type PolicyPeer,
  type ServiceReference,
  type Protocol,
  type RuleAction,
  type TieredPolicy,
  type TieredPort,
  type TieredRule,
} from '../../model/types.js';
import { cidrToRange } from '../../policy/ip.js';
import { onlyFields } from '../network-policy-api/read.js';
import { readEndpointSelector, type SelectorScope } from './selector.js';

/**
 * What CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy (`cilium.io/v2`) share: a `spec` and/or a `specs` list
 * of rules, each with its own subject, read into one tiered policy per rule in the namespaced tier, where Cilium
 * composes them with NetworkPolicies (`policy/tiers.ts`). Sources: pkg/policy/api (rule.go, ingress.go, egress.go,
 * l4.go, cidr.go, entity.go, rule_validation.go), pkg/k8s/apis/cilium.io/utils/utils.go, pkg/policy/repository.go
 * and Documentation/security/policy/{intro,language,layer3,layer4,deny,kubernetes}.rst in cilium/cilium.
 *
 * What the engine does not evaluate (toGroups, nodes by their labels, authentication, ICMP, TLS and listeners; L7
 * rules are evaluated in the verdict, `policy/l7.ts`) is named in a `not-evaluated` warning at its field, with what
 * it means for the verdict; toFQDNs, which depends on DNS answers, in a `depends-on-dns` one.
 */

const RULE_FIELDS = [
  'endpointSelector',
  'nodeSelector',
  'ingress',
  'ingressDeny',
  'egress',
  'egressDeny',
  'labels',
  'description',
  'enableDefaultDeny',
  'log',
];
const INGRESS_FIELDS = [
  'fromEndpoints',
  'fromRequires',
  'fromCIDR',
  'fromCIDRSet',
  'fromEntities',
  'fromGroups',
  'fromNodes',
  'toPorts',
  'icmps',
  'authentication',
];
const EGRESS_FIELDS = [
  'toEndpoints',
  'toRequires',
  'toCIDR',
  'toCIDRSet',
  'toEntities',
  'toServices',
  'toFQDNs',
  'toGroups',
  'toNodes',
  'toPorts',
  'icmps',
  'authentication',
];
/** Peer fields the engine does not evaluate: what each would need that a tree does not hold. */
const UNEVALUATED_PEERS: Readonly<Record<string, string>> = {
  fromRequires: 'fromRequires (deprecated) restricts the other rules of the policy',
  toRequires: 'toRequires (deprecated) restricts the other rules of the policy',
  fromGroups: 'fromGroups names cloud-provider groups, whose addresses the tree does not hold',
  toGroups: 'toGroups names cloud-provider groups, whose addresses the tree does not hold',
  fromNodes: 'fromNodes selects nodes, which the model does not hold',
  toNodes: 'toNodes selects nodes, which the model does not hold',
};
const ENTITIES: readonly string[] = [
  'all',
  'world',
  'world-ipv4',
  'world-ipv6',
  'cluster',
  'none',
  ...NODE_ENTITIES,
];
const EVERY_POD: PolicyPeer['namespaceSelector'] = {};
const WORLD_IPV4 = '0.0.0.0/0';
const WORLD_IPV6 = '::/0';

/** The policy's rules (`spec`, then `specs` in order), each as a tiered policy; undefined when the API rejects it. */
export function readCiliumPolicy(
  reader: FieldReader,
  namespace: string | undefined,
): TieredPolicy[] | undefined {
  const { object } = reader;
  return unlessRejected(reader, () => {
    const paths: FieldPath[] = [];
    if (reader.get(['spec']) !== undefined && reader.get(['spec']) !== null) paths.push(['spec']);
    (requireList(reader, ['specs']) ?? []).forEach((_, i) => paths.push(['specs', i]));
    if (paths.length === 0) throw new RejectedPolicy([], 'spec or specs is required');
    const ref = {
      kind: object.kind,
      ...(namespace !== undefined ? { namespace } : {}),
      name: object.name,
      location: object.loc,
    };
    // The annotations (`netpol-guard.io/ignore`) are the object's, so every rule of `specs` carries them.
    const annotations = reader.stringMap(['metadata', 'annotations']);
    return paths.flatMap((path) => {
      const rule = readRule(reader, path, namespace);
      return rule
        ? [{ ...rule, ref, annotations, specPath: path, locate: (at: FieldPath) => object.locate(at) }]
        : [];
    });
  });
}

function readRule(
  reader: FieldReader,
  path: FieldPath,
  namespace: string | undefined,
): Omit<TieredPolicy, 'ref' | 'locate'> | undefined {
  requireMap(reader, path);
  onlyFields(reader, path, RULE_FIELDS);
  const hasEndpoints = present(reader, [...path, 'endpointSelector']);
  const hasNodes = present(reader, [...path, 'nodeSelector']);
  if (hasEndpoints === hasNodes)
    throw new RejectedPolicy(path, 'exactly one of endpointSelector and nodeSelector must be set');
  if (hasNodes && namespace !== undefined)
    throw new RejectedPolicy(
      [...path, 'nodeSelector'],
      'nodeSelector can only be used in a CiliumClusterwideNetworkPolicy',
    );
  const scope: SelectorScope = namespace === undefined ? 'cluster' : { namespace };
  const ingress = [
    ...readRules(reader, path, 'ingress', 'allow', scope),
    ...readRules(reader, path, 'ingressDeny', 'deny', scope),
  ];
  const egress = [
    ...readRules(reader, path, 'egress', 'allow', scope),
    ...readRules(reader, path, 'egressDeny', 'deny', scope),
  ];
  const defaultDeny = readDefaultDeny(reader, [...path, 'enableDefaultDeny']);
  if (hasNodes) {
    reader.report(
      [...path, 'nodeSelector'],
      'a host policy (nodeSelector) applies to nodes, which the model does not hold: it is not evaluated and ' +
        'changes no verdict between pods here',
      'warning',
      'not-evaluated',
    );
    return undefined;
  }
  const subject = readEndpointSelector(
    reader,
    [...path, 'endpointSelector'],
    namespace === undefined ? 'cluster' : { namespace, subject: true },
  );
  if (!subject) return undefined;
  const description = reader.get([...path, 'description']);
  return {
    ...(typeof description === 'string' && description !== '' ? { description } : {}),
    ...(subject.namespaceMatches.length > 0 ? { subjectNamespaceMatches: subject.namespaceMatches } : {}),
    tier: 'namespaced',
    priority: 0,
    subject: {
      ...(namespace !== undefined ? { namespace } : {}),
      namespaceSelector: subject.namespaceSelector,
      podSelector: subject.podSelector,
    },
    ingress,
    egress,
    defaultDeny,
  };
}

function readDefaultDeny(reader: FieldReader, path: FieldPath): TieredPolicy['defaultDeny'] {
  if (!present(reader, path)) return { ingress: true, egress: true };
  requireMap(reader, path);
  onlyFields(reader, path, ['ingress', 'egress']);
  const direction = (field: 'ingress' | 'egress') => {
    const value = reader.get([...path, field]);
    if (value !== undefined && value !== null && typeof value !== 'boolean')
      throw new RejectedPolicy([...path, field], mustBe([...path, field], 'boolean', value));
    return value !== false;
  };
  return { ingress: direction('ingress'), egress: direction('egress') };
}

function readRules(
  reader: FieldReader,
  path: FieldPath,
  field: 'ingress' | 'ingressDeny' | 'egress' | 'egressDeny',
  action: RuleAction,
  scope: SelectorScope,
): TieredRule[] {
  const ingress = field.startsWith('ingress');
  return (requireList(reader, [...path, field]) ?? []).map((_, index): TieredRule => {
    const at = [...path, field, index];
    requireMap(reader, at);
    onlyFields(reader, at, ingress ? INGRESS_FIELDS : EGRESS_FIELDS);
    const peers: PolicyPeer[] = [];
    let namesPeer = false;
    const list = (name: string) => {
      const items = requireList(reader, [...at, name]);
      if (items && items.length > 0) namesPeer = true;
      return items ?? [];
    };
    list(ingress ? 'fromEndpoints' : 'toEndpoints').forEach((__, i) => {
      const selection = readEndpointSelector(
        reader,
        [...at, ingress ? 'fromEndpoints' : 'toEndpoints', i],
        scope,
      );
      if (selection)
        peers.push({
          namespaceSelector: selection.namespaceSelector,
          podSelector: selection.podSelector,
          ...(selection.scopedToNamespace ? { scopedToNamespace: true as const } : {}),
          path: [...at, ingress ? 'fromEndpoints' : 'toEndpoints', i],
        });
    });
    const cidrField = ingress ? 'fromCIDR' : 'toCIDR';
    list(cidrField).forEach((cidr, i) => {
      peers.push(addresses(reader, [...at, cidrField, i], cidr, []));
    });
    const cidrSetField = ingress ? 'fromCIDRSet' : 'toCIDRSet';
    list(cidrSetField).forEach((__, i) =>
      peers.push(...readCidrSet(reader, [...at, cidrSetField, i], action)),
    );
    const entitiesField = ingress ? 'fromEntities' : 'toEntities';
    list(entitiesField).forEach((entity, i) => peers.push(...readEntity([...at, entitiesField, i], entity)));
    for (const unevaluated of Object.keys(UNEVALUATED_PEERS)) {
      if (!(ingress ? INGRESS_FIELDS : EGRESS_FIELDS).includes(unevaluated)) continue;
      if (list(unevaluated).length === 0) continue;
      reader.report(
        [...at, unevaluated],
        `${UNEVALUATED_PEERS[unevaluated]}: not evaluated, ${peerEffect(action)}`,
        'warning',
        'not-evaluated',
      );
    }
    const services = ingress ? [] : readServices(reader, at, action, list('toServices'));
    const fqdns = ingress ? [] : readFqdns(reader, at, list('toFQDNs'));
    if (fqdns.length > 0)
      reader.report(
        [...at, 'toFQDNs'],
        "toFQDNs allows the addresses DNS answers gave the names it matches, where the pods' DNS goes through " +
          "Cilium's DNS proxy: evaluated against the DNS answers of the recorded flows (Hubble L7 DNS records); " +
          'without an answer for an address, whether it allows it is unknown (depends on DNS), and this rule ' +
          'allows nothing there in the analysis (the cluster may allow more); reach and the diff show each name ' +
          'as a peer of its own (dns:NAME)',
        'warning',
        'depends-on-dns',
      );
    const written = reader.get(at);
    const empty =
      typeof written === 'object' &&
      written !== null &&
      Object.values(written).every((value) => value === undefined || value === null);
    const ports = readToPorts(reader, at, action);
    const icmps = requireList(reader, [...at, 'icmps']);
    if (icmps && icmps.length > 0)
      reader.report(
        [...at, 'icmps'],
        'ICMP is not evaluated: the analysis covers TCP, UDP and SCTP, which an icmps item does not match',
        'warning',
        'not-evaluated',
      );
    if (present(reader, [...at, 'authentication']))
      reader.report(
        [...at, 'authentication'],
        'mutual authentication is not evaluated: this rule is taken to allow without it, the cluster allows ' +
          'only authenticated connections',
        'warning',
        'not-evaluated',
      );
    const l4 = ports !== undefined || (icmps !== undefined && icmps.length > 0);
    return {
      action,
      index,
      // No L3 field: with toPorts (or icmps) the rule matches every peer; with nothing at all, none (`- {}`).
      ...(namesPeer || !l4 ? { peers } : {}),
      ...(ports !== undefined ? { ports } : l4 ? { ports: [] } : {}),
      ...(services.length > 0 ? { services } : {}),
      ...(fqdns.length > 0 ? { fqdns } : {}),
      ...(empty ? { empty: true as const } : {}),
      path: at,
    };
  });
}

/** `toFQDNs`: the names as written; the engine matches them against DNS answers (`policy/fqdn.ts`). */
function readFqdns(reader: FieldReader, path: FieldPath, items: readonly unknown[]): FqdnSelector[] {
  return items.map((_, i) => {
    const at = [...path, 'toFQDNs', i];
    const name = reader.get([...at, 'matchName']);
    const pattern = reader.get([...at, 'matchPattern']);
    return {
      ...(typeof name === 'string' ? { matchName: name } : {}),
      ...(typeof pattern === 'string' ? { matchPattern: pattern } : {}),
      path: at,
    };
  });
}

const L7_PARSERS = ['http', 'kafka', 'dns'] as const;

/**
 * A `toPorts` item's `rules` (pkg/policy/api/l4.go, L7Rules): one parser's list, or a proxylib `l7proto` with its
 * `l7` list; none when every list is empty, which applies no port level rule.
 */
function readL7(reader: FieldReader, path: FieldPath): L7Rules | undefined {
  const rules = reader.get(path);
  if (typeof rules !== 'object' || rules === null) return undefined;
  const asRules = (items: unknown): L7Rules['rules'] =>
    Array.isArray(items)
      ? items.map((item) =>
          typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {},
        )
      : [];
  for (const parser of L7_PARSERS) {
    const items = asRules(reader.get([...path, parser]));
    if (items.length > 0) return { protocol: parser, rules: items, path: [...path, parser] };
  }
  const proto = reader.get([...path, 'l7proto']);
  if (typeof proto === 'string' && proto !== '')
    return { protocol: 'l7proto', rules: asRules(reader.get([...path, 'l7'])), path: [...path, 'l7proto'] };
  return undefined;
}

/**
 * What of L7 rules the flow replay cannot check, named at the field: recorded flows (Hubble L7 records) carry HTTP
 * method, path and host and DNS names, not HTTP headers, Kafka or proxylib requests (`policy/l7.ts`, judgeL7).
 */
function reportUnreplayed(reader: FieldReader, l7: L7Rules): void {
  if (l7.protocol === 'kafka' || l7.protocol === 'l7proto') {
    reader.report(
      l7.path,
      `${l7.protocol === 'kafka' ? 'Kafka' : 'proxylib'} rules are not replayed: reach and explain show the port ` +
        'as allowed, L7-filtered by them, but recorded flows hold no such requests to check against them',
      'warning',
      'not-evaluated',
    );
    return;
  }
  l7.rules.forEach((rule, i) => {
    for (const field of ['headers', 'headerMatches']) {
      const value = rule[field];
      if (Array.isArray(value) && value.length > 0)
        reader.report(
          [...l7.path, i, field],
          'HTTP headers are not in recorded flows: the replay takes each request to carry them, so this rule is ' +
            'only partly checked (method, path and host)',
          'warning',
          'not-evaluated',
        );
    }
  });
}

/** A CIDR rule's addresses: never a pod's, a node's only under `policyCIDRMatchMode: [nodes]` (`policy/compile.ts`). */
function addresses(reader: FieldReader, path: FieldPath, cidr: unknown, except: string[]): PolicyPeer {
  if (typeof cidr === 'string' && cidr.includes('${'))
    throw new RejectedPolicy(
      path,
      `${JSON.stringify(cidr)} holds a substitution variable (Flux postBuild, envsubst) that is not a CIDR ` +
        'until it is substituted: check the tree rendered with its variables',
    );
  if (typeof cidr !== 'string' || !cidr.includes('/') || cidrToRange(cidr) === undefined)
    throw new RejectedPolicy(path, `invalid CIDR: ${JSON.stringify(cidr)}`);
  return { ipBlock: { cidr, except }, addressesOnly: true, path };
}

/**
 * `toServices`: each item names Services by name (`k8sService`) or by their labels (`k8sServiceSelector`), in a
 * namespace or, when it names none, in any (pkg/policy/k8s/service.go: serviceRefMatches, serviceSelectorMatches).
 * The model resolves them against the tree's Services (`services.ts`). Cilium resolves them in `egress` rules only.
 */
function readServices(
  reader: FieldReader,
  path: FieldPath,
  action: RuleAction,
  items: readonly unknown[],
): ServiceReference[] {
  return items.flatMap((_, i): ServiceReference[] => {
    const at = [...path, 'toServices', i];
    requireMap(reader, at);
    onlyFields(reader, at, ['k8sService', 'k8sServiceSelector']);
    if (action === 'deny') {
      reader.report(
        at,
        'Cilium resolves toServices in egress rules only (pkg/policy/k8s/service.go): in egressDeny it denies ' +
          'nothing',
        'warning',
        'not-evaluated',
      );
      return [];
    }
    const field = present(reader, [...at, 'k8sServiceSelector']) ? 'k8sServiceSelector' : 'k8sService';
    const ref = [...at, field];
    if (!present(reader, ref)) return [];
    requireMap(reader, ref);
    onlyFields(
      reader,
      ref,
      field === 'k8sService' ? ['serviceName', 'namespace'] : ['selector', 'namespace'],
    );
    const namespace = optionalString(reader, [...ref, 'namespace']);
    const scope = namespace ? { namespace } : {};
    if (field === 'k8sService')
      return [{ name: optionalString(reader, [...ref, 'serviceName']) ?? '', ...scope, path: ref }];
    if (!present(reader, [...ref, 'selector']))
      throw new RejectedPolicy([...ref, 'selector'], 'Required value: selector');
    onlyFields(reader, [...ref, 'selector'], ['matchLabels', 'matchExpressions']);
    return [
      { selector: withoutSources(readSelector(reader, [...ref, 'selector']) ?? {}), ...scope, path: ref },
    ];
  });
}

/** A selector over a Service's labels, with Cilium's `k8s:` and `any:` source prefixes taken off its keys. */
function withoutSources(selector: LabelSelector): LabelSelector {
  const bare = (key: string) => key.replace(/^(k8s|any):/, '');
  return {
    ...(selector.matchLabels
      ? {
          matchLabels: Object.fromEntries(
            Object.entries(selector.matchLabels).map(([key, value]) => [bare(key), value]),
          ),
        }
      : {}),
    ...(selector.matchExpressions
      ? { matchExpressions: selector.matchExpressions.map((e) => ({ ...e, key: bare(e.key) })) }
      : {}),
  };
}

function optionalString(reader: FieldReader, path: FieldPath): string | undefined {
  const value = reader.get(path);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new RejectedPolicy(path, mustBe(path, 'string', value));
  return value;
}

function readCidrSet(reader: FieldReader, path: FieldPath, action: RuleAction): PolicyPeer[] {
  requireMap(reader, path);
  onlyFields(reader, path, ['cidr', 'except', 'cidrGroupRef', 'cidrGroupSelector']);
  const written = ['cidr', 'cidrGroupRef', 'cidrGroupSelector'].filter((f) => present(reader, [...path, f]));
  if (written.length !== 1)
    throw new RejectedPolicy(path, 'exactly one of cidr, cidrGroupRef and cidrGroupSelector must be set');
  if (written[0] !== 'cidr') {
    reader.report(
      [...path, written[0]!],
      `${written[0]} names a CiliumCIDRGroup: not evaluated, ${peerEffect(action)}`,
      'warning',
      'not-evaluated',
    );
    return [];
  }
  const except = (requireList(reader, [...path, 'except']) ?? []).map((value, i) => {
    if (typeof value !== 'string' || cidrToRange(value) === undefined)
      throw new RejectedPolicy([...path, 'except', i], `invalid CIDR: ${JSON.stringify(value)}`);
    return value;
  });
  return [addresses(reader, [...path, 'cidr'], reader.get([...path, 'cidr']), except)];
}

/**
 * An entity as peers (Documentation/security/policy/language.rst, "Entities Based"; pkg/policy/api/entity.go):
 * `world` the addresses outside the cluster, the node-side entities each their own peer (`policy/entities.ts`),
 * `cluster` every pod and every node-side entity (InitEntities), `all` both and the world.
 */
function readEntity(path: FieldPath, entity: unknown): PolicyPeer[] {
  if (typeof entity !== 'string' || !ENTITIES.includes(entity))
    throw new RejectedPolicy(
      path,
      `Unsupported value: ${JSON.stringify(entity)}: supported values: ${ENTITIES.map((e) => `"${e}"`).join(', ')}`,
    );
  const world = (cidr: string): PolicyPeer => ({
    ipBlock: { cidr, except: [] },
    addressesOnly: true,
    world: true,
    path,
  });
  const pods: PolicyPeer = { namespaceSelector: EVERY_POD, podSelector: {}, path };
  const nodeSide: PolicyPeer = { entities: NODE_ENTITIES, path };
  switch (entity) {
    case 'world':
      return [world(WORLD_IPV4), world(WORLD_IPV6)];
    case 'world-ipv4':
      return [world(WORLD_IPV4)];
    case 'world-ipv6':
      return [world(WORLD_IPV6)];
    case 'cluster':
      return [pods, nodeSide];
    case 'all':
      return [pods, nodeSide, world(WORLD_IPV4), world(WORLD_IPV6)];
    case 'none':
      return [];
  }
  return [{ entities: [entity as NodeEntity], path }];
}

/** What a peer the engine leaves out means for a verdict. */
function peerEffect(action: RuleAction): string {
  return action === 'allow'
    ? 'so this rule allows nothing there in the analysis (the cluster may allow more)'
    : 'so this deny matches nothing there in the analysis (the cluster may deny more)';
}

/** `toPorts`: undefined when absent (every port); the L7 `rules` of an allow filter its ports (`policy/l7.ts`). */
function readToPorts(reader: FieldReader, path: FieldPath, action: RuleAction): TieredPort[] | undefined {
  const list = requireList(reader, [...path, 'toPorts']);
  if (list === undefined || list.length === 0) return undefined;
  return list.flatMap((_, i) => {
    const at = [...path, 'toPorts', i];
    requireMap(reader, at);
    onlyFields(
      reader,
      at,
      action === 'deny'
        ? ['ports']
        : ['ports', 'rules', 'listener', 'originatingTLS', 'terminatingTLS', 'serverNames'],
    );
    for (const l7 of ['listener', 'originatingTLS', 'terminatingTLS', 'serverNames']) {
      if (present(reader, [...at, l7]))
        reader.report(
          [...at, l7],
          `${l7} not evaluated: the connection is taken as allowed at L3/L4, and what the proxy refuses is not ` +
            'checked',
          'warning',
          'not-evaluated',
        );
    }
    const l7 = action === 'allow' ? readL7(reader, [...at, 'rules']) : undefined;
    if (l7) reportUnreplayed(reader, l7);
    const withL7 = (port: TieredPort): TieredPort => (l7 ? { ...port, l7 } : port);
    const ports = requireList(reader, [...at, 'ports']);
    if (ports === undefined || ports.length === 0) return [{ path: at }, ...otherProtocols(at)].map(withL7);
    return ports.flatMap((__, j) => readPort(reader, [...at, 'ports', j]).map(withL7));
  });
}

/** An undefined port with no protocol is every TCP port: the other protocols are listed beside it for `ANY`. */
function otherProtocols(path: FieldPath): TieredPort[] {
  return PROTOCOLS.filter((p) => p !== 'TCP').map((protocol) => ({ protocol, path }));
}

const CILIUM_PROTOCOLS = ['TCP', 'UDP', 'SCTP', 'ICMP', 'ICMPV6', 'VRRP', 'IGMP', 'ANY'];

function readPort(reader: FieldReader, path: FieldPath): TieredPort[] {
  requireMap(reader, path);
  onlyFields(reader, path, ['port', 'endPort', 'protocol']);
  const written = reader.get([...path, 'protocol']) ?? 'ANY';
  if (typeof written !== 'string' || !CILIUM_PROTOCOLS.includes(written.toUpperCase()))
    throw new RejectedPolicy(
      [...path, 'protocol'],
      `Unsupported value: ${JSON.stringify(written)}: supported values: ${CILIUM_PROTOCOLS.join(', ')}`,
    );
  const protocol = written.toUpperCase();
  const port = reader.get([...path, 'port']) ?? '0';
  if (typeof port !== 'string')
    throw new RejectedPolicy([...path, 'port'], mustBe([...path, 'port'], 'string', port));
  const endPort = reader.get([...path, 'endPort']);
  if (
    endPort !== undefined &&
    endPort !== null &&
    (typeof endPort !== 'number' || !Number.isInteger(endPort))
  )
    throw new RejectedPolicy([...path, 'endPort'], mustBe([...path, 'endPort'], 'integer', endPort));
  // ICMP, VRRP, IGMP: protocols the analysis does not cover; such an item matches none of TCP, UDP, SCTP.
  if (!['TCP', 'UDP', 'SCTP', 'ANY'].includes(protocol)) return [];
  const protocols: (Protocol | undefined)[] = protocol === 'ANY' ? [...PROTOCOLS] : [protocol as Protocol];
  if (/^[0-9]+$/.test(port)) {
    const number = Number(port);
    if (number > 65535) throw new RejectedPolicy([...path, 'port'], `port ${port} is out of range 0-65535`);
    const end = typeof endPort === 'number' && endPort > number ? endPort : undefined;
    if (end !== undefined && end > 65535)
      throw new RejectedPolicy([...path, 'endPort'], `endPort ${end} is out of range 0-65535`);
    // Port 0 is every port of the protocol.
    return protocols.map((p) => ({
      protocol: p,
      ...(number === 0 ? {} : { port: number }),
      ...(number !== 0 && end !== undefined ? { endPort: end } : {}),
      path,
    }));
  }
  if (!/^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/.test(port) || port.length > 15)
    throw new RejectedPolicy(
      [...path, 'port'],
      `invalid port ${JSON.stringify(port)}: a number or a port name`,
    );
  // A named port binds to the destination's container port of that name (with its protocol for ANY).
  return protocol === 'ANY' ? [{ port, path }] : [{ protocol: protocol as Protocol, port, path }];
}

function present(reader: FieldReader, path: FieldPath): boolean {
  const value = reader.get(path);
  return value !== undefined && value !== null;
}

/** The API server's words for a field of the wrong type in a CRD. */
function mustBe(path: FieldPath, type: string, value: unknown): string {
  const written = path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');
  const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  return `Invalid value: "${actual}": ${written.replace(/^\./, '')} in body must be of type ${type}: "${actual}"`;
}
