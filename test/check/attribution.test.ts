import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import { cli } from '../support/cli.js';

/**
 * fixtures/scenarios/admin-deny-cut: an AdminNetworkPolicy Deny added over a NetworkPolicy that still allows the
 * traffic (network-policy-api: an admin Deny is decided before any NetworkPolicy). The broken flow and the closed
 * paths are attributed to the admin rule, never to the overridden NetworkPolicy, and no NetworkPolicy fix is offered
 * for them: no namespaced change can restore what an admin Deny cuts.
 */
const SCENARIO = 'fixtures/scenarios/admin-deny-cut';
const DENIED_BY =
  'ingress of app/api is denied by AdminNetworkPolicy freeze-app, priority 10, ingress[0] "no-http-into-app" deny (cluster-policies.yaml:13)';

async function check(format: 'json' | 'markdown') {
  const args = ['check', '--base', `${SCENARIO}/base`, '--head', `${SCENARIO}/head`];
  return cli([...args, '--flows', `${SCENARIO}/flows.hubble.jsonl`, '--format', format]);
}

describe('a flow cut by an AdminNetworkPolicy Deny', () => {
  it('is attributed to the admin rule in the JSON report, with no NetworkPolicy fix', async () => {
    const result = JSON.parse((await check('json')).stdout) as CheckResult;
    const [broken, ...others] = result.flows?.broken ?? [];
    expect(others).toEqual([]);
    expect(broken?.explanation).toBe(DENIED_BY);
    expect(broken?.location).toEqual({ file: 'cluster-policies.yaml', line: 13, column: 7 });
    expect(broken?.fix).toBeUndefined();
    // The diff sees the cluster policy too: every closed path names it.
    expect(result.diff.closed.length).toBeGreaterThan(0);
    for (const closed of result.diff.closed) {
      expect(closed.explanation).toMatch(
        /denied by AdminNetworkPolicy freeze-app, priority 10, ingress\[0\]/,
      );
      expect(closed.location?.file).toBe('cluster-policies.yaml');
    }
  });

  it('is attributed to the admin rule in the PR comment', async () => {
    const { stdout } = await check('markdown');
    const row = stdout.split('\n').find((line) => line.startsWith('| app/web | app/api | TCP/8080 | 3 |'));
    expect(row).toContain('denied by AdminNetworkPolicy freeze-app, priority 10, ingress\\[0\\]');
    expect(row).not.toContain('api-ingress');
  });
});
