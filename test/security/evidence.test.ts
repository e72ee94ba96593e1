import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBundle } from '../support/bundle.js';
import {
  DENY_PAYMENTS_EGRESS,
  hostilePullRequest,
  PR_NUMBER,
  runOn,
  type HostilePullRequest,
} from './support.js';

/**
 * Issue 15 item 4: a pull request in control of its own evidence. It edits the recorded flows it is judged by, or
 * adds the annotation that silences the finding it introduces. Each case runs the bundled Action; each assertion
 * on the hardened setting failed before `flows-from` and `suppressions-from` existed (the run passed).
 */

let pr: HostilePullRequest | undefined;
beforeAll(ensureFreshBundle);
afterEach(async () => {
  await pr?.remove();
  pr = undefined;
});

/**
 * A default deny of egress in `payments` that keeps DNS: no finding, but it cuts the ledger worker's recorded calls
 * to payments-api on 8443 (the only flows it breaks in the demo recording).
 */
const DENY_EGRESS_KEEPING_DNS = `${DENY_PAYMENTS_EGRESS}  egress:
    - to:
        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }
          podSelector: { matchLabels: { k8s-app: kube-dns } }
      ports:
        - { protocol: UDP, port: 53 }
        - { protocol: TCP, port: 53 }
`;

const RECORDING = readFileSync('fixtures/demo/flows/hubble.jsonl', 'utf8');

/** The recording without exactly the records the deny above breaks. */
const WITHOUT_BROKEN_RECORDS = RECORDING.split('\n')
  .filter((line) => {
    if (line === '') return true;
    const flow = (JSON.parse(line) as { flow: HubbleRecord }).flow;
    return !(flow.source.pod_name?.startsWith('ledger-worker-') && flow.l4.TCP?.destination_port === 8443);
  })
  .join('\n');

interface HubbleRecord {
  source: { pod_name?: string };
  l4: { TCP?: { destination_port: number } };
}

function comment(p: HostilePullRequest): string {
  return p.stub
    .comments(PR_NUMBER)
    .map((c) => c.body)
    .join('\n');
}

describe('a pull request that deletes the recorded flows its change breaks', () => {
  it('passes with flows-from: head, with the flow file change heading the comment', async () => {
    expect(WITHOUT_BROKEN_RECORDS.split('\n').length).toBe(RECORDING.split('\n').length - 5);
    pr = await hostilePullRequest({
      'k8s/payments/deny.yaml': DENY_EGRESS_KEEPING_DNS,
      'flows/hubble.jsonl': WITHOUT_BROKEN_RECORDS,
    });
    const run = await runOn(pr);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['broken-flows']).toBe('0');
    const headline = comment(pr)
      .split('\n')
      .find((line) => line.includes('**'));
    expect(headline).toMatch(
      /^:warning: \*\*Needs review\*\*: replays recorded flows this pull request changed: \[`flows\/hubble\.jsonl`\]\(/,
    );
    const report = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8')) as {
      diagnostics: { severity: string; code: string; file?: string; message: string }[];
    };
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'flows-changed',
        file: 'flows/hubble.jsonl',
        message: expect.stringContaining('(0 lines added, 5 deleted)'),
      }),
    );
  });

  it('fails with flows-from: base, which replays the base recording (the edit is named, for information)', async () => {
    pr = await hostilePullRequest({
      'k8s/payments/deny.yaml': DENY_EGRESS_KEEPING_DNS,
      'flows/hubble.jsonl': WITHOUT_BROKEN_RECORDS,
    });
    const run = await runOn(pr, { 'flows-from': 'base' });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.outputs['broken-flows']).toBe('1');
    expect(run.stdout).toContain('Flows: read from the base tree (flows-from: base)');
    const body = comment(pr);
    expect(body).toContain('payments/ledger-worker');
    expect(body).not.toContain('Needs review');
    const report = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8')) as {
      diagnostics: { severity: string; code: string; file?: string }[];
    };
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'flows-changed', file: 'flows/hubble.jsonl' }),
    );
  });

  it('fails with flows-from: base when the pull request deletes the flow file', async () => {
    pr = await hostilePullRequest({
      'k8s/payments/deny.yaml': DENY_EGRESS_KEEPING_DNS,
      'flows/hubble.jsonl': null,
    });
    const run = await runOn(pr, { 'flows-from': 'base' });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.outputs['broken-flows']).toBe('1');
  });

  it('fails when the flows are an artifact outside the checkout, whatever the tree holds', async () => {
    pr = await hostilePullRequest({
      'k8s/payments/deny.yaml': DENY_EGRESS_KEEPING_DNS,
      'flows/hubble.jsonl': WITHOUT_BROKEN_RECORDS,
    });
    const artifact = path.join(pr.outside, 'hubble.jsonl');
    copyFileSync('fixtures/demo/flows/hubble.jsonl', artifact);
    const run = await runOn(pr, { flows: artifact });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.outputs['broken-flows']).toBe('1');
  });
});

describe('a pull request that adds the annotation silencing the error it introduces', () => {
  const SILENCED = DENY_PAYMENTS_EGRESS.replace(
    '  namespace: payments\n',
    "  namespace: payments\n  annotations:\n    netpol-guard.io/ignore: 'dns-egress-missing: resolved elsewhere'\n",
  );

  it('is honoured by default', async () => {
    pr = await hostilePullRequest({ 'k8s/payments/deny.yaml': SILENCED });
    const run = await runOn(pr, { flows: '' });
    expect(run.exitCode, run.stdout).toBe(0);
  });

  it('is not honoured with suppressions-from: base, and is reported at the annotation', async () => {
    pr = await hostilePullRequest({ 'k8s/payments/deny.yaml': SILENCED });
    const run = await runOn(pr, { flows: '', 'suppressions-from': 'base' });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/^::error::netpol-guard: .*1 new finding at or above error/m);
    const report = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8')) as {
      findings: { rule: string; suppressed?: unknown; introduced?: boolean }[];
      diagnostics: { code: string; file?: string; line?: number; message: string }[];
    };
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'dns-egress-missing', introduced: true }),
    );
    expect(report.findings.find((f) => f.rule === 'dns-egress-missing')?.suppressed).toBeUndefined();
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'suppression-not-honoured',
        file: 'k8s/payments/deny.yaml',
        line: 7,
        message: expect.stringContaining(
          'suppression added by this pull request is not honoured under suppressionsFrom: base',
        ),
      }),
    );
  });

  it('a suppression the base already had still silences the finding under suppressions-from: base', async () => {
    const annotatedAtBase = DENY_EGRESS_KEEPING_DNS.replace(
      '  namespace: payments\n',
      "  namespace: payments\n  annotations:\n    netpol-guard.io/ignore: 'dns-egress-missing: resolved elsewhere'\n",
    );
    // Head drops the DNS rule: the finding is new, the annotation is the base's.
    pr = await hostilePullRequest(
      { 'k8s/payments/deny.yaml': annotatedAtBase.slice(0, annotatedAtBase.indexOf('  egress:')) },
      { 'k8s/payments/deny.yaml': annotatedAtBase },
    );
    const run = await runOn(pr, { flows: '', 'suppressions-from': 'base' });
    expect(run.exitCode, run.stdout).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8')) as {
      findings: { rule: string; suppressed?: unknown }[];
    };
    expect(report.findings.find((f) => f.rule === 'dns-egress-missing')?.suppressed).toEqual({
      reason: 'resolved elsewhere',
    });
  });
});
