import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import { checkScenario } from '../support/cli.js';

/**
 * Hubble's policy attribution (cilium/cilium api/v1/flow/flow.proto `ingress_allowed_by`, `ingress_denied_by`)
 * compared with the model at base, the policies the flows were recorded under. Scenario
 * fixtures/scenarios/model-cluster-mismatch (its README says what each flow is).
 */
const SCENARIO = 'fixtures/scenarios/model-cluster-mismatch';

const check = (format: string, flows?: string) => checkScenario(SCENARIO, format, flows);

describe('the cluster against the model (model-cluster-mismatch)', () => {
  it('warns about base where the attribution contradicts it, and only there, without failing on it', async () => {
    const result = JSON.parse((await check('json')).stdout) as CheckResult;
    expect(result.reasons).toEqual(['1 live flow would break']);
    const mismatches = result.diagnostics.filter((d) => d.code === 'model-cluster-mismatch');
    expect(mismatches.map((d) => [d.severity, d.side, `${d.file}:${d.line}`, d.message])).toEqual([
      [
        'warning',
        'base',
        'shop.yaml:104',
        'the model and the cluster differ on shop/api -> data/postgres [StatefulSet] TCP/5432: Hubble recorded ' +
          'ingress allowed by NetworkPolicy data/postgres-legacy (match L3-L4); at base the manifests say ingress ' +
          'allowed by CiliumNetworkPolicy data/postgres-ingress ingress[0] (shop.yaml:104)',
      ],
      [
        'warning',
        'base',
        'shop.yaml:95',
        'the model and the cluster differ on shop/frontend -> data/postgres [StatefulSet] TCP/5432: Hubble ' +
          'recorded ingress denied by CiliumClusterwideNetworkPolicy deny-frontend-db; at base the manifests say ' +
          'ingress denied: CiliumNetworkPolicy data/postgres-ingress isolates it and none of its rules allows it ' +
          '(shop.yaml:95)',
      ],
      [
        'warning',
        'base',
        'shop.yaml:80',
        'the model and the cluster differ on shop/worker -> shop/api TCP/8080: Hubble recorded ingress allowed by ' +
          'CiliumNetworkPolicy shop/api-ingress-jobs (match L3-L4); at base the manifests say ingress denied: ' +
          'CiliumNetworkPolicy shop/api-ingress isolates it and none of its rules allows it (shop.yaml:80)',
      ],
    ]);
    // frontend -> api: Hubble names api-ingress, which allows it at base too: no mismatch.
    expect(
      result.flows?.modelClusterMismatches?.map((m) => [m.recorded.policies[0]?.name, m.model.action]),
    ).toEqual([
      ['postgres-legacy', 'allow'],
      ['deny-frontend-db', 'deny'],
      ['api-ingress-jobs', 'deny'],
    ]);
  });

  it('shows what the cluster said decided a broken flow beside the explanation', async () => {
    const result = JSON.parse((await check('json')).stdout) as CheckResult;
    expect(result.flows?.broken.map((flow) => flow.recordedBy)).toEqual([
      [
        {
          direction: 'ingress',
          action: 'allow',
          policies: [{ kind: 'CiliumNetworkPolicy', namespace: 'shop', name: 'api-ingress' }],
          match: 'L3-L4',
        },
      ],
    ]);
    const text = (await check('text')).stdout;
    expect(text).toContain(
      '; Hubble recorded: ingress allowed by CiliumNetworkPolicy shop/api-ingress (match L3-L4)',
    );
    const markdown = (await check('markdown')).stdout;
    // The headline says the verdict rests on a model the cluster does not match.
    expect(markdown.split('\n\n')[1]).toMatch(
      /^:x: \*\*Blocked\*\*: .* \(the cluster and the base manifests differ on 3 recorded flow directions: see Diagnostics\)$/,
    );
    expect(markdown).toContain(
      '<br>Hubble recorded: ingress allowed by CiliumNetworkPolicy shop/api-ingress \\(match L3-L4\\) |',
    );
  });

  it('escapes the names a log gives (untrusted input) in the Markdown report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netpol-guard-attribution-'));
    try {
      const flows = join(dir, 'flows.jsonl');
      const log = await readFile(`${SCENARIO}/flows.hubble.jsonl`, 'utf8');
      await writeFile(
        flows,
        log.replaceAll('"name":"api-ingress"', '"name":"x|<img src=x onerror=alert(1)>@team"'),
      );
      const markdown = (await check('markdown', flows)).stdout;
      expect(markdown).toContain('shop/x\\|&lt;img src=x onerror=alert\\(1\\)&gt;');
      expect(markdown).not.toContain('<img');
      expect(markdown).not.toMatch(/[^`]@team/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
