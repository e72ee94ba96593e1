import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../../src/manifests/load.js';
import { buildModel } from '../../src/model/build.js';
import { unrenderedTreeHint } from '../../src/model/unrendered.js';

const hintFor = (yaml: string, files: string[] = ['m.yaml']) => {
  const { objects } = parseManifestText(yaml, 'm.yaml');
  return unrenderedTreeHint(files, objects, buildModel(objects).model);
};

describe('unrendered-tree hint (issue 17 item 9)', () => {
  it('names a Flux HelmRelease and the helm command for it', () => {
    expect(
      hintFor(`
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: { name: podinfo, namespace: apps }
`),
    ).toMatchObject({
      severity: 'info',
      code: 'unrendered-tree',
      file: 'm.yaml',
      line: 2,
      message: expect.stringContaining(
        "HelmRelease objects (such as HelmRelease podinfo) that the cluster renders, and holds no workloads: analyse its rendered output instead, e.g. `--render 'helm template podinfo <chart> --namespace apps'`",
      ) as unknown,
    });
  });

  it("names an Argo CD Application's source path and a Flux Kustomization's path", () => {
    expect(
      hintFor(`
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: shop, namespace: argocd }
spec: { source: { repoURL: https://example.com/shop.git, path: deploy/prod } }
`)?.message,
    ).toContain("`--render 'kustomize build deploy/prod'`");
    expect(
      hintFor(`
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: { name: apps, namespace: flux-system }
spec: { path: ./apps/production }
`)?.message,
    ).toContain("`--render 'kustomize build ./apps/production'`");
  });

  it('prefers an overlay, and says nothing when the tree holds workloads', () => {
    const files = [
      'base/kustomization.yaml',
      'overlays/prod/kustomization.yml',
      'overlays/dev/kustomization.yaml',
    ];
    expect(hintFor('', files)?.message).toContain("`--render 'kustomize build overlays/dev'`");
    const workload = `
apiVersion: v1
kind: Pod
metadata: { name: p, namespace: x }
`;
    expect(hintFor(workload, files)).toBeUndefined();
  });
});
