import path from 'node:path';
import { policyKindOf } from '../kinds/registry.js';
import type { LoadedObject, LoadResult } from './types.js';

/**
 * What the analysis takes from a `kustomization.yaml` of an unrendered tree: the namespace it sets and the local
 * resources it builds from (`resources:`, the deprecated `bases:`, and `components:`, whose resources the
 * including kustomization's transformers see as its own).
 */
export interface KustomizationFile {
  /** The file's name in locations (relative to the root, forward slashes). */
  file: string;
  namespace: string | undefined;
  entries: string[];
  /**
   * Set for a Flux `Kustomization` object: its one entry (`spec.path`) is relative to the root, and a folder there
   * without a kustomization is built from every manifest under it, as kustomize-controller generates one.
   */
  flux?: true;
}

/** kustomize looks for these names in a folder, in this order (the first found is the folder's kustomization). */
const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Whether a file is named as kustomize names a kustomization. */
export function isKustomizationFile(file: string): boolean {
  return KUSTOMIZATION_NAMES.includes(path.posix.basename(file));
}

/** The kustomization a document of a kustomization file states, or undefined when it is not one. */
export function readKustomization(file: string, value: unknown): KustomizationFile | undefined {
  if (!isRecord(value)) return undefined;
  const { kind, apiVersion } = value;
  // kustomize accepts a kustomization without kind and apiVersion.
  if (kind !== undefined && kind !== 'Kustomization' && kind !== 'Component') return undefined;
  if (apiVersion !== undefined && !String(apiVersion).startsWith('kustomize.config.k8s.io/'))
    return undefined;
  const namespace =
    typeof value['namespace'] === 'string' && value['namespace'] !== '' ? value['namespace'] : undefined;
  const entries = ['resources', 'bases', 'components'].flatMap((field) => {
    const list = value[field];
    return Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string') : [];
  });
  return { file, namespace, entries };
}

/**
 * What a Flux `Kustomization` (kustomize.toolkit.fluxcd.io) places: with `spec.targetNamespace`, everything it builds
 * from `spec.path` goes to that namespace, over any namespace the kustomizations there set
 * (https://fluxcd.io/flux/components/kustomize/kustomizations/#target-namespace). The path is read in this tree:
 * the source is taken to be this repository (a path the tree does not hold places nothing).
 */
export function readFluxKustomization(object: LoadedObject): KustomizationFile | undefined {
  const at = fluxPath(object);
  const spec = object.value['spec'];
  const targetNamespace = isRecord(spec) ? spec['targetNamespace'] : undefined;
  if (at === undefined || typeof targetNamespace !== 'string' || targetNamespace === '') return undefined;
  return { file: object.loc.file, namespace: targetNamespace, entries: [at], flux: true };
}

/** A Flux `Kustomization`'s `spec.path`; undefined for any other object. */
function fluxPath(object: LoadedObject): string | undefined {
  if (object.kind !== 'Kustomization' || !object.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/'))
    return undefined;
  const spec = object.value['spec'];
  const at = isRecord(spec) ? spec['path'] : undefined;
  return typeof at === 'string' && at !== '' ? at : undefined;
}

/** An entry with a URL scheme (`https://…`): a remote source, never in the tree. */
const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Where a Flux path (relative to its source's root) is in the tree: from the root file names are relative to, or
 * from one of the paths the analysis was given (a repository read from outside it, `lint ../home-ops`). The first
 * that holds the folder, as a kustomization, a file or files under it; undefined when none does.
 */
function fluxFolderIn(
  files: readonly string[],
  sourceRoots: readonly string[],
): (entry: string) => string | undefined {
  const held = new Set(files);
  for (const file of files)
    for (let dir = path.posix.dirname(file); !held.has(dir); dir = path.posix.dirname(dir)) held.add(dir);
  return (entry) => {
    if (REMOTE.test(entry)) return undefined;
    for (const root of ['.', ...sourceRoots]) {
      const target = path.posix.normalize(path.posix.join(root, entry)).replace(/\/$/, '');
      if (held.has(target)) return target;
    }
    return undefined;
  };
}

/**
 * kustomize's namespace transformer, applied to an unrendered tree: `kustomize build` sets `metadata.namespace` of
 * every namespaced resource a kustomization with `namespace:` builds from, and renames its Namespace objects to that
 * namespace (https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/namespace/). A tree analysed
 * without rendering holds those resources as written, often namespace-less or with a placeholder Namespace (`name:
 * _`), so the analysis places them as the build would.
 *
 * Only local paths of the tree are followed (a remote base is not read), through nested kustomizations and
 * components. As in a build, the transformer of an overlay runs after its base's and overrides it: a resource
 * takes the namespace of the outermost kustomization that sets one (one that no other kustomization of the tree
 * builds from starts a build). A resource that builds of the tree place in several namespaces is analysed in each,
 * at its own file and line; one that no build places keeps its own namespace. Objects are never changed (the two
 * sides of a comparison share them): a placed object is a copy, the same copy for both sides.
 */
export function applyKustomizeNamespaces(
  loaded: Pick<LoadResult, 'objects' | 'unanalysed' | 'files'>,
  kustomizations: readonly KustomizationFile[],
  sourceRoots: readonly string[] = [],
): Pick<LoadResult, 'objects' | 'unanalysed'> {
  const fluxFolder = fluxFolderIn(loaded.files, sourceRoots);
  const placement = placeFiles(loaded.files, kustomizations, fluxFolder);
  const namespacesOf = (file: string) => [...(placement.get(file) ?? [undefined])].sort(byName);
  // A Flux Kustomization built from this tree makes only what the tree shows: it is read as such, not as a custom
  // resource that may make pods the analysis cannot see.
  const readHere = (object: LoadedObject): LoadedObject => {
    const at = object.customResource ? fluxPath(object) : undefined;
    if (at === undefined || fluxFolder(at) === undefined) return object;
    const { customResource: _, ...read } = object;
    return read;
  };
  return {
    objects: loaded.objects.flatMap((object) =>
      namespacesOf(object.loc.file).map((namespace) => readHere(placed(object, namespace))),
    ),
    unanalysed: loaded.unanalysed.flatMap((policy) =>
      policy.clusterScoped
        ? [policy]
        : namespacesOf(policy.file).map((namespace) => (namespace ? { ...policy, namespace } : policy)),
    ),
  };
}

/** The namespaces each file is built into (undefined: a build that sets none), for files some build places. */
function placeFiles(
  files: readonly string[],
  kustomizations: readonly KustomizationFile[],
  fluxFolder: (entry: string) => string | undefined,
): Map<string, Set<string | undefined>> {
  const fileSet = new Set(files);
  const byFolder = new Map<string, KustomizationFile>();
  for (const name of KUSTOMIZATION_NAMES) {
    for (const kustomization of kustomizations) {
      const { dir, base } = path.posix.parse(kustomization.file);
      if (base === name && !byFolder.has(dir)) byFolder.set(dir, kustomization);
    }
  }
  const children = new Map<KustomizationFile, { files: string[]; folders: KustomizationFile[] }>();
  const included = new Set<KustomizationFile>();
  const flux = kustomizations.filter((kustomization) => kustomization.flux);
  for (const kustomization of [...byFolder.values(), ...flux]) {
    // Flux reads spec.path from the source's root; a kustomization's entries are relative to its folder.
    const dir = path.posix.dirname(kustomization.file);
    const own = { files: [] as string[], folders: [] as KustomizationFile[] };
    const include = (folder: KustomizationFile) => {
      own.folders.push(folder);
      included.add(folder);
    };
    for (const entry of kustomization.entries) {
      if (REMOTE.test(entry) || entry.startsWith('/') || /^[^/]+@/.test(entry)) continue;
      const target = kustomization.flux
        ? fluxFolder(entry)
        : path.posix.normalize(path.posix.join(dir, entry)).replace(/\/$/, '');
      if (target === undefined) continue;
      const folder = byFolder.get(target);
      if (folder !== undefined) include(folder);
      else if (fileSet.has(target)) own.files.push(target);
      else if (kustomization.flux) {
        // kustomize-controller generates the folder's kustomization from every manifest under it.
        const under = `${target}/`;
        own.files.push(...files.filter((file) => file.startsWith(under) && !isKustomizationFile(file)));
        for (const [folderDir, folder] of byFolder) if (folderDir.startsWith(under)) included.add(folder);
      }
    }
    children.set(kustomization, own);
  }
  const placement = new Map<string, Set<string | undefined>>();
  const walk = (
    kustomization: KustomizationFile,
    outer: string | undefined,
    path: Set<KustomizationFile>,
  ) => {
    // A build of a cycle fails; the walk stops where the cycle closes.
    if (path.has(kustomization)) return;
    const namespace = outer ?? kustomization.namespace;
    const own = children.get(kustomization)!;
    for (const file of own.files) {
      const set = placement.get(file) ?? new Set();
      set.add(namespace);
      placement.set(file, set);
    }
    path.add(kustomization);
    for (const folder of own.folders) walk(folder, namespace, path);
    path.delete(kustomization);
  };
  for (const kustomization of [...byFolder.values(), ...flux]) {
    if (!included.has(kustomization)) walk(kustomization, undefined, new Set());
  }
  // A file no build gives a namespace is left as written.
  for (const [file, namespaces] of placement) {
    if (namespaces.size === 1 && namespaces.has(undefined)) placement.delete(file);
  }
  return placement;
}

const copies = new WeakMap<LoadedObject, Map<string, LoadedObject>>();

/** The object as a build setting `namespace` makes it: the same object when the namespace does not apply. */
function placed(object: LoadedObject, namespace: string | undefined): LoadedObject {
  if (namespace === undefined) return object;
  const isNamespace = object.kind === 'Namespace' && object.apiVersion === 'v1';
  // Cluster-scoped kinds keep no namespace (kustomize knows the built-in ones; a custom kind counts as namespaced).
  if (!isNamespace && policyKindOf(object.apiVersion, object.kind)?.namespaced === false) return object;
  if (isNamespace ? object.name === namespace : object.namespace === namespace) return object;
  let known = copies.get(object);
  if (known === undefined) copies.set(object, (known = new Map()));
  const copy = known.get(namespace);
  if (copy !== undefined) return copy;
  const metadata = isRecord(object.value['metadata']) ? object.value['metadata'] : {};
  const made: LoadedObject = isNamespace
    ? { ...object, name: namespace, value: { ...object.value, metadata: { ...metadata, name: namespace } } }
    : { ...object, namespace, value: { ...object.value, metadata: { ...metadata, namespace } } };
  known.set(namespace, made);
  return made;
}

function byName(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
