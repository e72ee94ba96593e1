import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_LEVEL, selectAnnotations } from '../../src/action/annotations.js';
import { runCheck } from '../../src/check/run.js';
import type { CheckResult } from '../../src/check/types.js';
import type { Severity } from '../../src/manifests/types.js';
import type { Finding } from '../../src/rules/types.js';

function finding(
  rule: string,
  severity: Severity,
  file: string,
  line: number,
  extra: Partial<Finding> = {},
): Finding {
  return {
    rule,
    severity,
    message: `${rule} at ${file}:${line}`,
    file,
    line,
    column: 3,
    resource: { kind: 'NetworkPolicy', namespace: 'shop', name: 'p' },
    ...extra,
  };
}

function result(parts: Partial<CheckResult>): CheckResult {
  return {
    verdict: 'fail',
    reasons: [],
    findings: [],
    diff: {
      opened: [],
      closed: [],
      workloadsAdded: [],
      workloadsRemoved: [],
      newConnections: [],
      goneConnections: [],
    },
    diagnostics: [],
    summary: { brokenFlows: 0, opened: 0, closed: 0, errors: 0, warnings: 0, infos: 0 },
    ...parts,
  };
}

const changed = new Set(['deploy/k8s/changed.yaml']);
const toRepositoryPath = (file: string) => `deploy/${file}`;

describe('selectAnnotations', () => {
  it('annotates changed files only, broken flows and introduced findings first, most severe first', () => {
    const annotations = selectAnnotations(
      result({
        findings: [
          finding('old-warning', 'warning', 'k8s/changed.yaml', 4, { introduced: false }),
          finding('new-info', 'info', 'k8s/changed.yaml', 5, { introduced: true }),
          finding('elsewhere', 'error', 'k8s/untouched.yaml', 1, { introduced: true }),
          finding('silenced', 'error', 'k8s/changed.yaml', 2, {
            introduced: true,
            suppressed: { reason: 'ok' },
          }),
          finding('old-error', 'error', 'k8s/changed.yaml', 6, { introduced: false }),
          finding('new-error', 'error', 'k8s/changed.yaml', 7, { introduced: true }),
        ],
        diagnostics: [
          {
            severity: 'error',
            code: 'yaml-syntax',
            message: 'bad\nindent',
            file: 'k8s/changed.yaml',
            line: 9,
          },
          {
            severity: 'warning',
            code: 'default-namespace',
            message: 'no namespace',
            file: 'k8s/changed.yaml',
          },
        ],
        flows: {
          records: 1,
          skipped: 0,
          skippedSamples: [],
          broken: [
            {
              from: { namespace: 'shop', kind: 'Deployment', name: 'web' },
              to: { namespace: 'payments', kind: 'StatefulSet', name: 'ledger' },
              protocol: 'TCP',
              port: 5432,
              count: 12,
              explanation: 'default-deny selects ledger',
              location: { file: 'k8s/changed.yaml', line: 11, column: 1 },
            },
          ],
          newlyAllowed: [],
          stillDenied: 0,
          wouldBreakWhenEnforced: [],
          unmatched: [],
          otherDrops: 0,
          deniedAtBase: 0,
        },
      }),
      changed,
      toRepositoryPath,
    );
    expect(annotations.map((a) => `${a.level} ${a.title} ${a.file}:${a.line}`)).toEqual([
      'error netpol-guard: live flow would break deploy/k8s/changed.yaml:11',
      'error netpol-guard: new-error deploy/k8s/changed.yaml:7',
      'error netpol-guard: yaml-syntax deploy/k8s/changed.yaml:9',
      'error netpol-guard: old-error deploy/k8s/changed.yaml:6',
      'warning netpol-guard: old-warning deploy/k8s/changed.yaml:4',
      'notice netpol-guard: new-info deploy/k8s/changed.yaml:5',
    ]);
    expect(annotations[0]?.message).toBe(
      'shop/web → payments/ledger [StatefulSet] TCP/5432 (seen 12×) would be denied: default-deny selects ledger',
    );
    expect(annotations[2]?.message).toBe('bad indent');
  });

  it(`shows at most ${ANNOTATIONS_PER_LEVEL} per level, keeping the introduced ones`, () => {
    const findings = [
      ...Array.from({ length: 15 }, (_, i) => finding('old', 'warning', 'k8s/changed.yaml', i + 1)),
      ...Array.from({ length: 5 }, (_, i) =>
        finding('new', 'warning', 'k8s/changed.yaml', 100 + i, { introduced: true }),
      ),
      finding('one-error', 'error', 'k8s/changed.yaml', 200),
    ];
    const annotations = selectAnnotations(result({ findings }), changed, toRepositoryPath);
    expect(annotations.filter((a) => a.level === 'warning')).toHaveLength(ANNOTATIONS_PER_LEVEL);
    expect(annotations.filter((a) => a.title.endsWith('new'))).toHaveLength(5);
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(1);
  });

  it('gives one annotation per problem and line, so repeated flows leave slots to the gating findings', () => {
    const broken = Array.from({ length: 40 }, (_, i) => ({
      from: { namespace: `team-${i % 4}`, kind: 'Deployment', name: `app-${i}` },
      to: { ip: '10.96.0.10' },
      protocol: 'UDP' as const,
      port: 53,
      count: 3,
      explanation: 'egress denied by default-deny',
      // Two policy lines deny them all.
      location: { file: 'k8s/changed.yaml', line: i % 2 === 0 ? 11 : 40, column: 1 },
    }));
    const findings = [
      ...Array.from({ length: 12 }, (_, i) =>
        finding('dns-egress-missing', 'error', 'k8s/changed.yaml', 100 + i, { introduced: true }),
      ),
      // The same rule twice on one line, about two workloads: one annotation that lists both.
      finding('peer-selects-nothing', 'warning', 'k8s/changed.yaml', 7, {
        message: 'peer matches no pod (web)',
      }),
      finding('peer-selects-nothing', 'warning', 'k8s/changed.yaml', 7, {
        message: 'peer matches no pod (api)',
      }),
    ];
    const flows = {
      records: 40,
      skipped: 0,
      skippedSamples: [],
      broken,
      newlyAllowed: [],
      stillDenied: 0,
      wouldBreakWhenEnforced: [],
      unmatched: [],
      otherDrops: 0,
      deniedAtBase: 0,
    };
    const annotations = selectAnnotations(result({ findings, flows }), changed, toRepositoryPath);
    const errors = annotations.filter((a) => a.level === 'error');
    // One error slot is the step's failure summary.
    expect(errors).toHaveLength(ANNOTATIONS_PER_LEVEL - 1);
    expect(errors.slice(0, 2).map((a) => `${a.title}:${a.line}`)).toEqual([
      'netpol-guard: live flow would break:11',
      'netpol-guard: live flow would break:40',
    ]);
    expect(errors[0]?.message.split('\n')[0]).toBe('20 live flows would break here:');
    expect(errors.slice(2).every((a) => a.title === 'netpol-guard: dns-egress-missing')).toBe(true);
    expect(annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      '2 findings here:\n- peer matches no pod (web)\n- peer matches no pod (api)',
    ]);
    const passing = selectAnnotations(result({ findings, verdict: 'pass' }), changed, toRepositoryPath);
    expect(passing.filter((a) => a.level === 'error')).toHaveLength(ANNOTATIONS_PER_LEVEL);
  });

  /**
   * Issue 18, L7: fixtures/scenarios/cilium-l7-narrowed narrows an HTTP rule under a recorded request; fixtures/diff/
   * l7-filter applies, removes and changes filters.
   */
  async function checkOf(dir: string, flows: string[] = []): Promise<CheckResult> {
    const side = (tree: string) => ({ root: resolve(dir, tree), paths: [resolve(dir, tree)] });
    return runCheck({ base: side('base'), head: side('head'), flows: flows.map((f) => join(dir, f)) });
  }
  const all = new Set(['deploy/payments.yaml']);

  it('names a refused request and the changed L7 filter at the rule that changes it', async () => {
    const narrowed = await checkOf('fixtures/scenarios/cilium-l7-narrowed', ['flows.hubble.jsonl']);
    const annotations = selectAnnotations(narrowed, all, (file) => `deploy/${file}`);
    expect(annotations.map((a) => `${a.level} ${a.title} ${a.file}:${a.line}`)).toEqual([
      'error netpol-guard: live flow would break deploy/payments.yaml:35',
      'warning netpol-guard: L7 filter changed deploy/payments.yaml:35',
      'notice netpol-guard: namespace-without-default-deny deploy/payments.yaml:1',
    ]);
    expect(annotations[0]?.message).toBe(
      'GET /api/v1/pay: payments/frontend → payments/api TCP/8080 (seen 2×) would be refused at L7 by ingress only ' +
        'GET /api/v1/orders(/.*)? (CiliumNetworkPolicy payments/api-ingress at payments.yaml:35)',
    );
    expect(annotations[1]?.message).toBe(
      'payments/frontend → payments/api TCP/8080: L7 filter changed: only GET /api/v1/orders(/.*)? (was only GET ' +
        '/api/v1/.*); requests base let through may be refused at L7',
    );
  });

  it('gives a filter removed a notice, and bounds a long refused request', async () => {
    const changes = await checkOf('fixtures/diff/l7-filter');
    const levels = selectAnnotations(changes, all, (file) => `deploy/${file}`).filter((a) =>
      a.title.endsWith('L7 filter changed'),
    );
    expect(levels.map((a) => `${a.level}:${a.line}`)).toEqual(['warning:40', 'warning:35', 'notice:41']);
    const narrowed = await checkOf('fixtures/scenarios/cilium-l7-narrowed', ['flows.hubble.jsonl']);
    const [flow] = narrowed.flows!.broken;
    const request = `GET /${'a'.repeat(5_000)}`;
    narrowed.flows!.broken = [
      { ...flow!, request, explanation: `${request} refused at L7 by ingress only GET /x` },
    ];
    const [annotation] = selectAnnotations(narrowed, all, (file) => `deploy/${file}`);
    expect(annotation?.message.length).toBeLessThan(300);
    expect(annotation?.message).toMatch(
      /^GET \/a+…: payments\/frontend → .* refused at L7 by ingress only GET \/x$/,
    );
    // An explanation worded otherwise is kept whole, after a colon.
    narrowed.flows!.broken = [{ ...flow!, request: 'GET /x', explanation: 'head refuses it' }];
    expect(selectAnnotations(narrowed, all, (file) => `deploy/${file}`)[0]?.message).toMatch(
      /would be refused at L7: head refuses it$/,
    );
  });
});
