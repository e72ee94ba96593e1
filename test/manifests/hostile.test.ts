import { copyFileSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_LIMITS, loadManifests } from '../../src/manifests/load.js';
import type { LoadResult } from '../../src/manifests/types.js';
import {
  aliasBomb,
  binaryYaml,
  configMaps,
  deepBlockYaml,
  deepFlowYaml,
  deepJson,
  largeFile,
  podYaml,
} from '../hostile/generated.js';

const HOSTILE = 'fixtures/hostile';

/** Each result must still hold the valid NetworkPolicy of the sibling file `valid-policy.yaml`. */
function expectValidSiblingLoaded(result: LoadResult): void {
  expect(result.objects).toContainEqual(
    expect.objectContaining({ kind: 'NetworkPolicy', name: 'default-deny' }),
  );
}

function summary(result: LoadResult): [string | undefined, number | undefined, string, string][] {
  return result.diagnostics.map((d) => [d.file, d.line, d.severity, d.code]);
}

describe('hostile input committed as fixtures', () => {
  it('gives each bad file its diagnostic with file and line, and loads everything else', async () => {
    const result = await loadManifests([HOSTILE]);
    expectValidSiblingLoaded(result);
    const file = (name: string) => `${HOSTILE}/${name}`;
    expect(summary(result)).toEqual([
      ...[12, 16, 18, 19, 22, 24, 28, 31].map((line) => [
        file('api-invalid-policy.yaml'),
        line,
        'error',
        'schema',
      ]),
      [file('docker-compose.yml'), 1, 'info', 'not-kubernetes'],
      [file('duplicate-keys.yaml'), 9, 'error', 'duplicate-key'],
      [file('helm-template-quoted.yaml'), 5, 'error', 'unrendered-template'],
      [file('helm-template.yaml'), 1, 'error', 'unrendered-template'],
      [file('mentions.yaml'), 14, 'error', 'schema'],
      [file('mentions.yaml'), 19, 'error', 'schema'],
      [file('merge-key.yaml'), 3, 'error', 'yaml-syntax'],
      [file('tab-indentation.yaml'), 4, 'error', 'yaml-syntax'],
      [file('trailing-comma.json'), 5, 'error', 'json-syntax'],
      [file('unclosed-flow-map.yaml'), 6, 'error', 'yaml-syntax'],
    ]);
    // The files without manifests share one note, at the first of them.
    expect(result.diagnostics.find((d) => d.code === 'not-kubernetes')?.message).toBe(
      `2 files hold documents that are not Kubernetes manifests (${file('docker-compose.yml')}, ` +
        `${file('non-object.yaml')}: mappings without kind and apiVersion, as in Helm values or docker-compose ` +
        'files); they are skipped',
    );
    // Documents after a bad one, and beside a duplicate key, still load; template files load nothing.
    expect(result.objects.map((o) => `${o.kind}/${o.name}`)).toEqual([
      'Pod/alertmanager',
      'Pod/unique-keys',
      'Namespace/storefront',
      'Deployment/api',
      'Pod/web',
      'Pod/db',
      'NetworkPolicy/data-default-deny',
      // The loader keeps names the API server would reject verbatim; the model refuses them.
      'Namespace/</details><h1>owned</h1>',
      expect.stringMatching(/^Deployment\/<\/details> \| \[click me\]/),
      'Pod/web\n| injected | row |\n\n<details open>\u001b[31mred\u001b[0m \u202Etxt.exe',
      'Pod/web-2',
      'Pod/<img src=x onerror=alert(1)>',
      'Pod/after-the-merge',
      'NetworkPolicy/web-egress-lockdown',
      'NetworkPolicy/data-from-anywhere',
      'Pod/after-the-broken-one',
      'NetworkPolicy/default-deny',
    ]);
    expect(result.skippedKinds).toEqual({ ConfigMap: 1 });
  });

  it('explains the problem in words a reader can act on', async () => {
    const result = await loadManifests([HOSTILE]);
    const message = (code: string) => result.diagnostics.find((d) => d.code === code)?.message ?? '';
    expect(message('duplicate-key')).toContain('duplicate key "ingress"');
    expect(message('unrendered-template')).toContain('`helm template`');
    expect(message('json-syntax')).toContain('a trailing comma is not allowed in JSON');
    expect(message('yaml-syntax')).toContain('invalid YAML');
  });

  it('keeps names and labels verbatim, markup and mentions included (reports escape them)', async () => {
    const result = await loadManifests([`${HOSTILE}/mentions.yaml`]);
    const pod = result.objects[0];
    expect(pod?.name).toBe('<img src=x onerror=alert(1)>');
    expect(pod?.namespace).toBe('@org/security-team');
    expect(pod?.value).toMatchObject({
      metadata: { labels: { app: '**bold** [link](https://example.com) @octocat' } },
    });
    expect(result.diagnostics[0]?.message).toContain(
      'name "@here <script>alert(1)</script>" must consist of',
    );
  });
});

describe('hostile input generated at run time', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'netpol-hostile-'));
  copyFileSync(`${HOSTILE}/valid-policy.yaml`, path.join(folder, 'valid-policy.yaml'));
  const write = (name: string, content: string | Buffer) => {
    writeFileSync(path.join(folder, name), content);
    return name;
  };

  const cases = {
    large: write('large.yaml', largeFile(DEFAULT_LOAD_LIMITS.maxFileBytes + 1)),
    aliasBomb: write('alias-bomb.yaml', aliasBomb()),
    deepFlow: write('deep-flow.yaml', deepFlowYaml()),
    deepBlock: write('deep-block.yaml', deepBlockYaml()),
    deepJson: write('deep.json', deepJson()),
    binary: write('image.yaml', binaryYaml()),
    utf16: write(
      'windows.yaml',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(podYaml('utf16'), 'utf16le')]),
    ),
    dangling: 'dangling.yaml',
  };
  symlinkSync(path.join(folder, 'does-not-exist'), path.join(folder, cases.dangling));

  it('turns each into a diagnostic with file and line; the valid sibling policy still loads', async () => {
    const result = await loadManifests(['.'], { root: folder });
    expectValidSiblingLoaded(result);
    expect(summary(result)).toEqual([
      // Found while walking, before any file is read: a link is never followed, dangling or not.
      [cases.dangling, undefined, 'error', 'symlink'],
      [cases.aliasBomb, 1, 'error', 'alias-limit'],
      [cases.deepBlock, DEFAULT_LOAD_LIMITS.maxDepth + 1, 'error', 'too-deep'],
      [cases.deepFlow, 1, 'error', 'too-deep'],
      [cases.deepJson, 1, 'error', 'too-deep'],
      [cases.binary, 2, 'error', 'binary-file'],
      [cases.large, undefined, 'error', 'file-too-large'],
    ]);
    // A UTF-16 file (as PowerShell writes it) is read, not taken for a binary one.
    expect(result.objects.map((o) => o.name)).toEqual(['default-deny', 'utf16']);
  });

  it('stops reading a file at maxDocumentsPerFile, keeping the documents before', async () => {
    const name = write('many.yaml', ['a', 'b', 'c', 'd', 'e'].map(podYaml).join('---\n'));
    const result = await loadManifests([name, 'valid-policy.yaml'], {
      root: folder,
      limits: { maxDocumentsPerFile: 3 },
    });
    expectValidSiblingLoaded(result);
    expect(summary(result)).toEqual([[name, 15, 'error', 'too-many-documents']]);
    expect(result.objects.map((o) => o.name)).toEqual(['a', 'b', 'c', 'default-deny']);
  });

  it('reads 20,000 unused objects in one file and thousands of files, counting what it skips', async () => {
    const big = write('config-maps.yaml', configMaps(20_000));
    const repository = mkdtempSync(path.join(tmpdir(), 'netpol-repository-'));
    for (let index = 0; index < 2_000; index++) {
      writeFileSync(
        path.join(repository, `pod-${String(index).padStart(4, '0')}.yaml`),
        podYaml(`pod-${index}`),
      );
    }
    const [single, many] = await Promise.all([
      loadManifests([big, 'valid-policy.yaml'], { root: folder }),
      loadManifests([repository]),
    ]);
    expect(single.skippedKinds).toEqual({ ConfigMap: 20_000 });
    expectValidSiblingLoaded(single);
    expect(many.objects).toHaveLength(2_000);
    expect(many.objects[1_999]?.name).toBe('pod-1999');
  });
});
