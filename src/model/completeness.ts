import type { ClusterModel, OpaqueResource } from './types.js';

/**
 * What a repository's tree can know about the cluster (docs/partial-trees.md). Repositories rarely hold a whole
 * cluster: workloads live in other repositories or are made by operators, namespaces are declared elsewhere. A claim
 * that a selector "matches nothing" is only true where the tree shows everything it could match, so knowledge is
 * judged per namespace, never for the tree as a whole.
 */

/** Namespaces every cluster has; a repository rarely declares them. */
export const SYSTEM_NAMESPACES: readonly string[] = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

/**
 * Whether the model shows every pod of a namespace: the config says the tree is complete, or the tree holds
 * workloads there and no custom resource in it may create pods the model cannot see.
 */
export function workloadsKnown(model: ClusterModel, namespace: string): boolean {
  if (model.knowledge?.complete) return true;
  return workloadNamespaces(model).has(namespace) && !model.knowledge?.opaqueResources.has(namespace);
}

/**
 * Whether the model knows every namespace and its labels: the config says the tree is complete, or every namespace
 * its objects live in is declared (by a Namespace manifest or under `namespaces:` in the config). A tree that puts
 * policies in namespaces it does not declare has its namespaces declared elsewhere, with labels it cannot see.
 */
export function namespacesKnown(model: ClusterModel): boolean {
  if (model.knowledge) return model.knowledge.complete || model.knowledge.namespacesDeclared;
  return namespacesDeclared(model, new Set());
}

/** Whether the config says the tree holds the whole cluster. */
export function treeIsComplete(model: ClusterModel): boolean {
  return model.knowledge?.complete ?? false;
}

/** The custom resources of a namespace that may create pods the model cannot see. */
export function opaqueResourcesOf(model: ClusterModel, namespace: string): readonly OpaqueResource[] {
  return model.knowledge?.opaqueResources.get(namespace) ?? [];
}

/**
 * Whether every namespace but the system ones is declared by a manifest or configured, and at least one is: only
 * then does the tree (with the config) manage its namespaces.
 */
export function namespacesDeclared(model: ClusterModel, configured: ReadonlySet<string>): boolean {
  let declared = 0;
  for (const namespace of model.namespaces.values()) {
    const known = !namespace.inferred || configured.has(namespace.name);
    if (known) declared++;
    else if (!SYSTEM_NAMESPACES.includes(namespace.name)) return false;
  }
  return declared > 0;
}

/** Namespaces holding at least one workload, once per model (rules ask for every peer). */
function workloadNamespaces(model: ClusterModel): ReadonlySet<string> {
  let namespaces = workloadNamespacesByModel.get(model);
  if (!namespaces) {
    namespaces = new Set(model.workloads.map((workload) => workload.namespace));
    workloadNamespacesByModel.set(model, namespaces);
  }
  return namespaces;
}

const workloadNamespacesByModel = new WeakMap<ClusterModel, ReadonlySet<string>>();
