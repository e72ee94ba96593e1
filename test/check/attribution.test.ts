import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import type { DecidedBy } from '../../src/diff/types.js';
import { cli } from '../support/cli.js';

/**
 * fixtures/scenarios/admin-deny-cut: an AdminNetworkPolicy Deny added over a NetworkPolicy that still allows the
 * traffic (network-policy-api: an admin Deny is decided before any NetworkPolicy). The broken flow and the closed
 * paths are attributed to the admin rule, never to the overridden NetworkPolicy, and no NetworkPolicy fix is offered
 * for them: no namespaced change can restore what an admin Deny cuts. fixtures/scenarios/admin-allow-open: an admin
 * Allow opens a path that NetworkPolicies isolate; the path is blamed on the admin rule.
 */
const SCENARIO = 'fixtures/scenarios/admin-deny-cut';
const OPEN_SCENARIO = 'fixtures/scenarios/admin-allow-open';
const DENIED_BY =
  'ingress of app/api is denied by AdminNetworkPolicy freeze-app, priority 10, ingress[0] "no-http-into-app" deny (cluster-policies.yaml:13)';

async function check(format: 'json' | 'markdown') {
  const args = ['check', '--base', `${SCENARIO}/base`, '--head', `${SCENARIO}/head`];
  return cli([...args, '--flows', `${SCENARIO}/flows.hubble.jsonl`, '--format', format]);
}

/** Who decides web -> api ingress on 8080: api-ingress's rule at base, the admin Deny at head. */
const CUT_DECIDED_BY: DecidedBy = {
  base: {
    direction: 'ingress',
    tier: 'namespaced',
    action: 'allow',
    policy: {
      kind: 'NetworkPolicy',
      namespace: 'app',
      name: 'api-ingress',
      location: { file: 'policies.yaml', line: 1, column: 1 },
    },
    index: 0,
    path: ['spec', 'ingress', 0],
    location: { file: 'policies.yaml', line: 11, column: 7 },
    // The rule's peer item that web matched.
    peer: {
      podSelector: { matchLabels: { app: 'web' } },
      path: ['spec', 'ingress', 0, 'from', 0],
      location: { file: 'policies.yaml', line: 12, column: 11 },
    },
  },
  head: {
    direction: 'ingress',
    tier: 'admin',
    action: 'deny',
    policy: {
      kind: 'AdminNetworkPolicy',
      name: 'freeze-app',
      location: { file: 'cluster-policies.yaml', line: 3, column: 1 },
    },
    priority: 10,
    index: 0,
    name: 'no-http-into-app',
    path: ['spec', 'ingress', 0],
    location: { file: 'cluster-policies.yaml', line: 13, column: 7 },
    // `namespaces: {}`: every pod of every namespace.
    peer: {
      podSelector: {},
      namespaceSelector: {},
      path: ['spec', 'ingress', 0, 'from', 0],
      location: { file: 'cluster-policies.yaml', line: 16, column: 11 },
    },
  },
};

describe('a flow cut by an AdminNetworkPolicy Deny', () => {
  it('is attributed to the admin rule in the JSON report, with no NetworkPolicy fix', async () => {
    const result = JSON.parse((await check('json')).stdout) as CheckResult;
    const [broken, ...others] = result.flows?.broken ?? [];
    expect(others).toEqual([]);
    expect(broken?.explanation).toBe(DENIED_BY);
    expect(broken?.location).toEqual({ file: 'cluster-policies.yaml', line: 13, column: 7 });
    expect(broken?.fix).toBeUndefined();
    expect(broken?.decidedBy).toEqual(CUT_DECIDED_BY);
    // The diff sees the cluster policy too: every closed path names it.
    expect(result.diff.closed.length).toBeGreaterThan(0);
    for (const closed of result.diff.closed) {
      expect(closed.explanation).toMatch(
        /denied by AdminNetworkPolicy freeze-app, priority 10, ingress\[0\]/,
      );
      expect(closed.location?.file).toBe('cluster-policies.yaml');
      expect(closed.decidedBy?.head).toEqual(CUT_DECIDED_BY.head);
    }
  });

  it('is attributed to the admin rule in the PR comment', async () => {
    const { stdout } = await check('markdown');
    const row = stdout
      .split('\n')
      .find((line) => line.startsWith('| app/<wbr>web | app/<wbr>api | TCP/8080 | 3 |'));
    expect(row).toContain('denied by AdminNetworkPolicy freeze-app, priority 10, ingress\\[0\\]');
    expect(row).not.toContain('api-ingress');
  });
});

describe('a path opened by an AdminNetworkPolicy Allow', () => {
  const args = ['check', '--base', `${OPEN_SCENARIO}/base`, '--head', `${OPEN_SCENARIO}/head`];
  const rule = 'AdminNetworkPolicy debug-into-data, priority 20, ingress[0] "debug-shell-to-postgres" allow';

  it('is blamed on the admin rule, which decidedBy names at head beside the isolating NetworkPolicy at base', async () => {
    const result = JSON.parse((await cli([...args, '--format', 'json'])).stdout) as CheckResult;
    const [opened, ...others] = result.diff.opened;
    expect(others).toEqual([]);
    expect(opened).toMatchObject({
      from: { namespace: 'tools', name: 'debug-shell' },
      to: { namespace: 'db', name: 'postgres' },
      protocol: 'TCP',
      ports: [[5432, 5432]],
      location: { file: 'cluster-policies.yaml', line: 14, column: 7 },
    });
    expect(opened?.decidedBy).toEqual({
      base: {
        direction: 'ingress',
        tier: 'namespaced',
        action: 'deny',
        policy: {
          kind: 'NetworkPolicy',
          namespace: 'db',
          name: 'default-deny-ingress',
          location: { file: 'policies.yaml', line: 17, column: 1 },
        },
      },
      head: {
        direction: 'ingress',
        tier: 'admin',
        action: 'allow',
        policy: {
          kind: 'AdminNetworkPolicy',
          name: 'debug-into-data',
          location: { file: 'cluster-policies.yaml', line: 4, column: 1 },
        },
        priority: 20,
        index: 0,
        name: 'debug-shell-to-postgres',
        path: ['spec', 'ingress', 0],
        location: { file: 'cluster-policies.yaml', line: 14, column: 7 },
        peer: {
          podSelector: {},
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'tools' } },
          path: ['spec', 'ingress', 0, 'from', 0],
          location: { file: 'cluster-policies.yaml', line: 17, column: 11 },
        },
      },
    });
  });

  it('names the admin rule in the PR comment, the terminal report and SARIF', async () => {
    const markdown = (await cli([...args, '--format', 'markdown'])).stdout;
    const row = markdown
      .split('\n')
      .find((line) => line.startsWith('| tools/<wbr>debug-shell | db/<wbr>postgres'));
    expect(row).toContain('allowed by AdminNetworkPolicy debug-into-data, priority 20, ingress\\[0\\]');
    expect(row).toContain(String.raw`\(cluster-policies.yaml:14\)`);
    const text = (await cli([...args, '--format', 'text'])).stdout;
    expect(text).toContain(`allowed by ${rule} (cluster-policies.yaml:14)`);
    const sarif = JSON.parse((await cli([...args, '--format', 'sarif'])).stdout) as {
      runs: { results: { ruleId: string; message: { text: string } }[] }[];
    };
    const [result] = sarif.runs[0]!.results.filter((r) => r.ruleId === 'opened-path');
    // SARIF messages escape brackets.
    expect(result?.message.text).toContain(
      String.raw`allowed by AdminNetworkPolicy debug-into-data, priority 20, ingress\[0\] "debug-shell-to-postgres"`,
    );
  });
});
