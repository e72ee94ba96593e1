import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const DEMO_HEAD = 'fixtures/demo/head';

describe('reach', () => {
  it('prints the JSON contract: workloads, connections per (from, to, protocol), diagnostics', async () => {
    const { code, stdout } = await cli(['reach', DEMO_HEAD, '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['workloads', 'connections', 'diagnostics']);
    expect(report.workloads).toContainEqual({
      namespace: 'payments',
      kind: 'StatefulSet',
      name: 'payments-api',
      labels: { app: 'payments-api' },
    });
    expect(report.connections).toContainEqual({
      from: { namespace: 'shop', kind: 'Deployment', name: 'checkout' },
      to: { namespace: 'payments', kind: 'StatefulSet', name: 'payments-api' },
      protocol: 'TCP',
      ports: [[8443, 8443]],
    });
    expect(report.connections).toContainEqual({
      from: { namespace: 'payments', kind: 'StatefulSet', name: 'payments-api' },
      to: { cidr: '203.0.113.0/24' },
      protocol: 'TCP',
      ports: [[443, 443]],
    });
    // Default deny egress in payments: the ledger worker reaches nothing.
    expect(
      report.connections.filter((c: { from: { name?: string } }) => c.from.name === 'ledger-worker'),
    ).toEqual([]);
  });

  it('lists connections as text', async () => {
    const { code, stdout } = await cli(['reach', DEMO_HEAD]);
    expect(code).toBe(0);
    expect(stdout).toContain('shop/checkout -> payments/payments-api [StatefulSet] : TCP 8443\n');
  });

  it('says "all ports" for a pair that may use every port of every protocol', async () => {
    const { stdout } = await cli(['reach', DEMO_HEAD]);
    // data has no egress policy: postgres may reach the outside on everything (fixtures/demo/head/data/).
    expect(stdout).toContain('data/postgres [StatefulSet] -> 0.0.0.0/0 : all ports\n');
    expect(stdout).not.toContain('1-65535');
  });

  it('exits 1 with a diagnostic when input errors leave nothing to analyse', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-cli-'));
    writeFileSync(join(dir, 'broken.yaml'), 'kind: [unclosed\n');
    const { code, stdout, stderr } = await cli(['reach', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.yaml:\d+: error: /);
    expect(stdout + stderr).not.toMatch(/\n\s+at /);
  });
});

describe('explain', () => {
  it('explains a denied connection with the isolating policy and its file:line', async () => {
    const args = [
      'explain',
      DEMO_HEAD,
      '--from',
      'payments/ledger-worker',
      '--to',
      'payments/payments-api',
      '--port',
      '8443',
    ];
    const { code, stdout } = await cli(args);
    expect(code).toBe(0);
    expect(stdout).toContain('payments/ledger-worker -> payments/payments-api TCP/8443: DENIED');
    expect(stdout).toMatch(/egress of payments\/ledger-worker: isolated by 1 policy: denied/);
    expect(stdout).toMatch(
      /payments\/default-deny-egress \(fixtures\/demo\/head\/payments\/payments\.yaml:\d+\)/,
    );
  });

  it('explains an allowed connection to an external address', async () => {
    const args = [
      'explain',
      DEMO_HEAD,
      '--from',
      'payments/payments-api',
      '--to',
      '203.0.113.9',
      '--port',
      '443/tcp',
    ];
    const { code, stdout } = await cli([...args, '--format', 'json']);
    expect(code).toBe(0);
    const explanation = JSON.parse(stdout);
    expect(explanation.allowed).toBe(true);
    expect(explanation.egress.isolated).toBe(true);
    expect(explanation.ingress.isolated).toBe(false);
  });

  it('names each policy in JSON as the other reports do: kind, namespace, name and location', async () => {
    const { code, stdout } = await cli([
      'explain',
      DEMO_HEAD,
      '--from',
      'payments/ledger-worker',
      '--to',
      'payments/payments-api',
      '--port',
      '8443',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const [policy] = JSON.parse(stdout).egress.policies;
    expect(policy.policy).toEqual({
      kind: 'NetworkPolicy',
      namespace: 'payments',
      name: 'default-deny-egress',
      location: { file: 'fixtures/demo/head/payments/payments.yaml', line: 106, column: 1 },
    });
    expect(policy.rules).toEqual([]);
  });
});

describe('explain to a peer outside the repository (issue 17 item 6)', () => {
  const explain = (tree: string, to: string, port: string) =>
    cli([
      'explain',
      `fixtures/diff/peers-outside/${tree}`,
      '--from',
      'payments/api',
      '--to',
      to,
      '--port',
      port,
    ]);

  it('takes NS/KEY=VALUE for pods the tree does not show, evaluated with those labels', async () => {
    const dns = await explain('base', 'kube-system/k8s-app=kube-dns', '53/udp');
    expect(dns.code).toBe(0);
    expect(dns.stdout).toContain('payments/api -> kube-system/k8s-app=kube-dns UDP/53: ALLOWED');
    const cut = await explain('head', 'payments-db/app=postgres', '5432');
    expect(cut.stdout).toContain('payments/api -> payments-db/app=postgres TCP/5432: DENIED');
    expect(cut.stdout).toMatch(/egress of payments\/api: isolated by 1 policy: denied/);
  });

  it('says no policy applies to an external address, rather than "not isolated"', async () => {
    const { stdout } = await explain('base', '203.0.113.9', '443');
    expect(stdout).toContain('ingress of 203.0.113.9: external address: no policy applies to it');
    expect(stdout).not.toContain('not isolated');
  });

  it('reach lists the paths to them', async () => {
    const { stdout } = await cli(['reach', 'fixtures/diff/peers-outside/base']);
    expect(stdout).toContain(
      'payments/api -> any pod app=postgres in namespace payments-db (not in this repository) : TCP 5432',
    );
  });

  it('refuses a label list it cannot read', async () => {
    const { code, stderr } = await explain('base', 'kube-system/k8s-app=a=b', '53');
    expect(code).not.toBe(0);
    expect(stderr).toContain('write NS/KEY=VALUE');
  });
});

describe('explain through the admin tier', () => {
  it('names the cluster policy rule that decided, not the NetworkPolicy it overrides', async () => {
    const tree = 'fixtures/manifests/admin-deny-explain';
    const { code, stdout } = await cli([
      'explain',
      tree,
      '--from',
      'other/web',
      '--to',
      'sensitive-ns/db',
      '--port',
      '5432',
    ]);
    expect(code).toBe(0);
    const rule =
      'ClusterNetworkPolicy cluster-wide-deny-example, priority 10, ingress[0] "select-all-deny-all" deny ' +
      '(fixtures/manifests/admin-deny-explain/cluster.yaml:15)';
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'other/web -> sensitive-ns/db TCP/5432: DENIED',
      `  why: ingress of sensitive-ns/db is denied by ${rule}`,
    ]);
    expect(stdout).toContain(`  ingress of sensitive-ns/db: denied by the admin tier: ${rule}`);
  });
});

describe('explain of a connection a CiliumNetworkPolicy deny decides', () => {
  it('names the deny rule that beats the NetworkPolicy allow', async () => {
    const { code, stdout } = await cli([
      'explain',
      'fixtures/engine/cilium-deny',
      '--from',
      'app/client',
      '--to',
      'app/server',
      '--port',
      '80',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '  why: ingress of app/server is denied by app/deny-80 ingressDeny[0] (fixtures/engine/cilium-deny/manifests.yaml:54)',
    );
    expect(stdout).toContain('      ingressDeny[0] (fixtures/engine/cilium-deny/manifests.yaml:54): denies');
  });
});

describe('explain of a toFQDNs rule without DNS answers (issue 18)', () => {
  it('says the verdict depends on DNS and names the DNS names the rule allows', async () => {
    const { code, stdout } = await cli([
      'explain',
      'fixtures/engine/cilium-fqdn',
      '--from',
      'alliance/client',
      '--to',
      '104.198.14.52',
      '--port',
      '80',
    ]);
    expect(code).toBe(0);
    const file = 'fixtures/engine/cilium-fqdn/manifests.yaml';
    expect(stdout).toContain('alliance/client -> 104.198.14.52 TCP/80: DENIED (unknown: depends on DNS)\n');
    expect(stdout).toContain(
      `(unknown: depends on DNS: alliance/tofqdn-dns-visibility-rule egress[1] at ${file}:46 allows DNS names ` +
        'matching cilium.io, sub.cilium.io, service1.api.cilium.io, special*service.api.cilium.io (addresses ' +
        'known only from DNS answers), and no DNS answer recorded says whether this is one)',
    );
    expect(stdout).toContain(
      `      egress[1] (${file}:46): unknown: depends on DNS (DNS names matching cilium.io, sub.cilium.io, ` +
        'service1.api.cilium.io, special*service.api.cilium.io (addresses known only from DNS answers))',
    );
  });
});

describe("explain of a selector on a label Cilium's identity filter drops", () => {
  it('says which label, where the rule would otherwise match the peer', async () => {
    const { code, stdout } = await cli([
      'explain',
      'fixtures/engine/cilium-identity-labels',
      '--from',
      'shop/web',
      '--to',
      'shop/api',
      '--port',
      '8080',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('shop/web -> shop/api TCP/8080: DENIED');
    expect(stdout).toContain(
      '(shop/api ingress[0] at fixtures/engine/cilium-identity-labels/manifests.yaml:65 selects the pod by ' +
        "pod-template-hash, which Cilium's identity label filter leaves out, so it matches no pod)",
    );
    expect(stdout).toContain(
      "        it would select shop/web by pod-template-hash, but Cilium's identity label filter leaves that out " +
        'of every identity (cilium.identityLabels): no selector matches it on Cilium',
    );
  });
});

describe('explain of an ipBlock that covers the address a pod is stated to have', () => {
  const explain = (cni: string) =>
    cli([
      'explain',
      'fixtures/engine/cilium-cni',
      '--cni',
      cni,
      '--from',
      'shop/stray',
      '--to',
      'shop/db',
      '--port',
      '5432',
    ]);
  const rule = 'ingress[0] (fixtures/engine/cilium-cni/manifests.yaml:50)';

  it('under cni: cilium says the ipBlock matches no pod, where it decides the denial', async () => {
    const { code, stdout } = await explain('cilium');
    expect(code).toBe(0);
    expect(stdout).toContain('shop/stray -> shop/db TCP/5432: DENIED');
    expect(stdout).toContain(
      `names 10.0.0.0/8, which covers the pod's stated address 10.1.0.7, but on Cilium a CIDR rule or ipBlock ` +
        'matches no pod)',
    );
    expect(stdout).toContain(`      ${rule}: peer does not match`);
    expect(stdout).toContain(
      "        10.0.0.0/8 covers shop/stray's stated address 10.1.0.7, but on Cilium (cni: cilium) a CIDR rule or " +
        'ipBlock matches no pod: only endpoint selectors do',
    );
  });

  it('under cni: generic says the ipBlock matches the pod by that address', async () => {
    const { stdout } = await explain('generic');
    expect(stdout).toContain('shop/stray -> shop/db TCP/5432: ALLOWED');
    expect(stdout).toContain(`      ${rule}: allows`);
    expect(stdout).toContain(
      '        10.0.0.0/8 matches shop/stray by its stated address 10.1.0.7 (cni: generic: an ipBlock matches the ' +
        'addresses pods are stated to have; on Cilium it would match no pod)',
    );
  });
});

describe('explain next to a policy of a kind not analysed', () => {
  const tree = 'fixtures/manifests/unanalysed-explain';
  it('says that the verdict leaves out the Calico NetworkPolicy of the namespace', async () => {
    const { code, stdout } = await cli([
      'explain',
      tree,
      '--from',
      'tenant/api',
      '--to',
      'tenant/web',
      '--port',
      '80',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('tenant/api -> tenant/web TCP/80: ALLOWED');
    expect(stdout).toContain(
      '  caveat: NetworkPolicy tenant/isolate-tenant (projectcalico.org/v3, ' +
        'fixtures/manifests/unanalysed-explain/tenant.yaml:51) is not analysed and may change this verdict',
    );
  });

  it('gives the caveat in JSON, and none for namespaces the policy cannot touch', async () => {
    const json = await cli([
      'explain',
      tree,
      '--from',
      'tenant/api',
      '--to',
      'tenant/web',
      '--port',
      '80',
      '--format',
      'json',
    ]);
    expect(JSON.parse(json.stdout).caveats).toHaveLength(1);
    const elsewhere = await cli([
      'explain',
      tree,
      '--from',
      'elsewhere/other',
      '--to',
      '192.0.2.1',
      '--port',
      '80',
    ]);
    expect(elsewhere.stdout).not.toContain('caveat');
  });
});

describe('explain with a hostNetwork pod (issue 17, item 7)', () => {
  const tree = 'fixtures/manifests/host-network-explain';
  it('says that policies do not apply to its traffic on most CNIs, and keeps the verdict np-guard gives', async () => {
    const { code, stdout } = await cli([
      'explain',
      tree,
      '--from',
      'monitoring/prometheus',
      '--to',
      'monitoring/node-exporter',
      '--port',
      '9100',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('monitoring/prometheus -> monitoring/node-exporter TCP/9100: DENIED');
    expect(stdout).toContain(
      '  caveat: monitoring/node-exporter runs with hostNetwork: true: on most CNIs network policies do not apply ' +
        "to its traffic, which uses the node's address",
    );
  });

  it('says what the engine made of it with cni: cilium (fixtures/manifests/host-network-cni)', async () => {
    const { stdout } = await cli([
      'explain',
      'fixtures/manifests/host-network-cni',
      '--cni',
      'cilium',
      '--from',
      'monitoring/prometheus',
      '--to',
      'monitoring/node-exporter',
      '--port',
      '9100',
    ]);
    expect(stdout).toContain('monitoring/prometheus -> monitoring/node-exporter TCP/9100: DENIED');
    expect(stdout).toContain(
      '  caveat: monitoring/node-exporter runs with hostNetwork: true: with cni: cilium it is its node to the ' +
        'policies, so none isolates it and no pod or namespace selector matches it',
    );
  });

  it('gives no such caveat between pods on the pod network', async () => {
    const { stdout } = await cli([
      'explain',
      tree,
      '--from',
      'monitoring/prometheus',
      '--to',
      '192.0.2.1',
      '--port',
      '443',
      '--format',
      'json',
    ]);
    expect(JSON.parse(stdout).caveats).toBeUndefined();
  });
});

describe('the cni setting (issue 16, section 4)', () => {
  const tree = 'fixtures/engine/cilium-endpoints';
  const diagnostics = async (...extra: string[]) =>
    (
      JSON.parse((await cli(['reach', tree, '--format', 'json', ...extra])).stdout) as {
        diagnostics: { code?: string; message: string; file?: string; line?: number }[];
      }
    ).diagnostics;

  it('assumes the one CNI whose policy kinds the tree holds, in one info at the first of them', async () => {
    const assumed = (await diagnostics()).filter((d) => d.message.includes('assumes cni'));
    expect(assumed).toHaveLength(1);
    expect(assumed[0]).toMatchObject({ severity: 'info', file: `${tree}/manifests.yaml`, line: 51 });
    expect(assumed[0]!.message).toContain('the analysis assumes cni: cilium');
  });

  it('assumes nothing when --cni says which', async () => {
    expect((await diagnostics('--cni', 'generic')).filter((d) => d.message.includes('assumes cni'))).toEqual(
      [],
    );
  });
});

describe('check --max-run-seconds', () => {
  it('at 0 stops before reading anything, exits 1 and still prints the report saying why', async () => {
    const args = ['check', '--base', 'fixtures/demo/base', '--head', DEMO_HEAD, '--max-run-seconds', '0'];
    const { code, stdout } = await cli([...args, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.verdict).toBe('fail');
    expect(report.reasons).toEqual([
      'the analysis passed limit maxRunSeconds (0 s) and stopped before reading the manifests',
    ]);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['reach', DEMO_HEAD, '--format', 'yaml'], /--format must be one of text, json/],
    [['explain', DEMO_HEAD, '--from', 'shop/frontend', '--to', 'shop/cart'], /--port is required/],
    [
      ['explain', DEMO_HEAD, '--from', 'shop/frontend', '--to', 'shop/cart', '--port', '70000'],
      /--port must be/,
    ],
    [['explain', DEMO_HEAD, '--from', 'shop/nope', '--to', 'shop/cart', '--port', '80'], /no such workload/],
    [['check', '--head', DEMO_HEAD], /--base DIR or as --base-ref REF/],
    [['lint', DEMO_HEAD, '--fail-on', 'sometimes'], /--fail-on must be one of/],
    [['reach', DEMO_HEAD, '--no-such-option'], /Unknown option/],
    [['lint', DEMO_HEAD, '--cni', 'flannel'], /--cni must be one of generic, cilium, calico/],
    [
      ['check', '--base', 'fixtures/demo/base', '--head', DEMO_HEAD, '--max-run-seconds', '90000'],
      /--max-run-seconds takes a number of seconds from 0 to 86400/,
    ],
  ])('%j', async (args, message) => {
    const { code, stderr } = await cli(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('lint', () => {
  it('fails on errors by default and passes with --fail-on never', async () => {
    expect((await cli(['lint', DEMO_HEAD])).code).toBe(1);
    expect((await cli(['lint', DEMO_HEAD, '--fail-on', 'never'])).code).toBe(0);
  });

  it('passes on the base tree, whose findings are warnings and infos only', async () => {
    const { code, stdout } = await cli(['lint', 'fixtures/demo/base', '--format', 'json']);
    expect(code).toBe(0);
    const rules = JSON.parse(stdout).findings.map((f: { rule: string; severity: string }) => f.severity);
    expect(rules).not.toContain('error');
  });
});

describe('trees without workloads (issue 17 item 9)', () => {
  const TREE = 'fixtures/partial/kustomize-tree';

  it('reach says there is nothing to connect, and the hint names the render command', async () => {
    const { code, stdout, stderr } = await cli(['reach', TREE]);
    expect(code).toBe(0);
    expect(stdout).toBe('no workloads in these manifests: nothing to connect\n');
    expect(stderr).toContain(
      "this looks like a kustomize tree (2 kustomization files, such as fixtures/partial/kustomize-tree/overlays/prod/kustomization.yaml) and holds no workloads: analyse its rendered output instead, e.g. `--render 'kustomize build fixtures/partial/kustomize-tree/overlays/prod'`",
    );
  });

  it('check --render analyses what the command prints in each tree, as the Action does', async () => {
    const raw = JSON.parse((await cli(['check', '--base', TREE, '--head', TREE, '--format', 'json'])).stdout);
    expect(raw.diagnostics.map((d: { code: string }) => d.code)).toContain('unrendered-tree');

    const args = ['check', '--base', TREE, '--head', TREE, '--render', 'sh render.sh', '--format', 'json'];
    const { code, stdout } = await cli(args);
    expect(code).toBe(0);
    const rendered = JSON.parse(stdout);
    expect(rendered.diagnostics.map((d: { code: string }) => d.code)).not.toContain('unrendered-tree');
    // The rendered Deployments are analysed: their findings point into the render output.
    expect(rendered.findings.length).toBeGreaterThan(0);
    expect(new Set(rendered.findings.map((f: { file: string }) => f.file))).toEqual(
      new Set(['render output']),
    );
  });

  it('explain says a named port towards pods outside the tree is resolved on the pod (issue 17 item 6)', async () => {
    const tree = 'fixtures/partial/named-port-representative/base';
    const args = [
      'explain',
      tree,
      '--from',
      'payments/api',
      '--to',
      'payments-db/app=postgres',
      '--port',
      '5432',
    ];
    const { stdout } = await cli(args);
    expect(stdout).toContain(
      "payments/api -> payments-db/app=postgres TCP/5432: DENIED unless the pod's named port sql is 5432\n",
    );
    expect(stdout).toContain(
      'peer matches; named port sql is resolved on the pod, which this repository does not hold',
    );
  });

  it('check --render fails with the command named when it fails', async () => {
    const { code, stderr } = await cli(['check', '--base', TREE, '--head', TREE, '--render', 'exit 3']);
    expect(code).toBe(1);
    expect(stderr).toContain('render command "exit 3" exited with code 3');
  });
});

describe('explain and reach with Cilium entities (issue 18)', () => {
  const tree = 'fixtures/scenarios/cilium-apiserver-entity';
  const explain = (side: string, from: string, to: string, port: string) =>
    cli(['explain', `${tree}/${side}`, '--from', from, '--to', to, '--port', port]);

  it('explains a path to the kube-apiserver entity, allowed by toEntities and not by a CIDR rule', async () => {
    const base = await explain('base', 'ops/operator', 'entity:kube-apiserver', '6443');
    expect(base.stdout).toContain('ops/operator -> entity:kube-apiserver TCP/6443: ALLOWED');
    expect(base.stdout).toContain(
      '      egress[0] (fixtures/scenarios/cilium-apiserver-entity/base/operator.yaml:27): allows',
    );
    expect(base.stdout).toContain(
      '  ingress of entity:kube-apiserver: a Cilium entity, which no pod policy applies to (host policies are not ' +
        'evaluated): allowed',
    );
    const head = await explain('head', 'ops/operator', 'entity:kube-apiserver', '6443');
    expect(head.stdout).toContain('ops/operator -> entity:kube-apiserver TCP/6443: DENIED');
    expect(head.stdout).toContain(
      '      egress[0] (fixtures/scenarios/cilium-apiserver-entity/head/operator.yaml:28): peer does not match',
    );
  });

  it('lets the local host through an isolated ingress and says why', async () => {
    const { stdout } = await explain('head', 'entity:host', 'ops/operator', '8081');
    expect(stdout).toContain('entity:host -> ops/operator TCP/8081: ALLOWED');
    expect(stdout).toContain(
      "    entity:host is ops/operator's local node, which Cilium lets through whatever the allows say " +
        '(allow-localhost); only a deny stops it',
    );
    const remote = await explain('head', 'entity:remote-node', 'ops/operator', '8081');
    expect(remote.stdout).toContain('entity:remote-node -> ops/operator TCP/8081: DENIED');
  });

  it('names the entities explain knows when one is misspelt', async () => {
    const { code, stderr } = await explain('head', 'ops/operator', 'entity:apiserver', '6443');
    expect(code).toBe(2);
    expect(stderr).toContain('write entity:NAME[+NAME] with NAME one of host, remote-node, kube-apiserver');
  });

  it('reaches the entities the rules name, and no entity from another', async () => {
    const { stdout } = await cli(['reach', `${tree}/base`]);
    expect(stdout).toContain(
      'ops/operator -> entity:kube-apiserver (the Kubernetes API server) : TCP 6443\n',
    );
    expect(stdout).not.toMatch(/^entity:kube-apiserver .* -> (entity|0\.0\.0\.0)/m);
  });
});

describe('explain and reach with toFQDNs names as peers (issue 18)', () => {
  const tree = 'fixtures/engine/cilium-fqdn-names';
  const file = `${tree}/manifests.yaml`;
  const explain = (from: string, to: string, port: string) =>
    cli(['explain', tree, '--from', from, '--to', to, '--port', port]);

  it('explains a path to a name a toFQDNs rule lists', async () => {
    const { code, stdout } = await explain('alliance/client', 'dns:cilium.io', '80');
    expect(code).toBe(0);
    expect(stdout).toContain('alliance/client -> dns:cilium.io TCP/80: ALLOWED\n');
    expect(stdout).toContain(`      egress[1] (${file}:57): allows\n`);
    expect(stdout).toContain(
      '  ingress of dns:cilium.io: addresses outside the cluster, which no pod policy applies to: allowed',
    );
  });

  it('says a listed name without DNS visibility allows nothing', async () => {
    const { stdout } = await explain('default/test-app', 'dns:my-remote-service.com', '443');
    expect(stdout).toContain('default/test-app -> dns:my-remote-service.com TCP/443: DENIED\n');
    expect(stdout).toContain(
      `(default/to-fqdn egress[1] at ${file}:79 lists it, but no DNS rule on port 53 sends these pods' DNS for it ` +
        "through Cilium's proxy, so the rule learns none of its addresses)",
    );
  });

  it('says a CIDR rule that may hold the addresses leaves the verdict to DNS', async () => {
    const { stdout } = await explain('web/cidr-narrow', 'dns:cilium.io', '443');
    expect(stdout).toContain('web/cidr-narrow -> dns:cilium.io TCP/443: DENIED (unknown: depends on DNS)\n');
    expect(stdout).toContain(
      `      egress[0] (${file}:168): unknown: depends on DNS (0.0.0.0/0 except 10.0.0.0/8, ::/0 may or may not ` +
        'hold the addresses DNS answers for it)',
    );
  });

  it('says how to write a DNS name peer, and that it is a destination only', async () => {
    const { code, stderr } = await explain('alliance/client', 'dns:', '80');
    expect(code).toBe(2);
    expect(stderr).toContain('write dns:NAME or dns:PATTERN');
    const from = await explain('dns:cilium.io', 'alliance/client', '80');
    expect(from.code).toBe(2);
    expect(from.stderr).toContain('a DNS name peer is a destination only (toFQDNs rules are egress)');
  });

  it('reaches the names the rules list, and never from a name', async () => {
    const { stdout } = await cli(['reach', tree]);
    expect(stdout).toContain(
      'alliance/client [Pod] -> dns:special*service.api.cilium.io (the addresses DNS answers for names matching ' +
        'it) : TCP 80\n',
    );
    expect(stdout).toContain(
      'web/world [Pod] -> dns:my-remote-service.com (the addresses DNS answers for it) : TCP 443\n',
    );
    expect(stdout).not.toContain('default/test-app [Pod] -> dns:');
    expect(stdout).not.toMatch(/^dns:/m);
    expect(stdout).not.toMatch(/^(0\.0\.0\.0\/0|::\/0) -> dns:/m);
  });
});
