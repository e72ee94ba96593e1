import { NODE_ENTITIES, type ClusterModel, type NodeEntity, type Workload } from '../model/types.js';

/**
 * Cilium's node-side entities as peers of their own (issue 18): `host` (the local node), `remote-node`,
 * `kube-apiserver`, `health`, `init`, `ingress`, `unmanaged` are endpoints that are no pods and no addresses outside
 * the cluster (Documentation/security/policy/language.rst, "Entities Based"; pkg/policy/api/entity.go). Each is one
 * workload of kind `Entity` that no pod policy selects and only entity peers match (`policy/compile.ts`), so reach,
 * explain and the diff show a pod's path to the API server opened or closed, and recorded flows from the node
 * (`reserved:host` in Hubble) are replayed against the rules that name it.
 */

/** The kind entity peers carry: never the kind of a real workload. */
export const ENTITY_KIND = 'Entity';
/** Their namespace: not a valid namespace name, so no policy or selector ever meets it. */
export const ENTITY_NAMESPACE = '*entity';

const DESCRIPTIONS: Readonly<Record<NodeEntity, string>> = {
  host: 'the local node',
  'remote-node': 'the other nodes',
  'kube-apiserver': 'the Kubernetes API server',
  health: "Cilium's health endpoints",
  init: 'endpoints whose identity is not resolved yet',
  ingress: "Cilium's ingress proxy",
  unmanaged: 'endpoints Cilium does not manage',
};

/**
 * The endpoint of some reserved identities (`host+kube-apiserver`: the API server on the local node), as reports
 * name it: `entity:kube-apiserver (the Kubernetes API server)`. `outside` with an address: an API server outside the
 * cluster, which address rules match by it.
 */
export function entityWorkload(entities: readonly NodeEntity[], outside?: { ip: string }): Workload {
  const sorted = NODE_ENTITIES.filter((entity) => entities.includes(entity));
  const name = sorted.join('+');
  const described = sorted.map((entity) => DESCRIPTIONS[entity]).join(', ');
  return {
    id: `${ENTITY_NAMESPACE}/${ENTITY_KIND}/${name}${outside ? `@${outside.ip}` : ''}`,
    namespace: ENTITY_NAMESPACE,
    kind: ENTITY_KIND,
    name,
    labels: {},
    ports: [],
    ips: outside ? [outside.ip] : [],
    loc: { file: '', line: 0, column: 0 },
    representative: `entity:${name} (${described}${outside ? ` at ${outside.ip}` : ''})`,
    entities: sorted,
    ...(outside ? { outside: true as const } : {}),
  };
}

/**
 * The entity peers one model's policies name, each once. Only entities a rule names by name: `cluster` and `all` hold
 * them all, and a path from every pod to each would be noise where no rule is about them.
 */
export function entitiesOf(model: ClusterModel): Workload[] {
  const named = new Set<NodeEntity>();
  for (const policy of model.tieredPolicies ?? [])
    for (const rule of [...policy.ingress, ...policy.egress])
      for (const peer of rule.peers ?? []) if (peer.entities?.length === 1) named.add(peer.entities[0]!);
  return NODE_ENTITIES.filter((entity) => named.has(entity)).map((entity) => entityWorkload([entity]));
}

/**
 * Whether an endpoint is the local host, which Cilium lets reach the pods of its node whatever their allows
 * (`allow-localhost`, Documentation/security/policy/language.rst, "Access to/from local host").
 */
export function isLocalHost(workload: Workload): boolean {
  return workload.entities?.includes('host') === true;
}

/**
 * Whether an endpoint is a node or the API server (`host`, `remote-node`, `kube-apiserver`): the kubelets and the
 * control plane, a path to which widens what a compromised pod can reach (the diff's `node-entity` risk); not the
 * other entities, which are Cilium's own endpoints or identities not resolved yet.
 */
export function isNodeOrApiServer(workload: Workload): boolean {
  return workload.entities?.some((entity) => NODE_OR_API_SERVER.has(entity)) === true;
}

const NODE_OR_API_SERVER: ReadonlySet<NodeEntity> = new Set(['host', 'remote-node', 'kube-apiserver']);

/** `entity:host`, `entity:host+kube-apiserver`: the entities an endpoint written so names; undefined otherwise. */
export function parseEntities(text: string): NodeEntity[] | undefined {
  if (!text.startsWith('entity:')) return undefined;
  const names = text.slice('entity:'.length).split('+');
  return names.every((name) => (NODE_ENTITIES as readonly string[]).includes(name))
    ? (names as NodeEntity[])
    : undefined;
}
