import type { Diagnostic, LoadedObject } from '../manifests/types.js';
import type { ClusterModel } from './types.js';
import { noun } from '../text/plural.js';

/**
 * A hint for a tree that describes its workloads without holding them (issue 17 item 9): kustomize bases and
 * overlays, Flux `Kustomization`s and `HelmRelease`s, Argo CD `Application`s. Without workloads nothing can be
 * connected or cut, so the tree is better analysed through its rendered output; the hint says how. Undefined when the
 * tree holds workloads, or nothing points at a renderer.
 */
export function unrenderedTreeHint(
  files: readonly string[],
  objects: readonly LoadedObject[],
  model: ClusterModel,
): Diagnostic | undefined {
  if (model.workloads.length > 0) return undefined;
  const kustomizations = files.filter((file) => KUSTOMIZATION_FILE.test(file)).sort(byOverlayFirst);
  const [kustomization] = kustomizations;
  if (kustomization) {
    const dir = kustomization.includes('/') ? kustomization.slice(0, kustomization.lastIndexOf('/')) : '.';
    return hint(
      `this looks like a kustomize tree (${kustomizations.length} ${noun(kustomizations.length, 'kustomization file')}` +
        `, such as ${kustomization}) and holds no workloads`,
      `kustomize build ${dir}`,
      kustomization,
    );
  }
  const deployer = objects.find((object) => object.customResource && DEPLOYERS.has(deployerKey(object)));
  if (!deployer) return undefined;
  const { kind, name } = deployer;
  const path = typeof spec(deployer)['path'] === 'string' ? (spec(deployer)['path'] as string) : undefined;
  const source = spec(deployer)['source'];
  const sourcePath =
    source && typeof source === 'object' && typeof (source as Record<string, unknown>)['path'] === 'string'
      ? ((source as Record<string, unknown>)['path'] as string)
      : undefined;
  const command =
    kind === 'HelmRelease'
      ? `helm template ${name} <chart> --namespace ${deployer.namespace ?? 'default'}`
      : `kustomize build ${path ?? sourcePath ?? '<path>'}`;
  return hint(
    `this tree deploys through ${kind} objects (such as ${kind} ${name}) that the cluster renders, and holds no ` +
      'workloads',
    command,
    deployer.loc.file,
    deployer.loc.line,
  );
}

const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

/** Flux and Argo CD objects that deploy manifests rendered in the cluster, by `group/kind`. */
const DEPLOYERS = new Set([
  'kustomize.toolkit.fluxcd.io/Kustomization',
  'helm.toolkit.fluxcd.io/HelmRelease',
  'argoproj.io/Application',
  'argoproj.io/ApplicationSet',
]);

function deployerKey(object: LoadedObject): string {
  const group = object.apiVersion.includes('/')
    ? object.apiVersion.slice(0, object.apiVersion.indexOf('/'))
    : '';
  return `${group}/${object.kind}`;
}

function spec(object: LoadedObject): Record<string, unknown> {
  const value = object.value['spec'];
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Overlays before bases (an overlay renders a deployable whole), then the shallowest, then by name. */
function byOverlayFirst(a: string, b: string): number {
  const overlay = (file: string) => (/(^|\/)overlays\//.test(file) ? 0 : 1);
  const depth = (file: string) => file.split('/').length;
  return overlay(a) - overlay(b) || depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function hint(what: string, command: string, file: string, line = 1): Diagnostic {
  return {
    severity: 'info',
    code: 'unrendered-tree',
    message:
      `${what}: analyse its rendered output instead, e.g. \`--render '${command}'\` ` +
      "(the Action's `render` input), so workloads and the paths between them can be checked",
    file,
    line,
  };
}
