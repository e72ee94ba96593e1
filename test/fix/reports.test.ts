import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { sarifReport } from '../../src/check/sarif.js';
import { renderJson, renderMarkdown, renderText } from '../../src/report/index.js';

/** Readiness, unused rules and fixes as every report shows them (fixtures/fix/commented). */
const FOLDER = 'fixtures/fix/commented';
const WINDOW = 'flows seen 2026-11-20T00:00:00.000Z to 2026-11-21T09:59:59.000Z';

function check(options: { changedFiles?: string[]; folder?: string; flows?: string } = {}) {
  const folder = options.folder ?? FOLDER;
  const side = (dir: string) => ({ root: resolve(folder, dir), paths: [resolve(folder, dir)] });
  return runCheck({
    base: side('base'),
    head: side('head'),
    flows: [resolve(folder, options.flows ?? 'flows.native.jsonl')],
    ...(options.changedFiles ? { changedFiles: options.changedFiles } : {}),
  });
}

describe('default-deny readiness and unused rules', () => {
  it('counts, per namespace, the observed connections a rule names on each end there', async () => {
    const { flows } = await check();
    expect(
      flows?.readiness?.map(({ blocking, ...figures }) => ({ ...figures, blocking: blocking.length })),
    ).toEqual([
      { namespace: 'pay', observed: 2, covered: 1, ready: false, blocking: 1 },
      { namespace: 'shop', observed: 5, covered: 2, ready: false, blocking: 3 },
    ]);
    // ledger -> api: in pay only the source's egress counts (pay isolates nothing); in shop, api's ingress.
    const ledgerToApi = { namespace: 'shop', kind: 'Deployment', name: 'api' };
    expect(flows?.readiness?.[0]?.blocking).toEqual([
      {
        from: { namespace: 'pay', kind: 'Deployment', name: 'ledger' },
        to: ledgerToApi,
        protocol: 'TCP',
        port: 8080,
        count: 12,
        uncovered: ['egress'],
      },
    ]);
    expect(flows?.readiness?.[1]?.blocking.map((b) => b.uncovered)).toEqual([
      ['egress'],
      ['egress'],
      ['ingress'],
    ]);
  });

  it('says a namespace is ready when every observed connection is explicitly allowed', async () => {
    const result = await check({
      folder: 'fixtures/scenarios/careful-hardening',
      flows: 'flows.hubble.jsonl',
    });
    expect(
      result.flows?.readiness?.every((namespace) => namespace.ready && namespace.blocking.length === 0),
    ).toBe(true);
    expect(renderText(result, { color: false })).toMatch(/a default deny would not cut observed traffic/);
  });

  it('lists the allow rules no recorded flow used, with file and line', async () => {
    const { flows } = await check();
    expect(flows?.unusedRules).toEqual([
      { policy: 'shop/web-egress', direction: 'egress', index: 2, file: 'policies.yaml', line: 41 },
    ]);
  });

  it('shows both, with the window, in text, JSON and Markdown', async () => {
    const result = await check();
    const text = renderText(result, { color: false });
    expect(text).toContain(`Default-deny readiness, ${WINDOW} (2):`);
    expect(text).toContain(
      '  shop: 2 of 5 observed connections explicitly allowed: a default deny would cut the others',
    );
    expect(text).toContain('      shop/api -> pay/ledger TCP/9090 x300 (egress not explicitly allowed)');
    expect(text).toContain(`Allow rules no recorded flow used (candidates to narrow), ${WINDOW} (1):`);
    expect(text).toContain('  policies.yaml:41  shop/web-egress egress[2]');

    const json = JSON.parse(renderJson(result)) as typeof result;
    expect(json.flows?.readiness).toEqual(result.flows?.readiness);
    expect(json.flows?.unusedRules).toEqual(result.flows?.unusedRules);
    expect(json.flows?.window).toEqual({
      firstSeen: '2026-11-20T00:00:00.000Z',
      lastSeen: '2026-11-21T09:59:59.000Z',
    });

    const markdown = renderMarkdown(result);
    expect(markdown).toContain('<summary>Default-deny readiness (2)</summary>');
    expect(markdown).toContain(`From ${WINDOW}.`);
    expect(markdown).toContain('| `shop` | 2 of 5 connections | :hourglass: would cut traffic |');
    expect(markdown).toContain('<summary>Allow rules no recorded flow used (1)</summary>');
    expect(markdown).toContain('| `policies.yaml:41` | shop/<wbr>web-egress egress\\[2\\] |');
  });
});

describe('fixes in the reports', () => {
  it('link to their clickable suggestion when it was posted in the review, in one line', async () => {
    const result = await check({ changedFiles: ['policies.yaml'] });
    const ipFix = result.flows?.broken.find((flow) => 'ip' in flow.to)?.fix;
    expect(ipFix).toMatchObject({
      policy: { kind: 'NetworkPolicy', namespace: 'shop', name: 'web-egress' },
      line: 45,
      endLine: 45,
      inChangedFile: true,
    });
    const url = 'https://github.com/acme/gitops/pull/7#discussion_r42';
    const markdown = renderMarkdown(result, {
      suggestionUrl: (patch) => (patch.line === 45 && patch.file === 'policies.yaml' ? url : undefined),
    });
    expect(markdown).toContain(
      `Add to \`spec.egress\` of \`shop/web-egress\` at \`policies.yaml:45\`: [apply the suggestion in the review](${url}).`,
    );
    // Never a suggestion block in the comment, nor lines said to "become" something: the review has them.
    expect(markdown).not.toContain('```suggestion');
    expect(markdown).not.toMatch(/become/);
  });

  it('are the rule to paste, exactly its lines, at the policy line linked, when not in the review', async () => {
    const result = await check({ changedFiles: ['policies.yaml'] });
    const markdown = renderMarkdown(result, {
      context: { repositoryUrl: 'https://github.com/acme/gitops', headSha: 'a'.repeat(40) },
    });
    expect(markdown).not.toContain('```suggestion');
    const ipFix = result.flows?.broken.find((flow) => 'ip' in flow.to)?.fix;
    const blob = `https://github.com/acme/gitops/blob/${'a'.repeat(40)}/policies.yaml#L45`;
    expect(markdown).toContain(
      `Add this rule to \`spec.egress\` of \`shop/web-egress\` at [\`policies.yaml:45\`](${blob}):\n\n` +
        `\`\`\`yaml\n${ipFix?.yaml.trimEnd()}\n\`\`\``,
    );
    // The rule, not the policy line it is added after.
    expect(ipFix?.yaml.split('\n')[0]).toBe('- to:');
    expect(renderMarkdown(await check())).toContain(
      'Add this rule to `spec.egress` of `shop/web-egress` at `policies.yaml:45`:\n\n```yaml\n- to:',
    );
  });

  it('are SARIF fixes replacing whole lines', async () => {
    const log = JSON.parse(sarifReport(await check())) as {
      runs: { results: { ruleId: string; fixes?: { artifactChanges: { replacements: unknown[] }[] }[] }[] }[];
    };
    const results = log.runs[0]?.results ?? [];
    const broken = results.filter((r) => r.ruleId === 'broken-flow');
    expect(broken).toHaveLength(3);
    for (const result of broken) expect(result.fixes?.[0]?.artifactChanges[0]?.replacements).toHaveLength(1);
    const dns = results.find((r) => r.ruleId === 'dns-egress-missing');
    expect(dns?.fixes?.[0]?.artifactChanges[0]).toMatchObject({
      artifactLocation: { uri: 'policies.yaml', uriBaseId: '%SRCROOT%' },
      replacements: [{ deletedRegion: { startLine: 14, endLine: 14 } }],
    });
  });

  it('say in text which policy gets which rule', async () => {
    const text = renderText(await check(), { color: false });
    expect(text).toContain('Suggested fixes, verified against head (4):');
    expect(text).toContain(
      '  pay/ledger -> shop/api TCP/8080\n    add to spec.ingress of shop/api-ingress (policies.yaml:63):',
    );
  });
});
