import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { buildModel } from '../../src/model/build.js';

const TREE = 'fixtures/manifests/kustomize-namespace';

describe("kustomize's namespace transformer on an unrendered tree (fixtures/manifests/kustomize-namespace)", () => {
  it('places what each kustomization builds in its namespace, the outermost winning, at the written lines', async () => {
    const { objects, diagnostics } = await loadManifests([TREE]);
    expect(diagnostics).toEqual([]);
    const at = (file: string) => `${TREE}/${file}`;
    expect(objects.map((o) => [o.kind, o.namespace, o.name, `${o.loc.file}:${o.loc.line}`])).toEqual([
      ['Deployment', 'prod', 'the-deployment', `${at('base/deployment.yaml')}:1`],
      ['Deployment', 'staging', 'the-deployment', `${at('base/deployment.yaml')}:1`],
      ['NetworkPolicy', 'prod', 'web', `${at('base/policy.yaml')}:1`],
      ['NetworkPolicy', 'staging', 'web', `${at('base/policy.yaml')}:1`],
      ['Service', 'prod', 'alerts', `${at('components/alerts/alerts.yaml')}:1`],
      ['AdminNetworkPolicy', undefined, 'alerts', `${at('components/alerts/alerts.yaml')}:9`],
      ['NetworkPolicy', 'prod', 'db', `${at('db/policy.yaml')}:1`],
      ['Namespace', undefined, '_', `${at('loose/namespace.yaml')}:1`],
      ['Namespace', undefined, 'prod', `${at('overlays/prod/namespace.yaml')}:1`],
    ]);
    const prod = objects.find((o) => o.kind === 'Namespace' && o.name === 'prod');
    expect(prod?.value).toMatchObject({ metadata: { name: 'prod', labels: { team: 'shop' } } });
    // A field is still located in the file as written.
    const policy = objects.find((o) => o.name === 'web' && o.namespace === 'staging');
    expect(policy?.locate(['spec', 'policyTypes'])).toMatchObject({ file: at('base/policy.yaml'), line: 7 });
  });

  it('leaves one invalid-name error, for the placeholder no kustomization lists', async () => {
    const { objects } = await loadManifests([TREE]);
    const { model, diagnostics } = buildModel(objects);
    expect(diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.code, d.file])).toEqual([
      ['invalid-name', `${TREE}/loose/namespace.yaml`],
    ]);
    expect(model.namespaces.get('prod')).toMatchObject({ labels: { team: 'shop' }, inferred: false });
    expect(model.policies.map((p) => [p.namespace, p.name, p.namespaceDeclared]).sort()).toEqual([
      ['prod', 'db', true],
      ['prod', 'web', true],
      ['staging', 'web', true],
    ]);
  });

  it('places nothing when the tree is read without its kustomizations', async () => {
    const { objects } = await loadManifests([`${TREE}/base`]);
    expect(objects.map((o) => [o.kind, o.namespace])).toEqual([
      ['Deployment', 'the-namespace'],
      ['NetworkPolicy', undefined],
    ]);
  });
});

describe('Flux targetNamespace on an unrendered tree (fixtures/manifests/flux-target-namespace)', () => {
  const FLUX = 'fixtures/manifests/flux-target-namespace';

  it("places what a Flux Kustomization builds from its path in its targetNamespace, over the path's own", async () => {
    const { objects, diagnostics } = await loadManifests([resolve(FLUX)], { root: FLUX });
    expect(diagnostics).toEqual([]);
    expect(
      objects
        .filter((o) => o.kind !== 'Kustomization')
        .map((o) => [o.kind, o.namespace, o.name, `${o.loc.file}:${o.loc.line}`]),
    ).toEqual([
      ['NetworkPolicy', 'cert-manager', 'default-deny', 'apps/cert-manager/app/policy.yaml:1'],
      ['Deployment', 'podinfo', 'podinfo', 'apps/podinfo/deployment.yaml:1'],
    ]);
  });

  it('reads Flux paths from the path given when the tree is read from outside it', async () => {
    const { objects } = await loadManifests([FLUX], { root: process.cwd() });
    expect(
      objects.filter((o) => o.kind !== 'Kustomization').map((o) => [o.kind, o.namespace, o.name, o.loc.file]),
    ).toEqual([
      ['NetworkPolicy', 'cert-manager', 'default-deny', `${FLUX}/apps/cert-manager/app/policy.yaml`],
      ['Deployment', 'podinfo', 'podinfo', `${FLUX}/apps/podinfo/deployment.yaml`],
    ]);
  });

  it('reads a Flux Kustomization built from the tree as such, and one built from elsewhere as unknown', async () => {
    for (const [paths, root] of [
      [[resolve(FLUX)], FLUX],
      [[FLUX], process.cwd()],
    ] as const) {
      const { objects } = await loadManifests([...paths], { root });
      expect(
        objects.filter((o) => o.kind === 'Kustomization').map((o) => [o.name, o.customResource ?? false]),
      ).toEqual([
        ['cert-manager', false],
        ['podinfo', false],
        ['platform', true],
      ]);
    }
  });

  it('leaves placing to the kustomizations when the tree does not hold the Flux Kustomization', async () => {
    const { objects } = await loadManifests([resolve(FLUX, 'apps')], { root: resolve(FLUX, 'apps') });
    expect(objects.map((o) => [o.kind, o.namespace])).toEqual([
      ['NetworkPolicy', 'overridden'],
      ['Deployment', undefined],
    ]);
  });
});
