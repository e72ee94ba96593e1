import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { sarifReport } from '../../src/check/sarif.js';
import { renderJson, renderMarkdown } from '../../src/report/index.js';

/**
 * Resource exhaustion past the documented limits (issue 15, item 6): each input here made the unfixed check hang,
 * or die without a report. Each must now end with a report that says what was cut.
 */

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A pull request as two folders; `files` go into head, `baseFiles` (default: the same but `head.yaml`) into base. */
function pullRequest(head: Record<string, string | Buffer>, base: Record<string, string> = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'netpol-security-limits-'));
  dirs.push(root);
  const write = (side: string, files: Record<string, string | Buffer>) => {
    mkdirSync(path.join(root, side));
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(root, side, name), content);
    return path.join(root, side);
  };
  const baseDir = write('base', base);
  const headDir = write('head', head);
  return {
    root,
    base: { root: baseDir, paths: [baseDir] },
    head: { root: headDir, paths: [headDir] },
  };
}

function deployments(count: number, namespace: (i: number) => string): string {
  return Array.from(
    { length: count },
    (_, i) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: app${i}, namespace: ${namespace(i)}}
spec:
  selector: {matchLabels: {app: app${i}}}
  template:
    metadata: {labels: {app: app${i}}}
    spec: {containers: [{name: c, image: x}]}
`,
  ).join('---\n');
}

/** One egress policy over every pod of `ns0` allowing `count` disjoint /24s: the Internet between them is closed. */
function ipBlockPolicy(count: number): string {
  const blocks = Array.from(
    { length: count },
    (_, i) => `    - ipBlock: {cidr: 10.${i >> 8}.${i & 255}.0/24}`,
  );
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: many-blocks, namespace: ns0}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
${blocks.join('\n')}
`;
}

describe('limits that keep a hostile pull request from exhausting the run', () => {
  it('refuses an ignore glob that backtracks without bound, and still lints the file it was aimed at', async () => {
    // 40 `a`s against this glob took minutes in minimatch; the file name is the pull request's choice.
    const name = `${'a'.repeat(120)}.yaml`;
    const pr = pullRequest({
      '.netpol-guard.yaml': `ignore:\n  - "${'*a'.repeat(12)}b"\n  - "+(a|aa)*b"\n  - "ok/*-test-*.yaml"\n`,
      // A pod and an egress policy without DNS: findings in the file the globs are matched against.
      [name]: `${deployments(1, () => 'ns0')}---\n${ipBlockPolicy(1)}`,
    });
    const result = await runCheck({ base: pr.base, head: pr.head });
    expect(result.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'config',
          line: 2,
          message: 'ignore[0]: more than 2 "*" in one path segment; the glob is not applied',
        }),
        expect.objectContaining({
          code: 'config',
          line: 3,
          message: expect.stringMatching(/^ignore\[1\]: extended/),
        }),
      ]),
    );
    expect(result.diagnostics.filter((d) => d.code === 'config')).toHaveLength(2);
    // The policy's findings are reported: the refused globs silenced nothing.
    expect(result.findings.map((f) => f.file)).toContain(name);
  });

  it(
    'reports a policy with 1,000 ipBlocks over 1,000 pods: changes cut at maxReportedChanges, every report written',
    { timeout: 300_000 },
    async () => {
      const workloads = deployments(1000, () => 'ns0');
      const pr = pullRequest({ 'w.yaml': workloads, 'p.yaml': ipBlockPolicy(1000) }, { 'w.yaml': workloads });
      const result = await runCheck({ base: pr.base, head: pr.head });

      expect(result.diff.closed).toHaveLength(10_000);
      // Counts cover everything: 1,000 pods × (the 999 others, the Internet but the blocks as one block with exceptions, ::/0,
      // any pod in any namespace the tree does not show).
      expect(result.summary.closed).toBe(1_002_000);
      expect(result.diagnostics).toContainEqual(
        expect.objectContaining({
          code: 'limit',
          message: expect.stringMatching(
            /^3006000 closed connection changes, more than limit maxReportedChanges/,
          ),
        }),
      );
      expect(JSON.parse(renderJson(result)).diff.closed).toHaveLength(10_000);
      expect(renderMarkdown(result, { maxLength: 60_000 })).toContain('Closed');
      expect(sarifReport(result, { uriBase: 'file:///w/' })).toContain('"version"');
    },
  );

  it('fails the check when opened changes were cut: they were not reviewed', async () => {
    const workloads = deployments(30, (i) => `ns${i % 3}`);
    const pr = pullRequest({
      'w.yaml': workloads,
      '.netpol-guard.yaml': 'limits: {maxReportedChanges: 5}\n',
    });
    const deny = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: ns0}
spec: {podSelector: {}, policyTypes: [Ingress]}
`;
    writeFileSync(path.join(pr.base.root, 'w.yaml'), `${workloads}---\n${deny}`);
    const result = await runCheck({ base: pr.base, head: pr.head });
    expect(result.diff.opened).toHaveLength(5);
    expect(result.verdict).toBe('fail');
    expect(result.reasons).toContainEqual(
      expect.stringMatching(
        /^\d+ opened connection changes past limit maxReportedChanges were not reviewed$/,
      ),
    );
  });

  it('stops decompressing a gzip flow file at maxDecompressedBytes and names it', async () => {
    const line = `${JSON.stringify({ from: { namespace: 'ns0', workload: 'app0' }, to: { ip: '203.0.113.9' }, port: 443 })}\n`;
    const pr = pullRequest({
      'w.yaml': deployments(1, () => 'ns0'),
      '.netpol-guard.yaml': 'limits: {maxDecompressedBytes: 100000}\n',
    });
    const flows = path.join(pr.root, 'flows.jsonl.gz');
    writeFileSync(flows, gzipSync(line.repeat(20_000)));
    const result = await runCheck({ base: pr.base, head: pr.head, flows: [flows] });
    expect(result.flows?.skippedSamples).toContainEqual(
      expect.objectContaining({
        reason: 'cannot read: decompresses to more than 100000 bytes (limit maxDecompressedBytes)',
      }),
    );
    expect(result.flows?.records).toBeLessThan(20_000);
  });

  it('holds at most maxDistinctFlows connections, and fails saying how many records were not replayed', async () => {
    const lines = Array.from(
      { length: 50 },
      (_, i) =>
        `${JSON.stringify({ from: { namespace: 'ns0', workload: 'app0' }, to: { ip: '203.0.113.9' }, port: 1000 + i })}\n`,
    );
    const pr = pullRequest({
      'w.yaml': deployments(1, () => 'ns0'),
      '.netpol-guard.yaml': 'limits: {maxDistinctFlows: 10}\n',
    });
    const flows = path.join(pr.root, 'flows.jsonl');
    writeFileSync(flows, [...lines, ...lines].join(''));
    const result = await runCheck({ base: pr.base, head: pr.head, flows: [flows] });
    expect(result.flows).toMatchObject({ records: 100, cut: 80 });
    expect(result.verdict).toBe('fail');
    expect(result.reasons).toContain('80 flow records past limit maxDistinctFlows were not replayed');
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'limit', severity: 'error' }));
  });
});
