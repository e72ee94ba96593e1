import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifests, parseManifestText } from '../../src/manifests/load.js';
import type { LoadedObject } from '../../src/manifests/types.js';

const FIXTURES = 'fixtures/manifests';

function byName(objects: LoadedObject[], kind: string, name: string): LoadedObject {
  const found = objects.find((object) => object.kind === kind && object.name === name);
  if (found === undefined) throw new Error(`no ${kind} ${name}`);
  return found;
}

describe('loadManifests: objects and positions', () => {
  it('reads every document of a multi-document file, each at its first line', async () => {
    const result = await loadManifests([`${FIXTURES}/positions/shop.yaml`]);
    expect(result.diagnostics).toEqual([]);
    expect(result.files).toEqual(['fixtures/manifests/positions/shop.yaml']);
    expect(result.objects.map((o) => [o.kind, o.namespace, o.name, o.loc.line, o.loc.column])).toEqual([
      ['Namespace', undefined, 'shop', 2, 1],
      ['Deployment', 'shop', 'frontend', 9, 1],
      ['Service', 'shop', 'frontend', 38, 1],
      ['NetworkPolicy', 'shop', 'frontend-ingress', 50, 1],
    ]);
    expect(result.skippedKinds).toEqual({ ConfigMap: 1, Secret: 1 });
    const policy = byName(result.objects, 'NetworkPolicy', 'frontend-ingress');
    expect(policy.apiVersion).toBe('networking.k8s.io/v1');
    expect(policy.value).toMatchObject({ spec: { policyTypes: ['Ingress', 'Egress'] } });
  });

  it('locates nested NetworkPolicy and Service fields at their keys, list items at their first character', async () => {
    const { objects } = await loadManifests([`${FIXTURES}/positions/shop.yaml`]);
    const policy = byName(objects, 'NetworkPolicy', 'frontend-ingress');
    const at = (fieldPath: (string | number)[]) => {
      const { file, line, column } = policy.locate(fieldPath);
      return `${file}:${line}:${column}`;
    };
    const file = 'fixtures/manifests/positions/shop.yaml';
    expect(at(['spec', 'ingress', 0, 'from', 1, 'namespaceSelector'])).toBe(`${file}:65:11`);
    expect(at(['spec', 'ingress', 0, 'from', 1, 'podSelector'])).toBe(`${file}:68:11`);
    expect(at(['spec', 'ingress', 0, 'from', 0])).toBe(`${file}:62:11`);
    expect(at(['spec', 'ingress', 0, 'ports', 0, 'port'])).toBe(`${file}:71:11`);
    expect(at(['spec', 'policyTypes', 1])).toBe(`${file}:59:26`);
    expect(at(['spec', 'egress', 0, 'to', 0, 'ipBlock', 'except', 1])).toBe(`${file}:76:35`);
    expect(at(['spec', 'ingress', '0', 'from'])).toBe(`${file}:61:7`);
    // A path that is not written falls back to its nearest written ancestor, then to the object.
    expect(at(['spec', 'ingress', 0, 'from', 1, 'podSelector', 'matchLabels', 'x'])).toBe(`${file}:68:11`);
    expect(at(['status', 'conditions'])).toBe(`${file}:50:1`);
    expect(at([])).toBe(`${file}:50:1`);

    const service = byName(objects, 'Service', 'frontend');
    expect(service.locate(['spec', 'ports', 0, 'targetPort'])).toMatchObject({ line: 48, column: 7 });
    // Workloads keep no field positions (repositories hold thousands): every path gives the object's line.
    const deployment = byName(objects, 'Deployment', 'frontend');
    expect(deployment.locate(['spec', 'template', 'metadata', 'labels'])).toEqual(deployment.loc);
  });

  it('names files relative to the root, with forward slashes', async () => {
    const result = await loadManifests(['positions/shop.yaml'], { root: path.resolve(FIXTURES) });
    expect(result.files).toEqual(['positions/shop.yaml']);
    expect(result.objects[0]?.loc.file).toBe('positions/shop.yaml');
  });

  it('reads in-memory text (a render command output) the same way', async () => {
    const text = (await import('node:fs')).readFileSync(`${FIXTURES}/positions/shop.yaml`, 'utf8');
    const fromText = parseManifestText(text, 'helm template shop');
    const fromFile = await loadManifests([`${FIXTURES}/positions/shop.yaml`]);
    expect(fromText.files).toEqual(['helm template shop']);
    expect(fromText.objects.map((o) => [o.kind, o.name, o.loc.line])).toEqual(
      fromFile.objects.map((o) => [o.kind, o.name, o.loc.line]),
    );
    expect(fromText.objects[0]?.loc.file).toBe('helm template shop');
  });

  it('holds a render output to maxTotalBytes as it holds a tree', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n';
    const result = parseManifestText(text, 'render output', { limits: { maxTotalBytes: text.length - 1 } });
    expect(result.objects).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'input-too-large', file: 'render output' }),
    ]);
  });
});

describe('loadManifests: lists and kinds', () => {
  it('expands List and typed lists into their items, each at its own line', async () => {
    const result = await loadManifests([`${FIXTURES}/lists`]);
    expect(result.diagnostics).toEqual([]);
    expect(
      result.objects.map((o) => [o.loc.file, o.kind, o.apiVersion, o.namespace, o.name, o.loc.line]),
    ).toEqual([
      ['fixtures/manifests/lists/list.yaml', 'NetworkPolicy', 'networking.k8s.io/v1', 'data', 'deny-all', 5],
      ['fixtures/manifests/lists/list.yaml', 'Service', 'v1', 'data', 'db', 13],
      [
        'fixtures/manifests/lists/list.yaml',
        'NetworkPolicy',
        'networking.k8s.io/v1',
        'data',
        'allow-dns',
        32,
      ],
      ['fixtures/manifests/lists/pod-list.json', 'Pod', 'v1', 'shop', 'api-0', 6],
      ['fixtures/manifests/lists/pod-list.json', 'Pod', 'v1', 'shop', 'api-1', 11],
    ]);
    expect(result.skippedKinds).toEqual({ ConfigMap: 1 });
    // Items of a typed list get the kind and apiVersion they leave out, so they validate like any object.
    expect(byName(result.objects, 'Pod', 'api-0').value).toMatchObject({ kind: 'Pod', apiVersion: 'v1' });
    const allowDns = byName(result.objects, 'NetworkPolicy', 'allow-dns');
    expect(allowDns.locate(['spec', 'egress', 0, 'ports', 0, 'port'])).toMatchObject({
      line: 40,
      column: 15,
    });
  });

  it('counts other kinds, warns about other NetworkPolicy APIs, rejects objects without a usable name', async () => {
    const file = `${FIXTURES}/kinds/kinds.yaml`;
    const result = await loadManifests([file]);
    expect(result.objects.map((o) => [o.kind, o.name, o.namespace, o.customResource])).toEqual([
      // A custom resource goes to the model, which learns from it what pods an operator may make.
      ['Service', 'hello', undefined, true],
      ['CronJob', 'nightly', undefined, undefined],
      ['StatefulSet', 'db', undefined, undefined],
    ]);
    expect(result.skippedKinds).toEqual({
      ConfigMap: 2,
      CustomResourceDefinition: 1,
      'NetworkPolicy (crd.projectcalico.org/v1)': 1,
      'NetworkPolicy (extensions/v1beta1)': 1,
    });
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.file, d.line])).toEqual([
      ['warning', 'policy-kind-not-analysed', file, 8],
      ['warning', 'unsupported-api-version', file, 13],
      ['error', 'invalid-metadata', file, 25],
      ['error', 'invalid-metadata', file, 30],
    ]);
    expect(result.diagnostics[2]?.message).toContain('metadata.name is missing');
    expect(result.diagnostics[3]?.message).toContain('metadata.name must be a string, not a list');
  });
});

describe('loadManifests: network policies of kinds not analysed', () => {
  it('names every one at its line, by apiVersion and kind, with the namespaces it may affect', async () => {
    const file = `${FIXTURES}/unanalysed/kinds.yaml`;
    const result = await loadManifests([file]);
    expect(result.objects).toEqual([]);
    const named = result.diagnostics.map((d) => [d.severity, d.code, d.line, d.resource?.kind]);
    expect(named).toEqual([
      ['warning', 'policy-kind-not-analysed', 3, 'NetworkPolicy'],
      ['warning', 'policy-kind-not-analysed', 10, 'GlobalNetworkPolicy'],
      ['warning', 'policy-kind-not-analysed', 16, 'NetworkPolicy'],
      ['warning', 'policy-kind-not-analysed', 23, 'GlobalNetworkPolicy'],
      ['warning', 'policy-kind-not-analysed', 29, 'StagedNetworkPolicy'],
      ['warning', 'policy-kind-not-analysed', 36, 'StagedGlobalNetworkPolicy'],
      ['warning', 'policy-kind-not-analysed', 42, 'StagedKubernetesNetworkPolicy'],
      ['warning', 'policy-kind-not-analysed', 49, 'Tier'],
      ['warning', 'policy-kind-not-analysed', 55, 'NetworkSet'],
      ['warning', 'policy-kind-not-analysed', 62, 'GlobalNetworkSet'],
      ['warning', 'policy-kind-not-analysed', 68, 'ClusterNetworkPolicy'],
      ['warning', 'policy-kind-not-analysed', 74, 'ClusterNetworkPolicy'],
      ['warning', 'policy-kind-not-analysed', 80, 'ApplicationNetworkPolicy'],
      ['warning', 'policy-kind-not-analysed', 87, 'ClusterNetworkPolicy'],
      ['warning', 'policy-kind-not-analysed', 93, 'NetworkPolicy'],
      ['warning', 'policy-kind-not-analysed', 100, 'MultiNetworkPolicy'],
      // L7 authorization does not change which connections open: informational.
      ['info', 'policy-kind-not-analysed', 107, 'AuthorizationPolicy'],
    ]);
    expect(result.diagnostics.every((d) => d.file === file)).toBe(true);
    expect(result.diagnostics[0]?.message).toBe(
      'Calico NetworkPolicy "networkpolicy-crd-projectcalico" (crd.projectcalico.org/v1) is a network policy of a kind ' +
        'netpol-guard does not evaluate: reachability, explain and lint ignore it, and it may change traffic of ' +
        'pods in namespace tenant',
    );
    expect(result.diagnostics[1]?.message).toContain(
      'cluster-scoped, so it may change traffic of pods in any namespace',
    );
    expect(result.unanalysed.map((p) => [p.kind, p.namespace, p.clusterScoped])).toContainEqual([
      'ClusterNetworkPolicy',
      undefined,
      true,
    ]);
    expect(result.unanalysed).toHaveLength(17);
  });
});

describe('loadManifests: files and folders', () => {
  it('walks folders in sorted order, skipping hidden entries, node_modules and other extensions', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'netpol-walk-'));
    const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;
    const files: Record<string, string> = {
      'b/z.yaml': pod('bz'),
      'b/a.YML': pod('ba'),
      'a.json': JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }),
      'c/d/e.yml': pod('cde'),
      'notes.txt': pod('txt'),
      '.github/workflows/ci.yaml': pod('hidden-folder'),
      '.gitlab-ci.yml': pod('hidden-file'),
      '.git/config.yaml': pod('git'),
      'node_modules/x/pod.yaml': pod('modules'),
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    // A link back to the root is not followed (no loop), and is named: what it links is not analysed.
    symlinkSync(root, path.join(root, 'b', 'loop'));

    const result = await loadManifests(['.', 'b/z.yaml', 'notes.txt'], { root });
    expect(result.files).toEqual(['a.json', 'b/a.YML', 'b/z.yaml', 'c/d/e.yml', 'notes.txt']);
    expect(result.objects.map((o) => o.name)).toEqual(['a', 'ba', 'bz', 'cde', 'txt']);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'symlink', file: 'b/loop' }),
    ]);
  });

  it('reports a path that does not exist and still loads the others', async () => {
    const result = await loadManifests(['missing', `${FIXTURES}/positions`]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unreadable',
        file: 'missing',
        message: 'cannot read "missing": no such file or directory',
      }),
    ]);
    expect(result.objects).toHaveLength(4);
  });
});
