import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyseSide } from '../../src/check/side.js';
import { DEFAULT_CONFIG } from '../../src/config/defaults.js';
import { suggestFlowFix, type FixContext } from '../../src/fix/suggest.js';
import type { Workload } from '../../src/model/types.js';

/** suggestFlowFix on the head of fixtures/fix/commented: the rule it builds, and what it refuses to offer. */
const HEAD = resolve('fixtures/fix/commented/head');
const POLICIES = readFileSync(resolve(HEAD, 'policies.yaml'), 'utf8');

async function context(
  readText: FixContext['readText'] = (file) => readFileSync(resolve(HEAD, file), 'utf8'),
  config = DEFAULT_CONFIG,
) {
  const side = await analyseSide({ root: HEAD, paths: [HEAD] }, config);
  const workload = (name: string) => side.model.workloads.find((w) => w.name === name) as Workload;
  return { context: { model: side.model, engine: side.engine, config, readText }, workload };
}

/** The fix for a recorded flow to the api on TCP 8080 from a pod outside the tree, monitoring/scraper with `labels`. */
async function scraperFix(labels: Workload['labels'], config = DEFAULT_CONFIG) {
  const { context: fixContext, workload } = await context(undefined, config);
  const outside: Workload = {
    id: 'monitoring/Pod/scraper',
    namespace: 'monitoring',
    kind: 'Pod',
    name: 'scraper',
    labels,
    ports: [],
    ips: [],
    loc: { file: '(recorded flow)', line: 0, column: 0 },
  };
  const outcome = suggestFlowFix(
    fixContext,
    { workload: outside },
    { workload: workload('api') },
    'TCP',
    8080,
  );
  if (!('fix' in outcome)) throw new Error(JSON.stringify(outcome));
  return outcome.fix;
}

describe('suggestFlowFix', () => {
  it('under cni cilium selects the pod by labels of its Cilium identity only (pkg/labelsfilter/filter.go)', async () => {
    // Cilium's default filter drops the Job's completion index and every kubernetes.io label.
    const fix = await scraperFix(
      { app: 'scraper', 'batch.kubernetes.io/job-completion-index': '3', 'kubernetes.io/role': 'probe' },
      { ...DEFAULT_CONFIG, cni: 'cilium' },
    );
    expect(parse(fix.yaml)).toEqual([
      expect.objectContaining({
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
            podSelector: { matchLabels: { app: 'scraper' } },
          },
        ],
      }),
    ]);
  });

  it('names an outside pod by its namespace and the labels that survive a rollout', async () => {
    const fix = await scraperFix({
      app: 'scraper',
      'pod-template-hash': '5f7c9d8b6',
      'controller-revision-hash': 'abc',
    });
    expect(fix.policy).toMatchObject({
      kind: 'NetworkPolicy',
      namespace: 'shop',
      name: 'api-ingress',
    });
    expect(parse(fix.yaml)).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
            podSelector: { matchLabels: { app: 'scraper' } },
          },
        ],
        // api-ingress names its ports, and api declares `http` for 8080.
        ports: [{ protocol: 'TCP', port: 'http' }],
      },
    ]);
  });

  it('uses a single-address block for an IPv6 destination', async () => {
    const { context: fixContext, workload } = await context();
    const outcome = suggestFlowFix(
      fixContext,
      { workload: workload('web') },
      { ip: '2001:db8::7' },
      'TCP',
      443,
    );
    if (!('fix' in outcome)) throw new Error(JSON.stringify(outcome));
    expect(parse(outcome.fix.yaml)).toEqual([
      { to: [{ ipBlock: { cidr: '2001:db8::7/128' } }], ports: [{ protocol: 'TCP', port: 443 }] },
    ]);
  });

  it('patches both ends when both deny, each with a policy of its own beside the pure default deny (issue 19)', async () => {
    const { context: fixContext, workload } = await context();
    const outcome = suggestFlowFix(
      fixContext,
      { workload: workload('api') },
      { workload: workload('web') },
      'TCP',
      80,
    );
    if (!('fix' in outcome)) throw new Error(JSON.stringify(outcome));
    expect([outcome.fix.policy.name, outcome.fix.direction, outcome.fix.change]).toEqual([
      'allow-egress-to-web',
      'egress',
      'policy',
    ]);
    expect(outcome.fix.alsoNeeded).toMatchObject({
      policy: { namespace: 'shop', name: 'allow-ingress-from-api' },
      direction: 'ingress',
      change: 'policy',
    });
    // The default deny stays one: the suggestion keeps its last line and adds a document after it.
    const lines = POLICIES.split('\n');
    expect(lines[outcome.fix.line - 1]).toBe('    - Egress');
    expect(outcome.fix.replacement.split('\n').slice(0, 2)).toEqual(['    - Egress', '---']);
    expect(parse(outcome.fix.patchedPolicyYaml!)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-egress-to-web', namespace: 'shop' },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ podSelector: { matchLabels: { app: 'web', tier: 'front' } } }],
            ports: [{ protocol: 'TCP', port: 80 }],
          },
        ],
      },
    });
  });

  it('offers nothing for a connection head allows', async () => {
    const { context: fixContext, workload } = await context();
    expect(
      suggestFlowFix(fixContext, { workload: workload('web') }, { workload: workload('api') }, 'TCP', 8080),
    ).toEqual({ none: true });
  });

  it('drops, and reports, a fix whose file cannot be read', async () => {
    const { context: fixContext, workload } = await context(() => undefined);
    const outcome = suggestFlowFix(
      fixContext,
      { workload: workload('web') },
      { ip: '203.0.113.7' },
      'TCP',
      443,
    );
    expect(outcome).toEqual({
      problem: {
        severity: 'info',
        code: 'fix-not-offered',
        message: 'no fix suggested for spec.egress of shop/web-egress: its file could not be read',
        file: 'policies.yaml',
        line: 16,
        resource: { kind: 'NetworkPolicy', namespace: 'shop', name: 'web-egress' },
      },
    });
  });

  it('drops, and reports, a fix that does not make the flow pass', async () => {
    // The file changed under the model: the patched policy no longer selects web, so the rule does not help it.
    const changed = POLICIES.replace(
      'matchLabels: {app: web}\n  policyTypes: ["Egress"]',
      'matchLabels: {app: other}\n  policyTypes: ["Egress"]',
    );
    expect(changed).not.toBe(POLICIES);
    const { context: fixContext, workload } = await context(() => changed);
    const outcome = suggestFlowFix(
      fixContext,
      { workload: workload('web') },
      { ip: '203.0.113.7' },
      'TCP',
      443,
    );
    expect(outcome).toMatchObject({
      problem: {
        message:
          'no fix suggested for spec.egress of shop/web-egress: the patched policy still does not allow the traffic',
      },
    });
  });

  it('drops, and reports, a patched policy that is not valid', async () => {
    // A stale file whose policy has an invalid field: the loader rejects the patched document.
    const invalid = POLICIES.replace('policyTypes: ["Egress"]', 'policyTypes: ["Sideways"]');
    const { context: fixContext, workload } = await context(() => invalid);
    const outcome = suggestFlowFix(
      fixContext,
      { workload: workload('web') },
      { ip: '203.0.113.7' },
      'TCP',
      443,
    );
    expect(outcome).toMatchObject({
      problem: { message: expect.stringMatching(/the patched policy is not valid/) },
    });
  });
});

describe('suggestFlowFix under an admin Deny (issue 16, section 3)', () => {
  it('offers no NetworkPolicy allow and names the Deny to change instead', async () => {
    const root = resolve('fixtures/fix/admin-deny');
    const side = await analyseSide({ root, paths: [root] }, DEFAULT_CONFIG);
    const workload = (name: string) => ({ workload: side.model.workloads.find((w) => w.name === name)! });
    const fixContext = {
      model: side.model,
      engine: side.engine,
      config: DEFAULT_CONFIG,
      readText: () => undefined,
    };
    const outcome = suggestFlowFix(fixContext, workload('web'), workload('api'), 'TCP', 8080);
    if (!('problem' in outcome)) throw new Error(JSON.stringify(outcome));
    expect(outcome.problem).toMatchObject({
      code: 'fix-not-offered',
      file: 'cluster.yaml',
      resource: { kind: 'AdminNetworkPolicy', name: 'no-api-from-web' },
    });
    expect(outcome.problem.message).toMatch(
      /^no NetworkPolicy fix can restore this connection: it is denied by AdminNetworkPolicy no-api-from-web, priority 10, egress\[0\] "deny-api" deny \(cluster\.yaml:\d+\)/,
    );
    expect(outcome.problem.message).toContain(
      'Accept it, or Pass it to the NetworkPolicies, in a rule before that Deny',
    );
  });
});
