import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { sarifReport } from '../../src/check/sarif.js';
import type { CheckResult } from '../../src/check/types.js';
import type { PathChange } from '../../src/diff/types.js';
import { peerLabel } from '../../src/diff/peers.js';
import { formatPorts } from '../../src/report/format.js';
import { renderJson, renderMarkdown, renderText } from '../../src/report/index.js';

/** Pull requests of fixtures/diff reduced to issue 17 item 13's shapes (see each folder's README). */
async function check(name: string, reversed = false): Promise<CheckResult> {
  const side = (dir: string) => ({ root: dir, paths: [dir] });
  const dir = resolve('fixtures/diff', name);
  const [base, head] = reversed ? ['head', 'base'] : ['base', 'head'];
  return runCheck({ base: side(join(dir, base)), head: side(join(dir, head)) });
}

const line = (change: PathChange) =>
  `${peerLabel(change.from)} -> ${peerLabel(change.to)} ${formatPorts(change.protocol, change.ports)}`;

/** The rows of the table of one section of the Markdown report. */
function markdownRows(markdown: string, title: string): string[] {
  const section = markdown.split('\n### ').find((part) => part.startsWith(title)) ?? '';
  const table = section.slice(section.indexOf('\n| '));
  return table
    .slice(0, (table.indexOf('\n\n') + 1 || table.length + 1) - 1)
    .split('\n')
    .filter((row) => row.startsWith('| ') && !row.startsWith('| From') && !row.startsWith('| ---'));
}

describe('blocks a change spares', () => {
  it('are exceptions of one block, not the CIDRs around them', async () => {
    const { diff } = await check('merged-blocks');
    expect(diff.closed.map(line)).toEqual([
      'shop/web -> 0.0.0.0/0 SCTP/all ports',
      'shop/web -> 0.0.0.0/0 UDP/all ports',
      'shop/web -> 0.0.0.0/0 except 10.0.0.5/32 TCP/all ports',
      'shop/web -> 10.0.0.5/32 all except TCP/443',
      'shop/web -> ::/0 SCTP/all ports',
      'shop/web -> ::/0 TCP/all ports',
      'shop/web -> ::/0 UDP/all ports',
    ]);
  });

  it('count as the block: web -> 0.0.0.0/0, web -> 10.0.0.5/32 and web -> ::/0 are three paths', async () => {
    const result = await check('merged-blocks');
    expect(result.summary.closed).toBe(3);
    expect(renderText(result, { color: false })).toContain('Closed paths (3):');
    expect(renderMarkdown(result)).toContain('<summary>Closed paths (3)</summary>');
  });

  it('are in the JSON as an ipBlock writes them', async () => {
    const json = JSON.parse(renderJson(await check('merged-blocks'))) as CheckResult;
    expect(json.diff.closed.map((change) => change.to)).toContainEqual({
      cidr: '0.0.0.0/0',
      except: ['10.0.0.5/32'],
    });
  });

  it('are explained and located as the block they are', async () => {
    const { diff } = await check('merged-blocks');
    const spared = diff.closed.find((change) => peerLabel(change.to).includes('except'))!;
    expect(spared.explanation).toContain('no rule allows the port to 0.0.0.0/0 except 10.0.0.5/32');
    expect(spared.location).toMatchObject({ file: 'policies.yaml', line: 1 });
  });

  it('are judged on the addresses left: opened the other way round, the block holds the internet and the metadata endpoint', async () => {
    const { diff } = await check('merged-blocks', true);
    const spared = diff.opened.filter((change) => peerLabel(change.to).includes('except'));
    expect(spared.map((change) => [line(change), change.risk])).toEqual([
      ['shop/web -> 0.0.0.0/0 except 10.0.0.5/32 TCP/all ports', ['internet', 'metadata-endpoint']],
    ]);
  });
});

describe('rows of one cause', () => {
  it('are one row with its sources folded; the paths are counted one per source', async () => {
    const result = await check('rows-by-cause');
    expect(result.diff.opened.map(line)).toHaveLength(8);
    expect(result.summary.opened).toBe(8);
    const rows = markdownRows(renderMarkdown(result), 'Opened paths to review');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(
      '<summary>any pod in any namespace \\(8 workloads in 4 namespaces\\), at `policies.yaml:21`, which adds ' +
        '`namespaceSelector: {}`</summary>',
    );
    // Table cells may wrap after a slash between words (<wbr>, see src/report/markdown.ts).
    expect(rows[0]).toContain('billing/<wbr>api, billing/<wbr>worker, search/<wbr>api');
    expect(rows[0]).toContain('| ingress/<wbr>controller | TCP/443 |');
    expect(renderMarkdown(result)).toContain('### Opened paths to review (8)');
  });

  it('read the same in the terminal', async () => {
    const text = renderText(await check('rows-by-cause'), { color: false });
    expect(text).toContain(
      'Opened paths (8):\n' +
        '  + [any pod in any namespace (8 workloads in 4 namespaces) at policies.yaml:21, which adds ' +
        'namespaceSelector: {}] -> ingress/controller  TCP/443  risk: crosses namespaces; reachable from any ' +
        'namespace\n' +
        '      of: billing/api, billing/worker, search/api, search/worker, shop/api, shop/worker, team-a/api, ' +
        'team-a/worker\n',
    );
  });

  it('are one code scanning alert at the line of the cause', async () => {
    const sarif = JSON.parse(sarifReport(await check('rows-by-cause'))) as {
      runs: { results: { ruleId: string; message: { text: string } }[] }[];
    };
    const opened = sarif.runs[0]!.results.filter((result) => result.ruleId === 'opened-path');
    expect(opened.map((result) => result.message.text)).toEqual([
      'This change opens any pod in any namespace (8 workloads in 4 namespaces: billing/api, billing/worker, ' +
        'search/api, search/worker, shop/api, shop/worker, team-a/api, team-a/worker) -> ingress/controller ' +
        'TCP/443 (namespaceSelector: {} at policies.yaml:21): crosses namespaces; reachable from any namespace.',
    ]);
  });

  it('are one row for two paths of one peer, carrying the risks of both', async () => {
    const markdown = renderMarkdown(await check('risk-all-ports'));
    // web -> db stays in its namespace, prometheus -> db crosses: the row of their peer says both.
    const rows = markdownRows(markdown, 'Opened paths to review');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('any pod in any namespace \\(2 workloads in 2 namespaces\\)');
    expect(rows[0]).toContain('monitoring/<wbr>prometheus, shop/<wbr>web</details>');
    expect(rows[0]).toContain(':warning: crosses namespaces; reachable from any namespace');
    // The plain port of another rule is no member: folded with the other opened paths.
    expect(markdown).toContain('<summary>Other opened paths (1)</summary>');
  });

  it('count Cilium entities apart from pods outside the repository', async () => {
    const result = await check('entity-peers');
    const rows = markdownRows(renderMarkdown(result), 'Opened paths to review');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain(
      '<summary>every pod and Cilium entity of the cluster \\(1 workload in 1 namespace and 3 Cilium entities\\), ' +
        'at `policies.yaml:17`</summary>',
    );
    expect(rows[2]).toContain(
      ':warning: reachable from any namespace; reaches a node or the Kubernetes API server |',
    );
    expect(renderText(result, { color: false })).toContain(
      '  + ops/operator -> [every pod and Cilium entity of the cluster (1 workload in 1 namespace and 4 Cilium ' +
        'entities) at policies.yaml:17]  TCP/10250  risk: reachable from any namespace; reaches a node or the ' +
        'Kubernetes API server\n',
    );
  });

  it('are in the JSON with their cause and members, each member still a path of its own', async () => {
    const result = JSON.parse(renderJson(await check('risk-all-ports'))) as CheckResult;
    expect(result.diff.groups?.opened).toEqual([
      expect.objectContaining({
        peers: 'any pod in any namespace',
        written: 'namespaceSelector: {}',
        folds: 'from',
        to: { namespace: 'shop', kind: 'Deployment', name: 'db' },
        paths: 2,
        ports: [{ protocol: 'TCP', ports: [[9187, 9187]] }],
        risk: ['cross-namespace', 'any-namespace'],
        members: [
          { namespace: 'monitoring', kind: 'Deployment', name: 'prometheus' },
          { namespace: 'shop', kind: 'Deployment', name: 'web' },
        ],
      }),
    ]);
    expect(result.diff.groups?.opened[0]?.decision?.peer).toMatchObject({
      namespaceSelector: {},
      location: { file: 'policies.yaml', line: 27 },
    });
    expect(
      result.diff.opened.filter((change) => peerLabel(change.to) === 'shop/db' && change.risk),
    ).toHaveLength(2);
  });
});

describe('rows of a labelled namespace selector', () => {
  const gated = async (reversed = false) => {
    const side = (dir: string) => ({ root: dir, paths: [dir] });
    const dir = resolve('fixtures/diff/rows-by-selector');
    const [base, head] = reversed ? ['head', 'base'] : ['base', 'head'];
    return runCheck({
      base: side(join(dir, base)),
      head: side(join(dir, head)),
      failOnRisks: ['cross-namespace'],
    });
  };

  it('name the namespaces it matches, fail the check on every member and count every path', async () => {
    const result = await gated();
    expect(result.verdict).toBe('fail');
    expect(result.diff.opened.map((change) => change.failsOn)).toEqual([
      ['cross-namespace'],
      ['cross-namespace'],
      ['cross-namespace'],
    ]);
    expect(result.reasons).toEqual([
      'opens any pod in namespaces matching team=platform (3 workloads in 2 namespaces) -> payments/ledger ' +
        'TCP/8443 (cross-namespace) at policies.yaml:17',
    ]);
    const markdown = renderMarkdown(result);
    const rows = markdownRows(markdown, 'Opened paths that fail the check');
    expect(markdown).toContain('### Opened paths that fail the check (3)');
    expect(rows).toEqual([
      '| <details><summary>any pod in namespaces matching team=platform \\(3 workloads in 2 namespaces\\), at ' +
        '`policies.yaml:17`, which adds `namespaceSelector: {matchLabels: {team: platform}}`</summary>ops-a/<wbr>agent, ' +
        'ops-b/<wbr>agent, ops-b/<wbr>backup</details> | payments/<wbr>ledger | TCP/8443 | :warning: crosses namespaces |',
    ]);
    expect(result.diff.groups?.opened[0]).toMatchObject({ paths: 3, failsOn: ['cross-namespace'] });
  });

  it('closed, are one row named by the peer base allowed them by', async () => {
    const text = renderText(await gated(true), { color: false });
    expect(text).toContain(
      'Closed paths (3):\n' +
        // Where the rule was, in head's policy: its ingress list.
        '  - [any pod in namespaces matching team=platform (3 workloads in 2 namespaces) at policies.yaml:10] -> ' +
        'payments/ledger  TCP/8443\n' +
        '      of: ops-a/agent, ops-b/agent, ops-b/backup\n' +
        '      why: ingress of payments/ledger is isolated by payments/ledger-ingress (policies.yaml:1) and no rule ' +
        'allows the port from these sources\n',
    );
  });
});
