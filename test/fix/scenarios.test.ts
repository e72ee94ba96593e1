import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { runCheck } from '../../src/check/run.js';
import type { CheckResult } from '../../src/check/types.js';
import type { RulePatch } from '../../src/fix/types.js';
import { describePatch, fixItems } from '../../src/fix/describe.js';
import { parseManifestText } from '../../src/manifests/load.js';
import { cli } from '../support/cli.js';

/**
 * Pull requests with broken flows (fixtures/scenarios and fixtures/fix/commented): every suggested patch is valid
 * against the schema, and `fix --write` on a copy of head makes `check` pass the flows it broke.
 */
const SCENARIOS = [
  { folder: 'fixtures/scenarios/dns-forgotten', flows: 'flows.hubble.jsonl' },
  { folder: 'fixtures/scenarios/selector-typo', flows: 'flows.hubble.jsonl' },
  { folder: 'fixtures/scenarios/service-port', flows: 'flows.native.csv' },
  { folder: 'fixtures/fix/commented', flows: 'flows.native.jsonl' },
  { folder: 'fixtures/fix/one-per-need', flows: 'flows.native.jsonl' },
  { folder: 'fixtures/scenarios/cilium-default-deny', flows: 'flows.native.jsonl' },
  { folder: 'fixtures/scenarios/cilium-specs', flows: 'flows.native.jsonl' },
  { folder: 'fixtures/scenarios/cilium-fqdn-removed', flows: 'flows.hubble.jsonl' },
];

async function check(base: string, head: string, flows: string): Promise<CheckResult> {
  const side = (dir: string) => ({ root: resolve(dir), paths: [resolve(dir)] });
  return runCheck({ base: side(base), head: side(head), flows: [flows] });
}

function patches(result: CheckResult): RulePatch[] {
  return [...(result.flows?.broken ?? []).map((f) => f.fix), ...result.findings.map((f) => f.fix)].flatMap(
    (fix) => (fix ? [fix, ...(fix.alsoNeeded ? [fix.alsoNeeded] : [])] : []),
  );
}

describe('one fix per need', () => {
  it('gives the broken DNS flow the DNS rule the dns-egress-missing finding wants, not a second one', async () => {
    const result = await check(
      'fixtures/demo/base',
      'fixtures/demo/head',
      'fixtures/demo/flows/hubble.jsonl',
    );
    const finding = result.findings.find((f) => f.rule === 'dns-egress-missing' && f.fix);
    const dnsFlow = result.flows?.broken.find((f) => f.port === 53);
    expect(finding?.fix).toBeDefined();
    expect(dnsFlow?.fix).toEqual(finding?.fix);
    // `fix` shows the DNS rule once: UDP and TCP 53 to the DNS pods.
    const printed = await cli([
      'fix',
      '--base',
      'fixtures/demo/base',
      '--head',
      'fixtures/demo/head',
      '--flows',
      'fixtures/demo/flows/hubble.jsonl',
    ]);
    expect(printed.stdout.match(/k8s-app: kube-dns/g)).toHaveLength(1);
  });
});

describe('one fix per need, beside a pure default deny (issue 19, fix quality)', () => {
  const folder = 'fixtures/fix/one-per-need';

  it('gives three workloads one policy beside the default deny, and reuses the edit the finding names', async () => {
    const result = await check(`${folder}/base`, `${folder}/head`, `${folder}/flows.native.jsonl`);
    const broken = result.flows?.broken ?? [];
    expect(broken).toHaveLength(6);
    const items = fixItems(result);
    expect(items.map((item) => item.subject)).toEqual([
      'shop/api -> kube-system/coredns [Pod] UDP/53; shop/web -> kube-system/coredns [Pod] UDP/53; ' +
        'shop/worker -> kube-system/coredns [Pod] UDP/53; dns-egress-missing at policies.yaml:23',
      'shop/api -> shop/cache [StatefulSet] TCP/6379; shop/web -> shop/cache [StatefulSet] TCP/6379; ' +
        'shop/worker -> shop/cache [StatefulSet] TCP/6379; named-port-undefined at policies.yaml:14',
    ]);
    const [dns, cache] = items.map((item) => item.fix);
    // New policies after the default deny's last line; the default deny keeps no rules.
    expect([dns?.change, dns?.policy.name, dns?.line, dns?.alsoNeeded]).toEqual([
      'policy',
      'allow-dns',
      23,
      undefined,
    ]);
    expect([cache?.change, cache?.policy.name, cache?.line]).toEqual(['policy', 'allow-egress-to-cache', 23]);
    // The cache's ingress: the one-line edit named-port-undefined names (rediss -> redis), not a rule per workload.
    expect(cache?.alsoNeeded).toMatchObject({
      change: 'edit',
      policy: { name: 'cache-ingress' },
      line: 14,
      endLine: 14,
      replacement: '        - { port: redis }',
    });
  });

  it('fix --write leaves the default deny without rules', async () => {
    const head = mkdtempSync(join(tmpdir(), 'netpol-guard-fix-'));
    cpSync(join(folder, 'head'), head, { recursive: true });
    const written = await cli([
      'fix',
      '--base',
      `${folder}/base`,
      '--head',
      head,
      '--flows',
      `${folder}/flows.native.jsonl`,
      '--write',
    ]);
    expect(written.stdout).toBe('policies.yaml: 2 policies added, 1 value edited\n');
    const documents = parseAllDocuments(readFileSync(join(head, 'policies.yaml'), 'utf8')).map(
      (d) => d.toJS() as { metadata: { name: string }; spec: Record<string, unknown> },
    );
    expect(documents.map((d) => d.metadata.name)).toEqual([
      'cache-ingress',
      'default-deny-egress',
      'allow-dns',
      'allow-egress-to-cache',
    ]);
    expect(documents[1]?.spec).toEqual({ podSelector: {}, policyTypes: ['Egress'] });
  });
});

describe('fixes in Cilium syntax where a Cilium policy isolates the pod (issue 18, Fixes)', () => {
  const folder = 'fixtures/scenarios/cilium-default-deny';

  it('adds CiliumNetworkPolicies beside the Cilium default deny and a fromEndpoints rule to api-ingress', async () => {
    const result = await check(`${folder}/base`, `${folder}/head`, `${folder}/flows.native.jsonl`);
    const fixOf = (from: string, port: number) =>
      result.flows?.broken.find((f) => 'name' in f.from && f.from.name === from && f.port === port)?.fix;
    const dns = fixOf('web', 53);
    expect(fixOf('worker', 53)).toEqual(dns);
    expect([dns?.change, dns?.policy.kind, dns?.policy.name]).toEqual([
      'policy',
      'CiliumNetworkPolicy',
      'allow-dns',
    ]);
    // Cilium's DNS rule (examples/policies/l7/dns/dns-visibility.yaml), for the pods the default deny selects.
    expect(parse(dns!.patchedPolicyYaml!)).toEqual({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: { name: 'allow-dns', namespace: 'shop' },
      spec: {
        endpointSelector: {},
        egress: [
          {
            toEndpoints: [
              { matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s-app': 'kube-dns' } },
            ],
            toPorts: [{ ports: [{ port: '53', protocol: 'ANY' }], rules: { dns: [{ matchPattern: '*' }] } }],
          },
        ],
      },
    });
    const worker = fixOf('worker', 8080);
    expect(parse(worker!.yaml)).toMatchObject({
      kind: 'CiliumNetworkPolicy',
      metadata: { name: 'allow-egress-to-api' },
      spec: {
        egress: [
          {
            toEndpoints: [{ matchLabels: { app: 'api' } }],
            toPorts: [{ ports: [{ port: '8080', protocol: 'TCP' }] }],
          },
        ],
      },
    });
    expect(worker?.alsoNeeded).toMatchObject({
      policy: { kind: 'CiliumNetworkPolicy', name: 'api-ingress' },
      direction: 'ingress',
    });
    expect(parse(worker!.alsoNeeded!.yaml)).toEqual([
      {
        fromEndpoints: [{ matchLabels: { app: 'worker' } }],
        toPorts: [{ ports: [{ port: '8080', protocol: 'TCP' }] }],
      },
    ]);
    // The default deny stays one: every suggestion keeps its last line.
    expect(dns?.replacement.split('\n').slice(0, 2)).toEqual(['    - {}', '---']);
  });
});

describe('a toFQDNs name restored (issue 18, toFQDNs)', () => {
  const folder = 'fixtures/scenarios/cilium-fqdn-removed';
  const flows = join(folder, 'flows.hubble.jsonl');
  const byName = [
    { toFQDNs: [{ matchName: 'api.github.com' }], toPorts: [{ ports: [{ port: '443', protocol: 'TCP' }] }] },
  ];

  it('gives the flows to the addresses DNS answered for a dropped name the name back, one fix for both', async () => {
    const result = await check(join(folder, 'base'), join(folder, 'head'), flows);
    const fixes = (result.flows?.broken ?? []).map((flow) => flow.fix);
    expect(fixes).toHaveLength(2);
    expect(fixes[1]).toEqual(fixes[0]);
    expect(parse(fixes[0]!.yaml)).toEqual(byName);
    // The policy's own DNS rule gives the name DNS visibility: nothing else is needed.
    expect(fixes[0]?.alsoNeeded).toBeUndefined();
  });

  it('adds the DNS rule beside the name when head dropped the DNS visibility too', async () => {
    const head = mkdtempSync(join(tmpdir(), 'netpol-guard-fix-'));
    cpSync(join(folder, 'head'), head, { recursive: true });
    const file = join(head, 'ci.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text.slice(0, text.indexOf('    - toEndpoints:')) + text.slice(text.indexOf('    - toFQDNs:')),
    );
    const result = await check(join(folder, 'base'), head, flows);
    const fixOf = (ip: string) =>
      result.flows?.broken.find((flow) => 'ip' in flow.to && flow.to.ip === ip)?.fix;
    const dnsRule = [
      {
        toEndpoints: [
          { matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s-app': 'kube-dns' } },
        ],
        toPorts: [{ ports: [{ port: '53', protocol: 'ANY' }], rules: { dns: [{ matchPattern: '*' }] } }],
      },
    ];
    expect(parse(fixOf('140.82.112.5')!.yaml)).toEqual(byName);
    expect(parse(fixOf('140.82.112.5')!.alsoNeeded!.yaml)).toEqual(dnsRule);
    // The artifact host's name is still listed: the DNS rule alone restores it.
    expect(parse(fixOf('185.199.108.133')!.yaml)).toEqual(dnsRule);
    expect(result.diagnostics.filter((d) => d.code === 'fix-not-offered')).toEqual([]);
  });
});

describe('fixes into the entry of `specs` that isolates the pod (issue 18, Fixes)', () => {
  const folder = 'fixtures/scenarios/cilium-specs';

  it('adds each rule to the list of the entry that isolates the pod, and a policy beside the {} default deny', async () => {
    const result = await check(`${folder}/base`, `${folder}/head`, `${folder}/flows.native.jsonl`);
    const fixOf = (from: string, port: number) =>
      result.flows?.broken.find((f) => 'name' in f.from && f.from.name === from && f.port === port)?.fix;
    // The api is isolated by specs[0] and by the default deny specs[2]: the rule joins specs[0].
    const worker = fixOf('worker', 8080);
    expect(worker).toMatchObject({
      policy: { kind: 'CiliumNetworkPolicy', namespace: 'shop', name: 'shop' },
      direction: 'ingress',
      specPath: ['specs', 0],
      line: 19,
      endLine: 19,
    });
    expect(worker?.alsoNeeded).toBeUndefined();
    expect(parse(worker!.yaml)).toEqual([
      {
        fromEndpoints: [{ matchLabels: { app: 'worker' } }],
        toPorts: [{ ports: [{ port: '8080', protocol: 'TCP' }] }],
      },
    ]);
    expect(describePatch(worker!)).toBe('add to specs[0].ingress of shop/shop (cilium.yaml:19)');
    // The patched policy keeps its three rules, the default deny as it was.
    const patched = parse(worker!.patchedPolicyYaml!) as { specs: Record<string, unknown>[] };
    expect(patched.specs.map((spec) => Object.keys(spec))).toEqual([
      ['description', 'endpointSelector', 'ingress'],
      ['description', 'endpointSelector', 'egress'],
      ['description', 'endpointSelector', 'ingress'],
    ]);
    expect(patched.specs[0]?.ingress).toHaveLength(2);
    expect(patched.specs[2]?.ingress).toEqual([{}]);
    // The api's egress in specs[1]; the database's ingress, isolated only by the default deny, in a policy beside.
    const database = fixOf('api', 5432);
    expect(database).toMatchObject({ direction: 'egress', specPath: ['specs', 1], line: 34 });
    expect(parse(database!.yaml)).toEqual([
      {
        toEndpoints: [{ matchLabels: { app: 'db' } }],
        toPorts: [{ ports: [{ port: '5432', protocol: 'TCP' }] }],
      },
    ]);
    expect(database?.alsoNeeded).toMatchObject({
      change: 'policy',
      direction: 'ingress',
      policy: { kind: 'CiliumNetworkPolicy', name: 'allow-ingress-from-api' },
    });
    expect(database?.alsoNeeded?.specPath).toBeUndefined();
  });
});

describe('the one-line edit a finding names, instead of a rule (issue 19, fix quality)', () => {
  for (const { folder, flows, line, replacement, rule } of [
    {
      folder: 'fixtures/scenarios/selector-typo',
      flows: 'flows.hubble.jsonl',
      line: 13,
      replacement: '            matchLabels: { app: web }',
      rule: 'peer-selects-nothing',
    },
    {
      folder: 'fixtures/scenarios/service-port',
      flows: 'flows.native.csv',
      line: 16,
      replacement: '        - { port: 8080 }',
      rule: 'service-port-not-container-port',
    },
  ]) {
    it(`${rule}: ${replacement.trim()}`, async () => {
      const result = await check(join(folder, 'base'), join(folder, 'head'), join(folder, flows));
      const finding = result.findings.find((f) => f.rule === rule);
      const [flow] = result.flows?.broken ?? [];
      expect(finding?.fix).toMatchObject({ change: 'edit', line, endLine: line, replacement });
      expect(flow?.fix).toEqual(finding?.fix);
    });
  }
});

describe('suggested fixes on the scenarios', () => {
  for (const { folder, flows } of SCENARIOS) {
    describe(folder, () => {
      const base = join(folder, 'base');
      const flowFile = join(folder, flows);

      it('suggests a schema-valid patch for every broken flow', async () => {
        const result = await check(base, join(folder, 'head'), flowFile);
        expect(result.flows?.broken.length).toBeGreaterThan(0);
        for (const flow of result.flows?.broken ?? []) expect(flow.fix, JSON.stringify(flow)).toBeDefined();
        for (const patch of patches(result)) {
          const loaded = parseManifestText(patch.patchedPolicyYaml ?? '', patch.file);
          expect(loaded.objects.map((o) => o.kind)).toEqual([patch.policy.kind]);
          expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        }
        expect(result.diagnostics.filter((d) => d.code === 'fix-not-offered')).toEqual([]);
      });

      it('fix --write makes the broken flows pass', async () => {
        const head = mkdtempSync(join(tmpdir(), 'netpol-guard-fix-'));
        cpSync(join(folder, 'head'), head, { recursive: true });
        const written = await cli(['fix', '--base', base, '--head', head, '--flows', flowFile, '--write']);
        expect(written.stderr).toBe('');
        expect(written.code).toBe(0);
        const after = await check(base, head, flowFile);
        expect(after.flows?.broken).toEqual([]);
        expect(after.findings.filter((f) => f.rule === 'dns-egress-missing')).toEqual([]);
      });
    });
  }
});

describe('fix on a commented file', () => {
  const folder = 'fixtures/fix/commented';
  const args = (head: string) => [
    'fix',
    '--base',
    `${folder}/base`,
    '--head',
    head,
    '--flows',
    `${folder}/flows.native.jsonl`,
  ];

  it('--write only inserts the rules: comments, quoting and other documents stay as they were', async () => {
    const head = mkdtempSync(join(tmpdir(), 'netpol-guard-fix-'));
    cpSync(join(folder, 'head'), head, { recursive: true });
    const { code, stdout } = await cli([...args(head), '--write']);
    expect(code).toBe(0);
    expect(stdout).toBe('policies.yaml: 2 rules added, 2 policies added\n');
    const before = readFileSync(join(folder, 'head', 'policies.yaml'), 'utf8');
    const after = readFileSync(join(head, 'policies.yaml'), 'utf8');
    await expect(after).toMatchFileSnapshot('__golden__/commented.policies.yaml.golden');
    // Every original line is still there, in order; the untouched file is byte-identical.
    const lines = after.split('\n');
    let next = 0;
    for (const line of before.split('\n')) {
      next = lines.indexOf(line, next) + 1;
      expect(next, line).toBeGreaterThan(0);
    }
    expect(readFileSync(join(head, 'app.yaml'), 'utf8')).toBe(
      readFileSync(join(folder, 'head', 'app.yaml'), 'utf8'),
    );
  });

  it('without --write prints the patches as a diff and changes nothing', async () => {
    const { code, stdout } = await cli(args(`${folder}/head`));
    expect(code).toBe(0);
    await expect(stdout).toMatchFileSnapshot('__golden__/commented.diff.golden');
  });

  it('says so when there is nothing to fix', async () => {
    const hardening = 'fixtures/scenarios/careful-hardening';
    const { code, stdout } = await cli([
      'fix',
      '--base',
      `${hardening}/base`,
      '--head',
      `${hardening}/head`,
      '--flows',
      `${hardening}/flows.hubble.jsonl`,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/No fix to suggest/);
  });
});
