/**
 * Custom resources known not to create pods: configuration read by a controller that runs elsewhere (certificates,
 * routes, scrape targets, secrets, policies). They leave their namespace's pods as the tree shows them. Anything not
 * here and not a {@link PodMaker} may create pods, and marks its namespace as not fully known.
 */
const INERT_GROUPS: readonly string[] = [
  'cert-manager.io',
  'acme.cert-manager.io',
  'trust.cert-manager.io',
  'source.toolkit.fluxcd.io',
  'notification.toolkit.fluxcd.io',
  'image.toolkit.fluxcd.io',
  'cilium.io',
  'crd.projectcalico.org',
  'projectcalico.org',
  'traefik.io',
  'traefik.containo.us',
  'networking.istio.io',
  'security.istio.io',
  'telemetry.istio.io',
  'external-secrets.io',
  'generators.external-secrets.io',
  'bitnami.com',
  'kyverno.io',
  'wgpolicyk8s.io',
  'config.kubernetes.io',
  'keda.sh',
  'velero.io',
];

/** Kinds of groups that also make pods (prometheus-operator, Argo) that are only configuration. */
const INERT_KINDS: ReadonlyMap<string, readonly string[]> = new Map([
  [
    'monitoring.coreos.com',
    ['ServiceMonitor', 'PodMonitor', 'PrometheusRule', 'Probe', 'AlertmanagerConfig', 'ScrapeConfig'],
  ],
  [
    'monitoring.rhobs',
    ['ServiceMonitor', 'PodMonitor', 'PrometheusRule', 'Probe', 'AlertmanagerConfig', 'ScrapeConfig'],
  ],
  ['argoproj.io', ['AppProject']],
]);

/** Whether a custom resource of `group`/`kind` is known not to create pods. */
export function isInert(group: string, kind: string): boolean {
  return INERT_GROUPS.includes(group) || (INERT_KINDS.get(group)?.includes(kind) ?? false);
}
