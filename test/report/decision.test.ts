import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import { formatPorts } from '../../src/report/format.js';
import { comparableReport } from '../../src/report/footer.js';
import { renderMarkdown } from '../../src/report/index.js';
import { cli } from '../support/cli.js';
import { failing, hostile, passing } from './cases.js';

/**
 * The decision block, links and footer of the comment (issue 19), on the renderer's fixtures and on the scenarios of
 * fixtures/scenarios run through the CLI's JSON (the real check result of each).
 */
const context = {
  repositoryUrl: 'https://github.com/acme/gitops',
  headSha: 'a'.repeat(40),
  baseSha: 'b'.repeat(40),
  pathPrefix: 'k8s/',
  now: '2026-11-22T08:03:51.000Z',
};
const runUrl = 'https://github.com/acme/gitops/actions/runs/42';

async function scenario(name: string, options: string[] = []): Promise<CheckResult> {
  const dir = `fixtures/scenarios/${name}`;
  const { readdirSync } = await import('node:fs');
  const flows = readdirSync(dir).filter((file) => file.startsWith('flows'));
  const { stdout } = await cli([
    'check',
    '--base',
    `${dir}/base`,
    '--head',
    `${dir}/head`,
    ...flows.flatMap((file) => ['--flows', `${dir}/${file}`]),
    '--format',
    'json',
    ...options,
  ]);
  return JSON.parse(stdout) as CheckResult;
}

describe('the decision block', () => {
  it('names the broken flows and the gating finding of dns-forgotten, each linked to its head line', async () => {
    const markdown = renderMarkdown(await scenario('dns-forgotten'), { context, detailsUrl: runUrl });
    const decision = markdown.split('\n\n')[1] ?? '';
    expect(decision).toMatch(/^:x: \*\*Blocked\*\*: cuts \d+ live flows?: /);
    // Every place in the decision is a link to the head blob at that line, under the repository prefix.
    const links = [...decision.matchAll(/`\]\((https:[^)]+)\)/g)]
      .map((match) => match[1])
      .filter((link) => !link?.startsWith('https://github.com/netpol-guard/'));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links)
      expect(link).toMatch(
        new RegExp(`^https://github\\.com/acme/gitops/blob/${'a'.repeat(40)}/k8s/.+#L\\d+$`),
      );
    expect(decision).toContain('(DNS, UDP 53)');
  });

  it('counts each thing once: the also line leaves out what the headline named', () => {
    const markdown = renderMarkdown(failing());
    const also = markdown.split('\n').find((line) => line.startsWith('- **Also in this change:**')) ?? '';
    // The failing fixture's one closed path carried one of the broken flows: it is not counted again.
    expect(also).not.toMatch(/closed/);
    expect(also).toContain('3 opened paths to review (risky)');
  });

  it('links rule ids to the project documentation, not into the reader repository', async () => {
    const markdown = renderMarkdown(await scenario('dns-forgotten'), { context });
    expect(markdown).toContain(
      '[`dns-egress-missing`](https://github.com/netpol-guard/netpol-guard/blob/main/docs/rules.md#dns-egress-missing)',
    );
  });

  it('links nothing from hostile input: file names are percent-encoded path segments', () => {
    const markdown = renderMarkdown(hostile(), { context });
    for (const [, url] of markdown.matchAll(/\]\(([^)]*)\)/g)) {
      expect(url).toMatch(
        /^https:\/\/github\.com\/(acme\/gitops\/blob\/a{40}\/k8s\/|netpol-guard\/netpol-guard\/)/,
      );
      expect(url).not.toMatch(/[\s<>"'`|]/);
    }
  });

  it('needs review on db-open-to-all when the gate does not fail on its finding or its risk', async () => {
    const result = await scenario('db-open-to-all', ['--fail-on', 'never', '--fail-on-risks', 'none']);
    expect(result.verdict).toBe('pass');
    const headline = renderMarkdown(result).split('\n\n')[1] ?? '';
    expect(headline).toMatch(/^:warning: \*\*Needs review\*\*: opens .*reachable from any namespace/);
  });

  it('says a careful hardening change passes in one line', async () => {
    const result = await scenario('careful-hardening');
    expect(result.verdict).toBe('pass');
    const headline = renderMarkdown(result).split('\n\n')[1] ?? '';
    expect(headline).toMatch(
      /^:white_check_mark: \*\*Pass\*\*: all [\d,]+ recorded flows still pass; [\d,]+ paths closed, none carried traffic/,
    );
  });
});

describe('the footer', () => {
  it('names head and base, links the run, and gives the flow window with its age', () => {
    const markdown = renderMarkdown(failing(), { context, detailsUrl: runUrl });
    const footer = markdown.slice(markdown.lastIndexOf('\n---\n'));
    expect(footer).toContain(`head \`${'a'.repeat(12)}\``);
    expect(footer).toContain(`base \`${'b'.repeat(12)}\``);
    expect(footer).toContain(`[this run](${runUrl})`);
    expect(footer).toMatch(
      /replayed over 23 hours, ending <abbr title="[^"]+ to [^"]+">\d+ (hours|days?) before this run<\/abbr>/,
    );
    expect(footer).toContain('**The flows cover only 23 hours**');
  });

  it('warns when no flows were given', () => {
    expect(renderMarkdown(passing())).toContain(':warning: **No recorded flows were replayed**');
  });

  it('keeps what changes from run to run after the run marker, so on-change compares reports', () => {
    const one = renderMarkdown(failing(), { context, detailsUrl: runUrl });
    const other = renderMarkdown(failing(), {
      context: { ...context, now: '2026-11-25T08:03:51.000Z' },
      detailsUrl: 'https://github.com/acme/gitops/actions/runs/43',
    });
    expect(one).not.toBe(other);
    expect(comparableReport(one)).toBe(comparableReport(other));
  });

  it('says flow times as ages with the ISO time in the title', () => {
    const markdown = renderMarkdown(failing(), { context });
    const row = markdown.split('\n').find((line) => line.startsWith('| payments/<wbr>ledger-worker')) ?? '';
    expect(row).toMatch(
      /<abbr title="\d{4}-\d\d-\d\dT[\d:.]+Z">\d+ (hours|days?|minutes?) before this run<\/abbr>/,
    );
  });
});

describe('ports as people say them', () => {
  it('says every port but a few as "all except"', () => {
    expect(
      formatPorts('TCP', [
        [1, 6378],
        [6380, 65535],
      ]),
    ).toBe('all except TCP/6379');
    expect(
      formatPorts('UDP', [
        [1, 52],
        [54, 122],
        [124, 65535],
      ]),
    ).toBe('all except UDP/53, 123');
    expect(formatPorts('TCP', [[1, 65535]])).toBe('TCP/all ports');
    expect(
      formatPorts('TCP', [
        [80, 80],
        [8000, 8080],
      ]),
    ).toBe('TCP/80, 8000-8080');
  });
});
