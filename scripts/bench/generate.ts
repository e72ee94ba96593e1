import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

/**
 * A deterministic GitOps tree and Hubble export for the benchmark: the shapes a platform team really has (teams and
 * environments as namespace labels, apps made of several versioned workloads with named ports, a default deny and a
 * DNS allowance per namespace, per-app ingress and egress with same- and cross-namespace peers, some internet egress,
 * three namespaces without any policy in the larger trees), and a flow log recorded along the paths those policies
 * allow and deny. The head side changes a few percent of the app policies: some tighten, some open, one namespace
 * forgets DNS. A few dozen cluster policies (ClusterNetworkPolicy v1alpha2, Admin and Baseline tiers) sit above and below them.
 * One team in five writes Cilium's policies (CiliumNetworkPolicy) instead of NetworkPolicies, and two
 * CiliumClusterwideNetworkPolicies deny the metadata endpoint and let monitoring scrape every pod: the trees are
 * analysed with `cni: cilium` (a `.netpol-guard.yaml` at each side's root), as the Hubble log is Cilium's.
 */

export interface BenchSize {
  name: string;
  workloads: number;
  flowLines: number;
}

export const BENCH_SIZES: Readonly<Record<string, BenchSize>> = {
  small: { name: 'small', workloads: 120, flowLines: 6_000 },
  medium: { name: 'medium', workloads: 2_000, flowLines: 200_000 },
  large: { name: 'large', workloads: 10_000, flowLines: 1_000_000 },
};

/** What was written, for the benchmark's report and the generator's test. */
export interface GeneratedTree {
  base: string;
  head: string;
  flows: string;
  namespaces: number;
  workloads: number;
  basePolicies: number;
  headPolicies: number;
  /** App policies the head side edits, by kind of edit, and the namespace whose DNS allowance head drops. */
  changes: { tightened: string[]; opened: string[]; internet: string[]; dnsDropped: string };
  flowLines: number;
  flowBytes: number;
}

const WORKLOADS_PER_NAMESPACE = 25;
/**
 * Namespaces (dev sandboxes) that have no policy at all, in a tree with at least 25 namespaces per sandbox: every pod
 * there is open. Every other namespace has a default deny. A fixed number, not a share: with one namespace in 25
 * open, every sandbox pod reached every other sandbox pod and every path opened to any namespace, so connections
 * and opened paths grew with the square of the tree (x17 and x23 from medium to large for x5 workloads), which
 * measured the output's size rather than how the check scales.
 */
const OPEN_NAMESPACES = 3;
const NAMESPACES_PER_OPEN_NAMESPACE = 25;
/** Share of app policies the head side edits. */
const CHANGED_POLICY_SHARE = 0.03;
const TEAMS = 40;
/** One team in this many writes CiliumNetworkPolicies (which ones: from the seed). */
const CILIUM_TEAM_EVERY = 5;
const ENVS = ['prod', 'staging', 'dev'] as const;
const TIERS = ['frontend', 'backend', 'data'] as const;
type Tier = (typeof TIERS)[number];

const SERVING_PORT: Record<Tier, { name: string; port: number }> = {
  frontend: { name: 'http', port: 8080 },
  backend: { name: 'grpc', port: 9000 },
  data: { name: 'sql', port: 5432 },
};
const METRICS_PORT = { name: 'metrics', port: 9090 };
const DNS_NAMESPACE = 'kube-system';
const DNS_LABELS = { 'k8s-app': 'kube-dns' };
const MONITORING = 'monitoring';
const INGRESS_NAMESPACE = 'ingress-nginx';
/** The cluster's name (Cilium's `cluster-name`), in the flows' labels and the trees' config. */
const CLUSTER = 'prod-eu-1';

/** Small, fast, seeded PRNG (mulberry32): the same seed gives the same tree on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PlannedNamespace {
  name: string;
  team: string;
  env: (typeof ENVS)[number];
  open: boolean;
  /** Whether its policies are CiliumNetworkPolicies (a team's choice) rather than NetworkPolicies. */
  cilium: boolean;
  apps: PlannedApp[];
  /** First octets of the namespace's pod addresses. */
  subnet: string;
}

interface PlannedPod {
  name: string;
  ip: string;
  node: string;
}

interface PlannedWorkload {
  app: PlannedApp;
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  version: string;
  labels: Record<string, string>;
  templateHash: string;
  pods: PlannedPod[];
}

interface PlannedApp {
  namespace: PlannedNamespace;
  name: string;
  tier: Tier;
  workloads: PlannedWorkload[];
  /** Apps this one calls (egress allowed at base; ingress allowed at the callee). */
  callees: PlannedApp[];
  callers: PlannedApp[];
  /** Internet egress on 443 (except the cluster and the metadata endpoint). */
  internet: boolean;
}

interface Plan {
  namespaces: PlannedNamespace[];
  apps: PlannedApp[];
  workloads: PlannedWorkload[];
  prometheus: PlannedWorkload;
  ingressController: PlannedWorkload;
  dnsPods: PlannedPod[];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function suffix(random: () => number, length: number): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

function plan(size: BenchSize, random: () => number): Plan {
  const namespaceCount = Math.max(2, Math.ceil(size.workloads / WORKLOADS_PER_NAMESPACE));
  const openCount = Math.min(OPEN_NAMESPACES, Math.floor(namespaceCount / NAMESPACES_PER_OPEN_NAMESPACE));
  // Spread through the tree, each the last of its stretch of namespaces.
  const openEvery = openCount === 0 ? Infinity : Math.floor(namespaceCount / openCount);
  const namespaces: PlannedNamespace[] = [];
  const apps: PlannedApp[] = [];
  const workloads: PlannedWorkload[] = [];
  const nodeCount = Math.max(3, Math.ceil(size.workloads / 100));
  const node = () => `node-${Math.floor(random() * nodeCount)}`;
  const podsOf = (
    namespace: PlannedNamespace,
    name: string,
    count: number,
    stateful: boolean,
    hash: string,
  ) =>
    Array.from({ length: count }, (_, i): PlannedPod => {
      const host = workloads.length * 4 + i + 2;
      return {
        name: stateful ? `${name}-${i}` : `${name}-${hash}-${suffix(random, 5)}`,
        // A /24 per namespace; a namespace holds far fewer than 250 pods, so its hosts never repeat.
        ip: `${namespace.subnet}.${(host % 250) + 1}`,
        node: node(),
      };
    });

  // Small trees, of fewer teams, still get one.
  const ciliumTeams = Math.floor(random() * Math.min(CILIUM_TEAM_EVERY, namespaceCount));
  let remaining = size.workloads;
  for (let n = 0; n < namespaceCount && remaining > 0; n++) {
    const team = `team-${n % TEAMS}`;
    const open = n % openEvery === openEvery - 1 && n < openEvery * openCount;
    const env = open ? 'dev' : ENVS[n % 2]!;
    const namespace: PlannedNamespace = {
      name: `${team}-${env}-${n}`,
      team,
      env,
      open,
      cilium: (n % TEAMS) % CILIUM_TEAM_EVERY === ciliumTeams,
      apps: [],
      subnet: `10.${1 + (n >> 8)}.${n & 255}`,
    };
    namespaces.push(namespace);
    let inNamespace = Math.min(remaining, WORKLOADS_PER_NAMESPACE);
    remaining -= inNamespace;
    for (let a = 0; inNamespace > 0; a++) {
      const tier = TIERS[a % TIERS.length]!;
      const app: PlannedApp = {
        namespace,
        name: `${tier}-${a}`,
        tier,
        workloads: [],
        callees: [],
        callers: [],
        internet: tier === 'backend' && random() < 0.3,
      };
      const versions = Math.min(inNamespace, 1 + Math.floor(random() * 4));
      inNamespace -= versions;
      for (let v = 0; v < versions; v++) {
        const version = `v${v + 1}`;
        const kind = tier === 'data' ? 'StatefulSet' : 'Deployment';
        const name = `${app.name}-${version}`;
        const templateHash = suffix(random, 10);
        const workload: PlannedWorkload = {
          app,
          kind,
          name,
          version,
          templateHash,
          labels: {
            app: app.name,
            tier,
            version,
            'app.kubernetes.io/name': app.name,
            'app.kubernetes.io/part-of': team,
          },
          pods: podsOf(namespace, name, 1 + Math.floor(random() * 3), kind === 'StatefulSet', templateHash),
        };
        app.workloads.push(workload);
        workloads.push(workload);
      }
      namespace.apps.push(app);
      apps.push(app);
    }
  }

  // Calls go down the tiers inside a namespace, and from a backend to a backend of the same team elsewhere.
  for (const app of apps) {
    const { namespace } = app;
    const lower = namespace.apps.filter((other) => TIERS.indexOf(other.tier) === TIERS.indexOf(app.tier) + 1);
    for (let i = 0; i < 2 && lower.length > 0; i++) link(app, pick(random, lower));
    if (app.tier === 'backend' && random() < 0.3) {
      const peers = namespaces.filter((other) => other.team === namespace.team && other !== namespace);
      const target = peers.length > 0 ? pick(random, peers) : undefined;
      const backend = target?.apps.find((other) => other.tier === 'backend');
      if (backend) link(app, backend);
    }
  }

  const platform = (namespaceName: string, name: string, labels: Record<string, string>): PlannedWorkload => {
    const namespace: PlannedNamespace = {
      name: namespaceName,
      team: 'platform',
      env: 'prod',
      open: false,
      cilium: false,
      apps: [],
      subnet: `10.250.${namespaceName === MONITORING ? 1 : 2}`,
    };
    const app: PlannedApp = {
      namespace,
      name,
      tier: 'backend',
      workloads: [],
      callees: [],
      callers: [],
      internet: false,
    };
    const hash = suffix(random, 10);
    const workload: PlannedWorkload = {
      app,
      kind: 'Deployment',
      name,
      version: 'v1',
      templateHash: hash,
      labels,
      pods: podsOf(namespace, name, 2, false, hash),
    };
    app.workloads.push(workload);
    namespace.apps.push(app);
    return workload;
  };
  const prometheus = platform(MONITORING, 'prometheus', { app: 'prometheus' });
  const ingressController = platform(INGRESS_NAMESPACE, 'ingress-nginx-controller', {
    'app.kubernetes.io/name': 'ingress-nginx',
  });
  const dnsPods = ['coredns-5d78c9869d-h8m2x', 'coredns-5d78c9869d-q4s7t'].map((name, i) => ({
    name,
    ip: `10.250.0.${10 + i}`,
    node: `node-${i}`,
  }));
  return { namespaces, apps, workloads, prometheus, ingressController, dnsPods };
}

function link(caller: PlannedApp, callee: PlannedApp): void {
  if (caller.callees.includes(callee)) return;
  caller.callees.push(callee);
  callee.callers.push(caller);
}

// ---------------------------------------------------------------------------------------------------------------
// Manifests

type Yaml = string | number | boolean | Yaml[] | { [key: string]: Yaml };

const PLAIN_SCALAR = /^[A-Za-z][\w./-]*$/;
const RESERVED_WORDS = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/** Block-style YAML as people write it (a parser reads it differently from JSON, so the bench must too). */
export function toYaml(value: Yaml, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value.map((item) => `\n${indent}- ${toYaml(item, `${indent}  `).replace(/^\n\s*/, '')}`).join('');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return entries
      .map(([key, item]) => {
        const text = toYaml(item, `${indent}  `);
        return `\n${indent}${scalar(key)}:${text.startsWith('\n') ? '' : ' '}${text}`;
      })
      .join('');
  }
  return scalar(value);
}

function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return PLAIN_SCALAR.test(value) && !RESERVED_WORDS.test(value) ? value : JSON.stringify(value);
}

function document(value: Yaml): string {
  return `---${toYaml(value)}\n`;
}

const port = (name: string) => ({ port: name });
/** The peer item naming `peer`'s pods in a policy of `owner`: a podSelector alone at home, else AND-ed selectors. */
const appPeer = (peer: PlannedApp, owner: PlannedApp): Yaml =>
  peer.namespace === owner.namespace
    ? { podSelector: { matchLabels: { app: peer.name } } }
    : {
        namespaceSelector: { matchLabels: { team: peer.namespace.team, env: peer.namespace.env } },
        podSelector: { matchLabels: { app: peer.name } },
      };

function workloadManifest(workload: PlannedWorkload): Yaml {
  const { app } = workload;
  const serving = SERVING_PORT[app.tier];
  const template = {
    metadata: { labels: workload.labels },
    spec: {
      containers: [
        {
          name: app.name,
          image: `registry.example.com/${app.namespace.team}/${app.name}:${workload.version}.4.2`,
          ports: [
            { name: serving.name, containerPort: serving.port, protocol: 'TCP' },
            { name: METRICS_PORT.name, containerPort: METRICS_PORT.port, protocol: 'TCP' },
          ],
        },
      ],
    },
  };
  return {
    apiVersion: 'apps/v1',
    kind: workload.kind,
    metadata: { name: workload.name, namespace: app.namespace.name, labels: { app: app.name } },
    spec: {
      replicas: workload.pods.length,
      selector: { matchLabels: { app: app.name, version: workload.version } },
      ...(workload.kind === 'StatefulSet' ? { serviceName: app.name } : {}),
      template,
    },
  };
}

function serviceManifest(app: PlannedApp): Yaml {
  const serving = SERVING_PORT[app.tier];
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: app.name, namespace: app.namespace.name },
    spec: {
      selector: { app: app.name },
      ports: [{ name: serving.name, port: serving.port, targetPort: serving.name, protocol: 'TCP' }],
    },
  };
}

type PolicyEdit = 'tighten' | 'open' | 'internet' | undefined;

function appPolicy(app: PlannedApp, plan: Plan, edit: PolicyEdit): Yaml {
  const serving = SERVING_PORT[app.tier];
  const callers = edit === 'tighten' ? app.callers.slice(1) : app.callers;
  const ingress: Yaml[] = [];
  if (callers.length > 0)
    ingress.push({ from: callers.map((caller) => appPeer(caller, app)), ports: [port(serving.name)] });
  if (app.tier === 'frontend') {
    ingress.push({
      from: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': INGRESS_NAMESPACE } },
          podSelector: { matchLabels: plan.ingressController.labels },
        },
      ],
      ports: [port(serving.name)],
    });
  }
  ingress.push({
    from: [
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': MONITORING } },
        podSelector: { matchLabels: plan.prometheus.labels },
      },
    ],
    ports: [port(METRICS_PORT.name)],
  });
  if (edit === 'open') ingress.push({ from: [{ namespaceSelector: {} }], ports: [port(serving.name)] });

  const egress: Yaml[] = app.callees.map((callee) => ({
    to: [appPeer(callee, app)],
    ports: [port(SERVING_PORT[callee.tier].name)],
  }));
  if (app.internet || edit === 'internet') {
    egress.push({
      to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '169.254.169.254/32'] } }],
      ports: [{ protocol: 'TCP', port: 443 }],
    });
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: app.name, namespace: app.namespace.name, labels: { team: app.namespace.team } },
    spec: {
      podSelector: { matchLabels: { app: app.name } },
      policyTypes: ['Ingress', 'Egress'],
      ingress,
      egress,
    },
  };
}

/** Cilium's label of a pod's namespace, which a CiliumNetworkPolicy's peer names to look outside its own. */
const CILIUM_NAMESPACE = 'k8s:io.kubernetes.pod.namespace';
/** A Cilium `toPorts` entry (ports are strings in Cilium's examples). */
const ciliumPorts = (port: number, protocol = 'TCP'): Yaml => ({ ports: [{ port: String(port), protocol }] });
/** The endpoint selector naming `peer`'s pods in a CiliumNetworkPolicy of `owner`: the namespace key elsewhere. */
const ciliumPeer = (peer: PlannedApp, owner: PlannedApp): Yaml => ({
  matchLabels: {
    ...(peer.namespace === owner.namespace ? {} : { [CILIUM_NAMESPACE]: peer.namespace.name }),
    app: peer.name,
  },
});

/**
 * An app's policy as a CiliumNetworkPolicy (Cilium's examples/policies/l4/l4.yaml, l3/cidr/cidr.yaml): the same
 * callers, ingress controller and callees as {@link appPolicy}, and the same head edits; scraping comes from the
 * clusterwide policy. Opening means every namespace's pods (`io.kubernetes.pod.namespace` Exists, Cilium's
 * kubernetes.rst "Allow all ... from all namespaces").
 */
function ciliumAppPolicy(app: PlannedApp, plan: Plan, edit: PolicyEdit): Yaml {
  const serving = SERVING_PORT[app.tier];
  const callers = edit === 'tighten' ? app.callers.slice(1) : app.callers;
  const ingress: Yaml[] = [];
  if (callers.length > 0)
    ingress.push({
      fromEndpoints: callers.map((caller) => ciliumPeer(caller, app)),
      toPorts: [ciliumPorts(serving.port)],
    });
  if (app.tier === 'frontend') {
    ingress.push({
      fromEndpoints: [
        { matchLabels: { [CILIUM_NAMESPACE]: INGRESS_NAMESPACE, ...plan.ingressController.labels } },
      ],
      toPorts: [ciliumPorts(serving.port)],
    });
  }
  if (edit === 'open')
    ingress.push({
      fromEndpoints: [{ matchExpressions: [{ key: CILIUM_NAMESPACE, operator: 'Exists' }] }],
      toPorts: [ciliumPorts(serving.port)],
    });
  const egress: Yaml[] = app.callees.map((callee) => ({
    toEndpoints: [ciliumPeer(callee, app)],
    toPorts: [ciliumPorts(SERVING_PORT[callee.tier].port)],
  }));
  if (app.internet || edit === 'internet') {
    egress.push({
      toCIDRSet: [{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '169.254.169.254/32'] }],
      toPorts: [ciliumPorts(443)],
    });
  }
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy',
    metadata: { name: app.name, namespace: app.namespace.name, labels: { team: app.namespace.team } },
    spec: {
      endpointSelector: { matchLabels: { app: app.name } },
      ...(ingress.length > 0 ? { ingress } : {}),
      ...(egress.length > 0 ? { egress } : {}),
    },
  };
}

/** A namespace's default deny in Cilium's words: an empty rule matches nothing but isolates (intro.rst). */
function ciliumDefaultDeny(namespace: string): Yaml {
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy',
    metadata: { name: 'default-deny', namespace },
    spec: { endpointSelector: {}, ingress: [{}], egress: [{}] },
  };
}

/** DNS to kube-dns with DNS visibility, as Cilium's examples/policies/l7/dns/dns-visibility.yaml writes it. */
function ciliumAllowDns(namespace: string): Yaml {
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy',
    metadata: { name: 'allow-dns', namespace },
    spec: {
      endpointSelector: {},
      egress: [
        {
          toEndpoints: [
            { matchLabels: { [CILIUM_NAMESPACE]: DNS_NAMESPACE, ...prefixed('k8s:', DNS_LABELS) } },
          ],
          toPorts: [{ ports: [{ port: '53', protocol: 'ANY' }], rules: { dns: [{ matchPattern: '*' }] } }],
        },
      ],
    },
  };
}

function prefixed(prefix: string, labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([key, value]) => [`${prefix}${key}`, value]));
}

/**
 * The platform team's CiliumClusterwideNetworkPolicies: no pod reaches the metadata endpoint (an egress deny, which
 * beats every allow), and Prometheus scrapes every pod's metrics port. Neither isolates a pod by itself
 * (`enableDefaultDeny` off, as Cilium's docs advise for policies that only add to others).
 */
function ciliumClusterPolicies(plan: Plan): Yaml[] {
  const clusterwide = (name: string, spec: Record<string, Yaml>): Yaml => ({
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumClusterwideNetworkPolicy',
    metadata: { name },
    spec: { endpointSelector: {}, ...spec },
  });
  return [
    clusterwide('deny-metadata-endpoint', {
      enableDefaultDeny: { egress: false },
      egressDeny: [{ toCIDR: ['169.254.169.254/32'] }],
    }),
    clusterwide('allow-monitoring-scrape', {
      enableDefaultDeny: { ingress: false },
      ingress: [
        {
          fromEndpoints: [{ matchLabels: { [CILIUM_NAMESPACE]: MONITORING, ...plan.prometheus.labels } }],
          toPorts: [ciliumPorts(METRICS_PORT.port)],
        },
      ],
    }),
  ];
}

function namespaceManifest(namespace: PlannedNamespace): Yaml {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace.name, labels: { team: namespace.team, env: namespace.env } },
  };
}

function defaultDeny(namespace: string): Yaml {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny', namespace },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  };
}

function allowDns(namespace: string): Yaml {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'allow-dns', namespace },
    spec: {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': DNS_NAMESPACE } },
              podSelector: { matchLabels: DNS_LABELS },
            },
          ],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    },
  };
}

/**
 * The cluster policies a platform team adds (issue 16): an admin Deny of the metadata endpoint for every pod, one
 * AdminNetworkPolicy per team that Passes its own traffic (and monitoring's, the ingress controller's, DNS) to the
 * NetworkPolicies and Denies every other namespace, and a baseline default deny of ingress for prod. Distinct
 * priorities: equal ones would be a lint finding. Calls stay within a team, so nothing the flows use is cut.
 */
function clusterPolicies(plan: Plan): Yaml[] {
  // ClusterNetworkPolicy (v1alpha2), which Cilium 1.20 evaluates with `clusterNetworkPolicy` enabled; it does not
  // implement the v1alpha1 AdminNetworkPolicy.
  const cluster = (name: string, tier: 'Admin' | 'Baseline', priority: number, spec: Yaml): Yaml => ({
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata: { name },
    spec: { tier, priority, ...(spec as Record<string, Yaml>) },
  });
  const admin = (name: string, priority: number, spec: Yaml): Yaml => cluster(name, 'Admin', priority, spec);
  const namespaceNamed = (names: string[]) => ({
    namespaces: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: names }] },
  });
  const teams = [...new Set(plan.namespaces.map((namespace) => namespace.team))].sort();
  return [
    admin('deny-metadata-endpoint', 1, {
      subject: { namespaces: {} },
      egress: [{ name: 'metadata', action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }],
    }),
    ...teams.map((team, i) =>
      admin(`tenant-${team}`, 10 + i, {
        subject: { namespaces: { matchLabels: { team } } },
        ingress: [
          { name: 'own-team', action: 'Pass', from: [{ namespaces: { matchLabels: { team } } }] },
          { name: 'platform', action: 'Pass', from: [namespaceNamed([MONITORING, INGRESS_NAMESPACE])] },
          { name: 'other-tenants', action: 'Deny', from: [{ namespaces: {} }] },
        ],
        egress: [
          { name: 'own-team', action: 'Pass', to: [{ namespaces: { matchLabels: { team } } }] },
          { name: 'dns', action: 'Pass', to: [namespaceNamed([DNS_NAMESPACE])] },
          { name: 'other-tenants', action: 'Deny', to: [{ namespaces: {} }] },
        ],
      }),
    ),
    cluster('baseline-prod', 'Baseline', 0, {
      subject: { namespaces: { matchLabels: { env: 'prod' } } },
      ingress: [{ name: 'default-deny', action: 'Deny', from: [{ namespaces: {} }] }],
    }),
  ];
}

/** Which app policies head edits: every `1 / CHANGED_POLICY_SHARE`-th policy, cycling through the edit kinds. */
function chooseEdits(plan: Plan): Map<PlannedApp, PolicyEdit> {
  const edits = new Map<PlannedApp, PolicyEdit>();
  const policed = plan.apps.filter((app) => !app.namespace.open);
  // Small trees still get one edit of each kind.
  const every = Math.min(Math.round(1 / CHANGED_POLICY_SHARE), Math.max(1, Math.floor(policed.length / 6)));
  const kinds: PolicyEdit[] = ['tighten', 'open', 'tighten', 'internet', 'open'];
  policed.forEach((app, i) => {
    if (i % every !== Math.floor(every / 2)) return;
    const kind = kinds[edits.size % kinds.length];
    // Tightening drops the first caller: only meaningful where there is one.
    edits.set(app, kind === 'tighten' && app.callers.length === 0 ? 'open' : kind);
  });
  return edits;
}

function writeSide(
  root: string,
  plan: Plan,
  edits: Map<PlannedApp, PolicyEdit> | undefined,
  dnsDropped: string | undefined,
): number {
  let policies = 0;
  const write = (path: string, documents: Yaml[]) => {
    mkdirSync(join(root, ...path.split('/').slice(0, -1)), { recursive: true });
    writeFileSync(join(root, path), documents.map(document).join(''));
  };
  for (const namespace of plan.namespaces) {
    const defaults: Yaml[] = [namespaceManifest(namespace)];
    if (!namespace.open) {
      defaults.push((namespace.cilium ? ciliumDefaultDeny : defaultDeny)(namespace.name));
      policies++;
      if (namespace.name !== dnsDropped) {
        defaults.push((namespace.cilium ? ciliumAllowDns : allowDns)(namespace.name));
        policies++;
      }
    }
    write(`clusters/prod/${namespace.name}/namespace.yaml`, defaults);
    for (const app of namespace.apps) {
      const documents: Yaml[] = [...app.workloads.map(workloadManifest), serviceManifest(app)];
      if (!namespace.open) {
        documents.push((namespace.cilium ? ciliumAppPolicy : appPolicy)(app, plan, edits?.get(app)));
        policies++;
      }
      write(`clusters/prod/${namespace.name}/${app.name}.yaml`, documents);
    }
  }
  const cluster = clusterPolicies(plan);
  write('cluster/policies.yaml', cluster);
  const clusterwide = ciliumClusterPolicies(plan);
  write('cluster/cilium.yaml', clusterwide);
  policies += cluster.length + clusterwide.length;
  // Cilium's semantics, said rather than assumed (the tree also holds AdminNetworkPolicies: docs/cilium.md).
  writeFileSync(
    join(root, '.netpol-guard.yaml'),
    `cni: cilium\ncilium:\n  clusterName: ${CLUSTER}\n  clusterNetworkPolicy: true\n`,
  );
  const platform = (workload: PlannedWorkload, policy: Yaml) => {
    const namespace = workload.app.namespace.name;
    write(`platform/${namespace}.yaml`, [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
      workloadManifest(workload),
      defaultDeny(namespace),
      allowDns(namespace),
      policy,
    ]);
    policies += 3;
  };
  platform(plan.prometheus, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'scrape', namespace: MONITORING },
    spec: {
      podSelector: { matchLabels: plan.prometheus.labels },
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: {} }], ports: [port(METRICS_PORT.name)] }],
    },
  });
  platform(plan.ingressController, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'controller', namespace: INGRESS_NAMESPACE },
    spec: {
      podSelector: { matchLabels: plan.ingressController.labels },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] }],
      egress: [
        {
          to: [{ namespaceSelector: {}, podSelector: { matchLabels: { tier: 'frontend' } } }],
          ports: [port(SERVING_PORT.frontend.name)],
        },
      ],
    },
  });
  return policies;
}

// ---------------------------------------------------------------------------------------------------------------
// Flows

interface FlowPath {
  from: PlannedWorkload | 'world';
  to: PlannedWorkload | 'dns' | 'world';
  protocol: 'TCP' | 'UDP';
  port: number;
  denied: boolean;
}

/** The paths traffic takes, most of them allowed at base, some denied by policy (a misconfigured client). */
function flowPaths(plan: Plan, random: () => number): FlowPath[] {
  const paths: FlowPath[] = [];
  for (const app of plan.apps) {
    for (const workload of app.workloads) {
      paths.push({ from: workload, to: 'dns', protocol: 'UDP', port: 53, denied: false });
      paths.push({
        from: plan.prometheus,
        to: workload,
        protocol: 'TCP',
        port: METRICS_PORT.port,
        denied: false,
      });
      for (const callee of app.callees) {
        const target = pick(random, callee.workloads);
        paths.push({
          from: workload,
          to: target,
          protocol: 'TCP',
          port: SERVING_PORT[callee.tier].port,
          denied: false,
        });
      }
      if (app.internet)
        paths.push({ from: workload, to: 'world', protocol: 'TCP', port: 443, denied: false });
      if (app.tier === 'frontend') {
        paths.push({
          from: plan.ingressController,
          to: workload,
          protocol: 'TCP',
          port: SERVING_PORT.frontend.port,
          denied: false,
        });
        // A frontend that tries the database directly is denied by the data tier's policy.
        const data = app.namespace.apps.find((other) => other.tier === 'data');
        if (data && !app.namespace.open && random() < 0.2)
          paths.push({ from: workload, to: data.workloads[0]!, protocol: 'TCP', port: 5432, denied: true });
      }
    }
  }
  return paths;
}

function labelsOf(workload: PlannedWorkload): string[] {
  const namespace = workload.app.namespace;
  const labels = Object.entries(workload.labels).map(([key, value]) => `k8s:${key}=${value}`);
  labels.push(
    `k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name=${namespace.name}`,
    `k8s:io.cilium.k8s.namespace.labels.team=${namespace.team}`,
    `k8s:io.cilium.k8s.namespace.labels.env=${namespace.env}`,
    `k8s:io.cilium.k8s.policy.cluster=${CLUSTER}`,
    `k8s:io.cilium.k8s.policy.serviceaccount=${workload.app.name}`,
    `k8s:io.kubernetes.pod.namespace=${namespace.name}`,
  );
  if (workload.kind === 'Deployment') labels.push(`k8s:pod-template-hash=${workload.templateHash}`);
  return labels.sort();
}

interface EndpointText {
  ip: string;
  node: string;
  json: string;
}

function podEndpoint(workload: PlannedWorkload, pod: PlannedPod, id: number): EndpointText {
  const namespace = workload.app.namespace.name;
  return {
    ip: pod.ip,
    node: pod.node,
    json: JSON.stringify({
      ID: id,
      identity: 10_000 + id,
      namespace,
      labels: labelsOf(workload),
      pod_name: pod.name,
      workloads: [{ name: workload.name, kind: workload.kind }],
    }),
  };
}

const dnsLabels = [
  'k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name=kube-system',
  `k8s:io.cilium.k8s.policy.cluster=${CLUSTER}`,
  'k8s:io.cilium.k8s.policy.serviceaccount=coredns',
  'k8s:io.kubernetes.pod.namespace=kube-system',
  'k8s:k8s-app=kube-dns',
];

function worldEndpoint(ip: string): EndpointText {
  return { ip, node: '', json: JSON.stringify({ identity: 2, labels: ['reserved:world'] }) };
}

/**
 * Writes `lines` Hubble lines: each connection is its request seen at the source and the destination (the same
 * 5-tuple twice) and its reply twice with `is_reply: true`; a denied one is a dropped SYN and its retry.
 */
async function writeFlows(
  file: string,
  plan: Plan,
  lines: number,
  random: () => number,
): Promise<{ lines: number; bytes: number }> {
  const paths = flowPaths(plan, random);
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let buffer = '';
  const flush = async () => {
    bytes += Buffer.byteLength(buffer);
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  let time = Date.UTC(2025, 5, 2, 9, 0, 0);
  let written = 0;
  let id = 1;
  const endpointFor = (side: FlowPath['from'] | FlowPath['to']): EndpointText => {
    if (side === 'world')
      return worldEndpoint(`52.${Math.floor(random() * 200)}.${Math.floor(random() * 250)}.7`);
    if (side === 'dns') {
      const pod = pick(random, plan.dnsPods);
      const json = JSON.stringify({
        ID: 7,
        identity: 102,
        namespace: 'kube-system',
        labels: dnsLabels,
        pod_name: pod.name,
        workloads: [{ name: 'coredns', kind: 'Deployment' }],
      });
      return { ip: pod.ip, node: pod.node, json };
    }
    return podEndpoint(side, pick(random, side.pods), id++ % 4000);
  };
  const line = (
    path: FlowPath,
    source: EndpointText,
    destination: EndpointText,
    sourcePort: number,
    reply: boolean,
    observation: string,
    flags: string,
  ) => {
    time += 1 + Math.floor(random() * 3);
    const iso = new Date(time)
      .toISOString()
      .replace('Z', `${String(Math.floor(random() * 1000)).padStart(3, '0')}Z`);
    const [src, dst, sport, dport] = reply
      ? [destination, source, path.port, sourcePort]
      : [source, destination, sourcePort, path.port];
    const node = (reply ? dst.node : src.node) || destination.node;
    const l4 =
      path.protocol === 'UDP'
        ? `{"UDP":{"source_port":${sport},"destination_port":${dport}}}`
        : `{"TCP":{"source_port":${sport},"destination_port":${dport},"flags":${flags}}}`;
    const verdict = path.denied
      ? '"verdict":"DROPPED","drop_reason":133,"drop_reason_desc":"POLICY_DENIED"'
      : '"verdict":"FORWARDED"';
    const direction = observation === 'TO_ENDPOINT' ? 'INGRESS' : 'EGRESS';
    buffer +=
      `{"flow":{"time":"${iso}",${verdict},"ethernet":{"source":"d2:d9:76:de:f4:90","destination":"6e:3c:ce:d3:9e:a6"},` +
      `"IP":{"source":"${src.ip}","destination":"${dst.ip}","ipVersion":"IPv4"},"l4":${l4},` +
      `"source":${src.json},"destination":${dst.json},"Type":"L3_L4","node_name":"${node}",` +
      `"event_type":{"type":${path.denied ? 1 : 4},"sub_type":${path.denied ? 133 : 0}},` +
      `"traffic_direction":"${direction}","trace_observation_point":"${observation}",` +
      `"is_reply":${reply},"Summary":"${path.protocol} Flags: ${reply ? 'ACK' : 'SYN'}"},` +
      `"node_name":"${node}","time":"${iso}"}\n`;
    written++;
  };
  while (written < lines) {
    const path = pick(random, paths);
    const source = endpointFor(path.from);
    const destination = endpointFor(path.to);
    const sourcePort = 32768 + Math.floor(random() * 28000);
    if (path.denied) {
      line(path, source, destination, sourcePort, false, 'TO_STACK', '{"SYN":true}');
      line(path, source, destination, sourcePort, false, 'TO_STACK', '{"SYN":true}');
    } else {
      line(path, source, destination, sourcePort, false, 'TO_STACK', '{"SYN":true}');
      line(path, source, destination, sourcePort, false, 'TO_ENDPOINT', '{"SYN":true}');
      line(path, source, destination, sourcePort, true, 'TO_STACK', '{"SYN":true,"ACK":true}');
      line(path, source, destination, sourcePort, true, 'TO_ENDPOINT', '{"ACK":true}');
    }
    if (buffer.length > 1 << 20) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return { lines: written, bytes };
}

/**
 * Writes the base and head trees and the flow log of one size under `dir` (emptied first). The same size and seed
 * always give the same bytes.
 */
export async function generateBenchTree(
  size: BenchSize,
  dir: string,
  seed = 20250602,
): Promise<GeneratedTree> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(seed);
  const planned = plan(size, random);
  const edits = chooseEdits(planned);
  const policed = planned.namespaces.filter((namespace) => !namespace.open);
  const dnsDropped = policed[Math.floor(policed.length / 2)]!.name;
  const base = join(dir, 'base');
  const head = join(dir, 'head');
  const basePolicies = writeSide(base, planned, undefined, undefined);
  const headPolicies = writeSide(head, planned, edits, dnsDropped);
  const flows = join(dir, 'hubble-flows.jsonl');
  const written = await writeFlows(flows, planned, size.flowLines, random);
  const named = (edit: PolicyEdit) =>
    [...edits].filter(([, kind]) => kind === edit).map(([app]) => `${app.namespace.name}/${app.name}`);
  return {
    base,
    head,
    flows,
    namespaces: planned.namespaces.length + 2,
    workloads: planned.workloads.length + 2,
    basePolicies,
    headPolicies,
    changes: { tightened: named('tighten'), opened: named('open'), internet: named('internet'), dnsDropped },
    flowLines: written.lines,
    flowBytes: written.bytes,
  };
}
