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
      expect(tag).toMatch(/^(<\/?(details|summary|code)>|<!-- netpol-guard:default -->)$/);
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
  it('puts broken flows first, then opened and closed paths, then introduced findings, and folds the rest', () => {
    const markdown = renderMarkdown(failing());
    const order = [
      'Live flows that would break',
      'Opened paths',
      'Closed paths',
      '```mermaid',
      'Workloads added or removed',
      'Findings introduced by this PR',
      '<summary>Pre-existing findings',
      '<summary>Diagnostics',
    ].map((heading) => markdown.indexOf(heading));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expectWellFormed(markdown);
  });

  it('says the verdict in the headline', () => {
    expect(renderMarkdown(failing())).toContain(
      ':x: **2 live flows would break, 1 new finding at or above error**, 3 paths opened, 1 closed, 4 findings (2 new)',
    );
    expect(renderMarkdown(passing())).toContain(':white_check_mark: **Pass**');
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
    const headline = renderMarkdown({
      ...result,
      summary: { ...result.summary, opened: 1 },
      diff: { ...result.diff, opened: [risky] },
    })
      .split('\n')
      .find((line) => line.includes('**Needs review'));
    expect(headline).toContain(':warning: **Needs review: opens ');
    expect(headline).toContain('apps/frontend -&gt; data/postgres');
    expect(headline).toMatch(/any-namespace\\?\) at payments\.yaml:12\*\*, 1 path opened/);
    expect(
      renderMarkdown({ ...result, diff: { ...result.diff, opened: [{ ...risky, risk: [] }] } }),
    ).toContain(':white_check_mark: **Pass**');
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
    expect(headline([unanalysed('a'), unanalysed('b')])).toContain(', 2 policies of kinds not analysed');
    expect(headline([unanalysed('a')])).toContain(', 1 policy of kinds not analysed');
    expect(headline([])).not.toContain('not analysed');
  });

  it('has no graph and no sections when nothing happened', () => {
    const markdown = renderMarkdown(passing());
    expect(markdown).not.toContain('mermaid');
    expect(markdown).not.toContain('###');
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
    expect(graph.match(/-->/g)).toHaveLength(30);
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
      /Not shown: [\d,]+ of 2,500 rows of “Findings introduced by this PR” and the sections “Pre-existing findings”, “New connections/,
    );
    expect(markdown).toContain(
      '[full report](https://github.com/acme/gitops/actions/runs/42?check_suite_focus=true)',
    );
    expect(markdown).toContain('_…and ');
    expectWellFormed(markdown);
  });

  it('stays under any maxLength and well formed, cutting whole rows and sections', () => {
    const result = manyFindings(400);
    fc.assert(
      fc.property(fc.integer({ min: 2_000, max: 80_000 }), (maxLength) => {
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
    expect(markdown).toContain('Everything is in the job summary and in the JSON report artifact.');
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
