import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { podYaml } from './generated.js';
import { corpusBase, expectNoCrash, HOSTILE, HOSTILE_FLOWS, tempFolder } from './support.js';

/**
 * The hostile names of the corpus (workloads, namespaces, labels, flow endpoints, reasons of skipped flow records,
 * a file name) through the real `check` and `lint` into Markdown and SARIF: nothing they carry may act as markup.
 */

/**
 * Markdown the report itself writes: the folded sections, `<code>` for identifiers with markup characters, `<br>`
 * between the members of a folded row, `<wbr>` after a slash in a table cell, `<sub>` and `<abbr>` (an age with its ISO time) in the footer, and the footer's
 * run marker.
 */
const OUR_TAGS =
  /<(?!\/?(?:details|summary|code|sub|abbr)>|br>|wbr>|abbr title="[\dTZ:. -]+">|!-- netpol-guard:run -->)/;
/** The emoji the report writes itself; any other shortcode GitHub would show came from input. */
const OUR_EMOJI = new Set([
  'red_circle',
  'warning',
  'information_source',
  'hourglass',
  'white_check_mark',
  'x',
  'scissors',
]);
const LONG_NAME = 'n'.repeat(10_000);
/** A folder named `<` holding `details>...`: the path reads `</details>...`. */
const HOSTILE_FILE_NAME = '</details>|@here [x](https:evil.example) `#1`.yaml';

function headWithHostileFileNames(): string {
  const head = tempFolder('names-head');
  cpSync(HOSTILE, head, { recursive: true });
  mkdirSync(path.join(head, '<'));
  writeFileSync(path.join(head, HOSTILE_FILE_NAME), 'kind: [unclosed\n');
  writeFileSync(path.join(head, 'long-name.yaml'), podYaml(LONG_NAME));
  return head;
}

const base = corpusBase();
const head = headWithHostileFileNames();
const flows = `${HOSTILE_FLOWS}/hostile-names.jsonl`;
const check = (format: string) =>
  cli(['check', '--base', base, '--head', head, '--flows', flows, '--format', format]);
const lint = (format: string) => cli(['lint', '.', '--format', format], head);

/** Every `|` that is not escaped, outside `<code>` (whose content is escaped too): the cell borders. */
function cellBorders(row: string): number {
  return (row.match(/(?<!\\)\|/g) ?? []).length;
}

/** Info strings of the fenced blocks the report writes: the graph, and suggested YAML. */
const OUR_FENCES = new Set(['mermaid', 'yaml', 'suggestion']);

/**
 * Splits Markdown into its fenced code blocks and the text outside them, as CommonMark does: a block closes at a
 * line of the same fence character at least as long as its opening fence. Input that closed a block early would
 * leave its own text as the info string of a new block, or a block that never closes.
 */
function fencedBlocks(markdown: string): { outside: string; infos: string[]; unclosed: boolean } {
  const outside: string[] = [];
  const infos: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const [, run = '', info = ''] = /^(`{3,}|~{3,})(.*)$/.exec(line) ?? [];
    if (fence === undefined) {
      if (run) {
        fence = run;
        infos.push(info.trim());
      } else {
        outside.push(line);
      }
    } else if (run && info.trim() === '' && run[0] === fence[0] && run.length >= fence.length) {
      fence = undefined;
    }
  }
  return { outside: outside.join('\n'), infos, unclosed: fence !== undefined };
}

function expectInertMarkdown(markdown: string): void {
  // Code blocks show input literally; input cannot close one and write outside it.
  const { outside, infos, unclosed } = fencedBlocks(markdown);
  expect(unclosed).toBe(false);
  for (const info of infos) expect(OUR_FENCES).toContain(info);
  expect(outside).not.toMatch(OUR_TAGS);
  // Folded sections open and close in turn: input never closes one early or opens another.
  const folds = outside.match(/<\/?details>/g) ?? [];
  expect(folds.join('')).toBe('<details></details>'.repeat(folds.length / 2));
  // A table row has as many cells as its header.
  let header: number | undefined;
  for (const line of outside.split('\n')) {
    if (!line.startsWith('|')) header = undefined;
    else if (header === undefined) header = cellBorders(line);
    else expect(cellBorders(line), line).toBe(header);
  }
  // No link, image or autolink: brackets and parentheses are escaped, URLs and `www.` broken.
  expect(outside).not.toMatch(/(?<!\\)\]\(|:\/\/|www\./i);
  // No mention and no issue reference: `@` and `#123` are broken by a zero-width joiner.
  expect(outside).not.toMatch(/@(?!\u200D)|#\d/);
  // No emoji but the report's own: every `:shortcode:` GitHub could show is one of ours (a run of digits is a time).
  const shortcodes = [...outside.matchAll(/:([\w+-]+):/g)].map((m) => m[1] ?? '');
  const emoji = shortcodes.filter((name) => !/^\d+$/.test(name) || /^(?:100|1234)$/.test(name));
  expect(emoji.filter((name) => !OUR_EMOJI.has(name))).toEqual([]);
  // Bounded: the whole comment, and any one name.
  expect(markdown.length).toBeLessThanOrEqual(60_000);
  expect(markdown).not.toContain('n'.repeat(600));
}

interface SarifLog {
  runs: {
    tool: { driver: { rules: { help: { markdown: string } }[] } };
    results: { message: { text: string }; relatedLocations?: { message: { text: string } }[] }[];
    invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
}

/** Every message of a SARIF log that may carry input. */
function sarifMessages(sarif: string): string[] {
  return (JSON.parse(sarif) as SarifLog).runs.flatMap((run) => [
    ...run.results.flatMap((r) => [r.message.text, ...(r.relatedLocations ?? []).map((l) => l.message.text)]),
    ...run.invocations.flatMap((i) => i.toolExecutionNotifications.map((n) => n.message.text)),
  ]);
}

/** Brackets outside a backslash escape: the start or end of a SARIF embedded link (SARIF 2.1.0 §3.11.6). */
function hasLinkSyntax(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '[' || text[index] === ']') return true;
  }
  return false;
}

function expectInertSarif(sarif: string): void {
  const messages = sarifMessages(sarif);
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(hasLinkSyntax(message), message).toBe(false);
    expect(message).not.toMatch(/@(?!\u200D)|:\/\//);
    // eslint-disable-next-line no-control-regex -- no control character or line break reaches a message
    expect(message).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(message.length).toBeLessThanOrEqual(2_000);
  }
  // Rule help is the only Markdown of the log, and it is ours.
  const help =
    (JSON.parse(sarif) as SarifLog).runs[0]?.tool.driver.rules.map((rule) => rule.help.markdown) ?? [];
  for (const markdown of help) expect(markdown).not.toMatch(/owned|octocat|evil/);
}

describe('hostile names in the reports of the real CLI', () => {
  it('check --format markdown shows them, inert and bounded', async () => {
    const outcome = await check('markdown');
    expectNoCrash(outcome);
    expect(outcome.code).toBe(1);
    const markdown = outcome.stdout;
    expectInertMarkdown(markdown);
    // The names are there, escaped, in every section that shows input.
    expect(markdown).toContain('&lt;/details&gt;&lt;h1&gt;owned&lt;/h1&gt;'); // namespace
    expect(markdown).toContain('\\[click me\\]\\(https:\u200D//evil.example/<wbr>x\\)'); // workload
    expect(markdown).toContain('@\u200Dorg/<wbr>security-team'); // namespace of a pod
    expect(markdown).toContain('### Live flows that would break (1)');
    expect(markdown).toContain(
      'unknown field &quot;&lt;/details&gt;&lt;img src=x onerror=alert\\(1\\)&gt; @\u200Dhere',
    ); // skipped
    expect(markdown).toContain('<code>&lt;/details&gt;\\|@\u200Dhere'); // file name
    expect(markdown).toContain('`dns-egress-missing`');
    // Emoji shortcodes of a flow's workload name, digits and signs too, shown as text.
    expect(markdown).toContain(
      'party:\u200D+1: :\u200D100: :\u200D-1: :\u200Drocket: :\u200D1234: :\u200De-mail:',
    );
  });

  it('lint --format markdown shows them, inert and bounded', async () => {
    const outcome = await lint('markdown');
    expectNoCrash(outcome);
    expect(outcome.code).toBe(1);
    expectInertMarkdown(outcome.stdout);
    // A name the API server would reject is an error at its object, shown escaped, and the object not analysed.
    expect(outcome.stdout).toContain(
      '| `invalid-name` | `invalid-names.yaml:4` | Namespace &lt;/details&gt;&lt;h1&gt;owned&lt;/h1&gt;: metadata.name must',
    );
    expect(outcome.stdout).not.toContain('namespace &lt;/details&gt;&lt;h1&gt;owned&lt;/h1&gt; has');
  });

  it.each([
    ['check', check, '\\[click me\\](https:\u200D//evil.example/x)'],
    ['lint', lint, '`rm -rf /` | @\u200Deveryone'],
  ])('%s --format sarif keeps them out of link syntax, mentions and Markdown', async (_name, run, shown) => {
    const outcome = await run('sarif');
    expectNoCrash(outcome);
    expect(outcome.code).toBe(1);
    expectInertSarif(outcome.stdout);
    expect(sarifMessages(outcome.stdout).join('\n')).toContain(shown);
  });
});
