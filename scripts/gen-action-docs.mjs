// Writes the inputs and outputs tables of README.md and docs/action.md from action.yml, the one source of truth.
// `node scripts/gen-action-docs.mjs` rewrites them; `--check` exits 1 when the committed tables differ (a test runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';

const DOCS = ['README.md', 'docs/action.md'];
const action = parse(readFileSync('action.yml', 'utf8'));

/** One table cell: on one line, pipes escaped so they cannot split the row. */
const cell = (text) =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);
const defaultCell = (value) => {
  const lines = String(value ?? '')
    .split('\n')
    .filter((line) => line !== '');
  return lines.length === 0 ? '' : lines.map((line) => code(cell(line))).join('<br>');
};

const inputs = [
  '| Input | Default | Description |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, input]) => `| \`${name}\` | ${defaultCell(input.default)} | ${cell(input.description)} |`,
  ),
].join('\n');
const outputs = [
  '| Output | Description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`),
].join('\n');

const replaceSection = (doc, text, name, table) => {
  const pattern = new RegExp(`(<!-- ${name}:start[^>]*-->\\n)[\\s\\S]*?(\\n<!-- ${name}:end -->)`);
  if (!pattern.test(text))
    throw new Error(`${doc} lacks the <!-- ${name}:start --> ... <!-- ${name}:end --> markers`);
  return text.replace(pattern, (_, start, end) => `${start}\n${table}\n${end}`);
};

let stale = false;
for (const doc of DOCS) {
  const current = readFileSync(doc, 'utf8');
  // Formatted as `prettier --check` wants it, so the lint step and this check agree.
  const generated = await format(
    replaceSection(doc, replaceSection(doc, current, 'inputs', inputs), 'outputs', outputs),
    { ...(await resolveConfig(doc)), filepath: doc },
  );
  if (generated === current) continue;
  if (process.argv.includes('--check')) {
    console.error(
      `${doc}: the inputs/outputs tables differ from action.yml; run: node scripts/gen-action-docs.mjs`,
    );
    stale = true;
  } else {
    writeFileSync(doc, generated);
  }
}
if (stale) process.exit(1);
