import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathChange } from '../../src/diff/types.js';
import { renderLintMarkdown, renderMarkdown } from '../../src/report/index.js';
import { failing, hostile, lint, manyFindings, passing } from './cases.js';

/** Cells of a table row, split as GitHub does: on pipes not escaped by a backslash. */
function cells(row: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const character = row[i];
    if (character === '\\') {
      current += row.slice(i, i + 2);
      i++;
    } else if (character === '|') {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts.slice(1, -1);
}

/** Each table of the document: its consecutive lines that start with a pipe. */
function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of [...markdown.split('\n'), '']) {
    if (line.startsWith('|')) {
      current.push(line);
    } else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  return found;
}

/** The structure a reader relies on: tables keep their columns, every `<details>` we open is closed. */
function expectWellFormed(markdown: string): void {
  for (const table of tables(markdown)) {
    const width = cells(table[0] ?? '').length;
    for (const row of table) expect(cells(row), row.slice(0, 200)).toHaveLength(width);
  }
  const opened = markdown.match(/^<details>$/gm)?.length ?? 0;
  expect(markdown.match(/<\/details>/g)?.length ?? 0).toBe(opened);
  expect(markdown.match(/<summary>/g)?.length ?? 0).toBe(opened);
  expect(markdown.match(/^```mermaid$/gm)?.length ?? 0).toBe(markdown.match(/^```$/gm)?.length ?? 0);
}

describe('the structure check of these tests', () => {
  it('catches a row that lost its columns and an unbalanced <details>', () => {
    expect(() => expectWellFormed('| a | b |\n| --- | --- |\n| x \\| y |\n')).toThrow();
    expect(() => expectWellFormed('<details>\n<summary>s</summary>\n</details>\n</details>\n')).toThrow();
    expect(() => expectWellFormed('| a | b |\n| --- | --- |\n| x \\\\| y |\n')).not.toThrow();
  });
});

describe('renderMarkdown on hostile input', () => {
  const markdown = renderMarkdown(hostile(), { marker: '<!-- netpol-guard:default -->' });

  it('lets no input open HTML: every tag is one the report emits', () => {
    expect(markdown).not.toMatch(/<script/i);
    expect(markdown).not.toMatch(/<img/i);
    const tags = markdown.match(/<[^>]*>?/g) ?? [];
    for (const tag of tags)
      expect(tag).toMatch(
        /^(<\/?(details|summary|code|sub|abbr)>|<wbr>|<abbr title="[\dTZ:. -]+">|<!-- netpol-guard:(default|run) -->)$/,
      );
  });

  it('adds no link, image or mention', () => {
    expect(markdown).not.toContain('](');
    expect(markdown).not.toContain('![');
    expect(markdown).not.toMatch(/@(?!\u200D)/);
    expect(markdown).not.toMatch(/https?:\/\//);
  });

  it('keeps every table row to its columns and closes only the <details> it opens', () => {
    expectWellFormed(markdown);
  });

  it('bounds 10,000-character values', () => {
    expect(markdown).not.toContain('A'.repeat(501));
    expect(markdown.length).toBeLessThan(30_000);
  });
});

describe('renderMarkdown', () => {
  it('spends the comment by priority: what fails the check, then what needs review, then the rest folded', () => {
    const markdown = renderMarkdown(failing());
    const order = [
      ':x: **Blocked**',
      '### Live flows that would break',
      '### Findings that fail the check',
      '### Opened paths to review',
      '<summary>Closed paths',
      '<summary>Other findings introduced by this PR',
      '```mermaid',
      '<summary>Pre-existing findings',
      '<summary>Diagnostics',
    ].map((heading) => [heading, markdown.indexOf(heading)] as const);
    for (const [heading, position] of order) expect(position, heading).toBeGreaterThanOrEqual(0);
    const positions = order.map(([, position]) => position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expectWellFormed(markdown);
  });

  it('lists the findings that fail the check errors first', () => {
    const result = failing();
    const finding = result.findings.find((f) => f.introduced && !f.suppressed)!;
    result.findings = [
      { ...finding, severity: 'warning', rule: 'namespace-selector-all' },
      { ...finding, severity: 'error', rule: 'dns-egress-missing' },
    ];
    result.gate = { failOn: 'warning', failOnBrokenFlows: true, inputReasons: [] };
    const section = renderMarkdown(result).split('### Findings that fail the check (2)')[1] ?? '';
    expect(section.indexOf('dns-egress-missing')).toBeGreaterThan(0);
    expect(section.indexOf('dns-egress-missing')).toBeLessThan(section.indexOf('namespace-selector-all'));
  });

  it('opens with the decision: the objects that decide it, their lines, then why, how to fix, what else', () => {
    const markdown = renderMarkdown(failing());
    const decision = markdown.split('\n\n')[1] ?? '';
    expect(decision).toMatch(/^:x: \*\*Blocked\*\*: cuts 2 live flows: /);
    const lines = markdown.split('\n');
    const why = lines.findIndex((line) => line.startsWith('- **Why it fails:**'));
    expect(why).toBeGreaterThan(0);
    expect(lines[why + 1]).toMatch(/^- \*\*How to fix:\*\* /);
    expect(lines[why + 2]).toMatch(/^- \*\*Also in this change:\*\* /);
    expect(markdown).not.toContain('](');
  });

  it('says a passing check that opens a risky path needs review (issue 19: three states, not two)', () => {
    const result = passing();
    const risky: PathChange = {
      from: { namespace: 'apps', kind: 'Deployment', name: 'frontend' },
      to: { namespace: 'data', kind: 'StatefulSet', name: 'postgres' },
      protocol: 'TCP',
      ports: [[5432, 5432]],
      risk: ['any-namespace'],
      location: { file: 'payments.yaml', line: 12, column: 1 },
    };
    const markdown = renderMarkdown({
      ...result,
      summary: { ...result.summary, opened: 1 },
      diff: { ...result.diff, opened: [risky] },
    });
    const headline = markdown.split('\n').find((line) => line.includes('**Needs review'));
    expect(headline).toBe(
      ':warning: **Needs review**: opens apps/frontend → data/postgres \\[StatefulSet\\] (reachable from any namespace) at `payments.yaml:12`',
    );
    expect(markdown).toContain('### Opened paths to review (1)');
    expect(
      renderMarkdown({ ...result, diff: { ...result.diff, opened: [{ ...risky, risk: [] }] } }),
    ).toContain(':white_check_mark: **Pass**');
  });

  it('says a passing hardening change in one line and folds the closed paths', () => {
    const result = passing();
    const closed = (name: string): PathChange => ({
      from: { namespace: 'payments', kind: 'Deployment', name },
      to: { cidr: '0.0.0.0/0' },
      protocol: 'TCP',
      ports: [[1, 65535]],
    });
    const flows = {
      records: 22,
      skipped: 0,
      skippedSamples: [],
      broken: [],
      newlyAllowed: [],
      stillDenied: 0,
      wouldBreakWhenEnforced: [],
      unmatched: [],
      otherDrops: 0,
      deniedAtBase: 0,
    };
    const markdown = renderMarkdown({
      ...result,
      flows,
      summary: { ...result.summary, closed: 14 },
      diff: { ...result.diff, closed: Array.from({ length: 14 }, (_, i) => closed(`worker-${i}`)) },
    });
    expect(markdown).toContain(
      ':white_check_mark: **Pass**: all 22 recorded flows still pass; 14 paths closed, none carried traffic',
    );
    expect(markdown).toContain('<summary>Closed paths (14)</summary>');
    expect(markdown).not.toContain('### Closed paths');
  });

  it('counts the policies of kinds not analysed in the headline (issue 16: the paths above leave them out)', () => {
    const unanalysed = (name: string) => ({
      severity: 'warning' as const,
      code: 'policy-kind-not-analysed',
      message: `Calico GlobalNetworkPolicy "${name}" (projectcalico.org/v3) is a network policy of a kind not evaluated`,
      file: 'calico.yaml',
      line: 1,
    });
    const result = passing();
    const headline = (diagnostics: typeof result.diagnostics) =>
      renderMarkdown({ ...result, diagnostics })
        .split('\n')
        .find((line) => line.includes('**Pass**'));
    expect(headline([unanalysed('a'), unanalysed('b')])).toContain(' (2 policies of kinds not analysed)');
    expect(headline([unanalysed('a')])).toContain(' (1 policy of kinds not analysed)');
    expect(headline([])).not.toContain('not analysed');
  });

  it('has no graph and no sections when nothing happened', () => {
    const markdown = renderMarkdown(passing());
    expect(markdown).not.toContain('mermaid');
    expect(markdown).not.toContain('###');
    expect(markdown).toContain(':white_check_mark: **Pass**: no reachability change');
  });

  it('puts the marker first and turns a malformed marker into a harmless comment', () => {
    expect(renderMarkdown(passing(), { marker: '<!-- netpol-guard:prod -->' })).toMatch(
      /^<!-- netpol-guard:prod -->\n/,
    );
    expect(
      renderMarkdown(passing(), { marker: 'x --> <b>bold</b>\n' }).startsWith('<!-- x  bbold/b -->\n'),
    ).toBe(true);
  });

  it('caps the graph and says so', () => {
    const result = failing();
    const change = (i: number): PathChange => ({
      from: { namespace: `team-${i}`, kind: 'Deployment', name: 'api' },
      to: { namespace: 'data', kind: 'StatefulSet', name: 'db' },
      protocol: 'TCP',
      ports: [[5432, 5432]],
    });
    result.diff.opened = Array.from({ length: 45 }, (_, i) => change(i));
    const graph = /```mermaid\n([\s\S]*?)```/.exec(renderMarkdown(result))?.[1] ?? '';
    expect(graph.match(/ (-->|-\.->|==>)\|/g)).toHaveLength(30);
    expect(renderMarkdown(result)).toContain('_Showing 30 of 46 changed edges; the tables list every path._');
  });
});

describe('renderMarkdown size bound', () => {
  it('renders 5,000 findings under the limit, says what was cut and where the full report is', () => {
    const markdown = renderMarkdown(manyFindings(5_000), {
      detailsUrl: 'https://github.com/acme/gitops/actions/runs/42?check_suite_focus=true',
    });
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expect(markdown).toMatch(
      /Not shown: [\d,]+ of 834 rows of “Findings that fail the check” and the sections “Opened paths to review”, “Closed paths”, “Other findings introduced by this PR”, /,
    );
    expect(markdown).toContain(
      'The [full report](https://github.com/acme/gitops/actions/runs/42?check_suite_focus=true) is in the job summary of the run.',
    );
    // Priority, not section order: what fails the check is shown, errors first, and the decision is never cut.
    expect(markdown).toContain(':x: **Blocked**');
    const failingRows =
      markdown.split('### Findings that fail the check (834)')[1]?.split('\n_…and')[0] ?? '';
    expect(failingRows).toContain(':red_circle: error');
    expect(failingRows).not.toContain(':warning: warning');
    // The Action uploads no artifact: the note does not promise one.
    expect(markdown).not.toContain('artifact');
    expect(markdown).toContain('_…and ');
    expectWellFormed(markdown);
  });

  it('stays under any maxLength and well formed, cutting whole rows and sections', () => {
    const result = manyFindings(400);
    fc.assert(
      fc.property(fc.integer({ min: 6_000, max: 80_000 }), (maxLength) => {
        const markdown = renderMarkdown(result, { maxLength });
        expect(markdown.length).toBeLessThanOrEqual(maxLength);
        expectWellFormed(markdown);
      }),
      { numRuns: 40 },
    );
  });

  it('links only http(s) URLs', () => {
    const markdown = renderMarkdown(manyFindings(5_000), { detailsUrl: 'javascript:alert(1)' });
    expect(markdown).not.toContain('javascript:');
    expect(markdown).toContain(
      "The full report is in the job summary of the run (and in the JSON report, the step's `report` output).",
    );
  });
});

describe('renderLintMarkdown', () => {
  it('shows findings with the same escaping and folding as check', () => {
    const markdown = renderLintMarkdown(lint());
    expect(markdown).toContain(':x: **2 findings**: 1 error, 1 warning, 0 infos, 1 suppressed');
    expect(markdown).toContain('<summary>Suppressed findings (1)</summary>');
    expectWellFormed(markdown);
  });
});
