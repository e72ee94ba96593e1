import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stickyMarker } from '../../src/github/sticky-comment.js';
import { ensureFreshBundle } from '../support/bundle.js';
import {
  DENY_PAYMENTS_EGRESS,
  expectFailedNaming,
  expectNoToken,
  hostilePullRequest,
  PR_NUMBER,
  runOn,
  type HostilePullRequest,
} from './support.js';

/**
 * Issue 15's audit, kept as tests: each case is a pull request a malicious author could open, run through the bundled
 * Action. Each assertion failed on the code before the fix (checked by running this suite against it).
 */

let pr: HostilePullRequest | undefined;
beforeAll(ensureFreshBundle);
afterEach(async () => {
  await pr?.remove();
  pr = undefined;
});

/** The base's config in the hardened setup: small limits, read from the base commit. */
const BASE_CONFIG = { '.netpol-guard.yaml': 'limits:\n  maxFileBytes: 65536\n' };
const HARDENED = { 'config-from': 'base' };

describe('a symbolic link in the pull request', () => {
  it('as the config file, pointing at .git/config, publishes no token and fails the check', async () => {
    pr = await hostilePullRequest({ '.netpol-guard.yaml': { link: '.git/config' } });
    const run = await runOn(pr);
    expectNoToken(pr, run);
    expectFailedNaming(run, '.netpol-guard.yaml');
  });

  it('as a manifest or a manifest folder, is not read and fails the check', async () => {
    pr = await hostilePullRequest({ 'k8s/credentials.yaml': { link: '../.git/config' } });
    const run = await runOn(pr);
    expectNoToken(pr, run);
    expectFailedNaming(run, 'k8s/credentials.yaml');
  });

  it('as the SARIF file, or a folder above it, is not written through', async () => {
    pr = await hostilePullRequest({ 'netpol-guard.sarif': { link: '../outside/victim' } });
    writeFileSync(path.join(pr.outside, 'victim'), 'original');
    const run = await runOn(pr);
    expect(readFileSync(path.join(pr.outside, 'victim'), 'utf8')).toBe('original');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::netpol-guard: netpol-guard\.sarif: .*symbolic link/);

    const parent = await hostilePullRequest({ reports: { link: '../outside' } });
    await pr.remove();
    pr = parent;
    const throughFolder = await runOn(pr, { 'sarif-file': 'reports/netpol-guard.sarif' });
    expect(readdirSync(pr.outside)).toEqual([]);
    expect(throughFolder.exitCode).toBe(1);
    expect(throughFolder.stdout).toMatch(
      /::error::netpol-guard: reports\/netpol-guard\.sarif: .*symbolic link/,
    );
  });

  it('a SARIF path out of the workspace is refused; one in a new folder of it is written', async () => {
    pr = await hostilePullRequest({});
    const escape = await runOn(pr, { 'sarif-file': '../outside/escape.sarif' });
    expect(existsSync(path.join(pr.outside, 'escape.sarif'))).toBe(false);
    expect(escape.exitCode).toBe(1);
    const inside = await runOn(pr, { 'sarif-file': 'reports/scan/netpol-guard.sarif' });
    expect(inside.exitCode, inside.stdout).toBe(0);
    expect(inside.outputs.sarif).toBe(path.join(pr.repo.dir, 'reports/scan/netpol-guard.sarif'));
    expect(JSON.parse(readFileSync(inside.outputs.sarif ?? '', 'utf8'))).toMatchObject({ version: '2.1.0' });
  });
});

describe('a default deny that breaks live flows, in a file the loader rejects', () => {
  const padded = `${DENY_PAYMENTS_EGRESS}# ${'x'.repeat(70_000)}\n`;
  const aliases = `${DENY_PAYMENTS_EGRESS.replace('metadata:\n', 'metadata:\n  labels: &l { a: b }\n')}x-many: [${Array(1001).fill('*l').join(', ')}]\n`;
  const cases: [string, string | Buffer][] = [
    ['padded past maxFileBytes with a comment', padded],
    ['with more than 1,000 aliases', aliases],
    ['with a tab-indentation typo', DENY_PAYMENTS_EGRESS.replace('  podSelector', '\tpodSelector')],
    ['with a NUL byte', `${DENY_PAYMENTS_EGRESS}# \u0000\n`],
  ];

  it.each(cases)('%s fails the check naming the file', async (_, content) => {
    pr = await hostilePullRequest({ 'k8s/payments/deny.yaml': content }, BASE_CONFIG);
    const run = await runOn(pr, HARDENED);
    expectFailedNaming(run, 'k8s/payments/deny.yaml');
    expect(run.outputs.verdict).toBe('fail');
    // Annotated on the file, as an error.
    expect(run.stdout).toMatch(/^::error title=netpol-guard%3A [\w-]+,file=k8s\/payments\/deny\.yaml/m);
  });

  it('beside a document with template syntax, still breaks the flows (the other documents are read)', async () => {
    const template = `${DENY_PAYMENTS_EGRESS}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n`;
    pr = await hostilePullRequest({ 'k8s/payments/deny.yaml': template }, BASE_CONFIG);
    const run = await runOn(pr, HARDENED);
    expectFailedNaming(run, 'k8s/payments/deny.yaml:13');
    expect(Number(run.outputs['broken-flows'])).toBeGreaterThan(0);
  });

  it('the opt-out lets it pass, and the report still names the file', async () => {
    pr = await hostilePullRequest({ 'k8s/payments/deny.yaml': padded }, BASE_CONFIG);
    const run = await runOn(pr, { ...HARDENED, 'fail-on-unread-input': 'false' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.summary).toContain('k8s/payments/deny.yaml');
  });
});

describe('recorded flows that cannot be read', () => {
  const cases: [string, (pr: HostilePullRequest) => string][] = [
    ['a directory', (p) => p.outside],
    [
      'a truncated gzip',
      (p) => {
        const file = path.join(p.outside, 'flows.jsonl.gz');
        writeFileSync(file, gzipSync(readFileSync('fixtures/demo/flows/hubble.jsonl')).subarray(0, 20));
        return file;
      },
    ],
    [
      'nothing but garbage lines',
      (p) => {
        const file = path.join(p.outside, 'garbage.jsonl');
        writeFileSync(file, 'not a flow\n{"neither": 1}\n');
        return file;
      },
    ],
  ];

  it.each(cases)('%s fails the check naming it', async (_, make) => {
    pr = await hostilePullRequest({});
    const file = make(pr);
    const run = await runOn(pr, { flows: file });
    expectFailedNaming(run, file);
  });

  it('a glob that matches no file fails the check', async () => {
    pr = await hostilePullRequest({});
    const run = await runOn(pr, { flows: 'recordings/*.jsonl' });
    expectFailedNaming(run, 'flows-unmatched');
  });

  it('64 KiB of blank lines before the records do not hide them: the broken flows are found', async () => {
    const flows = readFileSync('fixtures/demo/flows/hubble.jsonl', 'utf8');
    pr = await hostilePullRequest({
      'flows/hubble.jsonl': `${'\n'.repeat(70_000)}${flows}`,
      'k8s/payments/deny.yaml': DENY_PAYMENTS_EGRESS,
    });
    const run = await runOn(pr);
    expectFailedNaming(run, 'would break');
    expect(Number(run.outputs['broken-flows'])).toBeGreaterThan(0);
  });
});

describe('the sticky comment', () => {
  it('is not taken over by another App quoting the marker: the report gets a comment of its own', async () => {
    pr = await hostilePullRequest({});
    const marker = stickyMarker('default');
    const forged = pr.stub.addComment(PR_NUMBER, `${marker}\nall good, nothing to see`, 'other-app[bot]');
    const run = await runOn(pr);
    expect(run.exitCode, run.stdout).toBe(0);
    const comments = pr.stub.comments(PR_NUMBER);
    expect(comments.find((c) => c.id === forged.id)?.body).toBe(`${marker}\nall good, nothing to see`);
    const ours = comments.find((c) => c.user.login === 'github-actions[bot]');
    expect(ours?.body).toContain('## netpol-guard');
    expect(run.outputs['comment-id']).toBe(String(ours?.id));
    expect(run.stdout).toMatch(/::warning::Comment \d+ by other-app\[bot\] carries this step's marker/);
  });
});
