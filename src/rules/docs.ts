import { DEFAULT_CONFIG_FILE } from '../config/defaults.js';
import { rules as registry } from './index.js';
import { IGNORE_ANNOTATION } from './run.js';
import type { Rule } from './types.js';

/** Where the rendered catalogue lives, relative to the repository root. */
export const RULES_DOC_PATH = 'docs/rules.md';

/** The kinds a rule judges, as the docs name them. */
function kindList(kinds: readonly string[]): string {
  return kinds.map((kind) => `\`${kind}\``).join(', ');
}

/** Table cells cannot hold a pipe or a line break. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function suppressionSection(rule: Rule): string[] {
  const config = [
    `Turn it off or change its severity in \`${DEFAULT_CONFIG_FILE}\`, or skip files with \`ignore\`:`,
    '',
    '```yaml',
    'rules:',
    `  ${rule.meta.id}: off   # or info, warning, error`,
    'ignore:',
    "  - 'legacy/**'",
    '```',
  ];
  const target = rule.meta.suppressibleByAnnotation;
  if (target === false) {
    return [
      `Findings of this rule are not about one policy, so the \`${IGNORE_ANNOTATION}\` annotation does not apply.`,
      ...config,
    ];
  }
  return [
    `On the ${target === 'Namespace' ? 'Namespace (declared in a manifest)' : 'policy'}, say which rule to ` +
      'silence and why (the finding stays in reports, marked as suppressed, and never fails a run):',
    '',
    '```yaml',
    'metadata:',
    '  annotations:',
    `    ${IGNORE_ANNOTATION}: "${rule.meta.id}: <why this is intended>"`,
    '```',
    '',
    ...config,
  ];
}

/**
 * Renders `docs/rules.md` from the rules' metadata, so the docs cannot drift from the code: a summary table, how to
 * configure and suppress, then one section per rule.
 */
export function renderRulesDoc(rules: readonly Rule[] = registry): string {
  const lines = [
    '# Lint rules',
    '',
    '<!-- Generated from the rule metadata (src/rules/*.ts) by src/rules/docs.ts. Do not edit by hand: run',
    '     UPDATE_DOCS=1 npx vitest run test/rules/docs.test.ts -->',
    '',
    '`netpol-guard lint` (and `check`, on the head of a pull request) runs these rules over the policies of the kinds ' +
      'each one names (NetworkPolicy, and the cluster policies of policy.networking.k8s.io). ' +
      'Rules that judge what traffic flows ask the reachability engine, over all the policies that apply together, ' +
      'so a DNS rule in a separate policy or a default deny elsewhere in the namespace is taken into account.',
    '',
    '| Rule | Default | Kinds | Catches |',
    '| --- | --- | --- | --- |',
    ...rules.map(
      ({ meta }) =>
        `| [\`${meta.id}\`](#${meta.id}) | ${meta.severity} | ${kindList(meta.kinds)} | ${cell(meta.description)} |`,
    ),
    '',
    '## Severities and failing',
    '',
    `Each finding has the rule's severity (\`info\`, \`warning\`, \`error\`), which \`rules:\` in ` +
      `\`${DEFAULT_CONFIG_FILE}\` can change or set to \`off\`. \`failOn\` (\`error\` by default, or \`warning\`, ` +
      '`never`) decides which severities fail the run. Suppressed findings are still reported and never fail a run.',
    '',
    '## Suppressing findings',
    '',
    `A policy can silence rules with the \`${IGNORE_ANNOTATION}\` annotation: a comma-separated list of rule ids, ` +
      'optionally followed by `:` and the reason, which reports show next to the finding. Findings about a ' +
      `namespace (${rules
        .filter(({ meta }) => meta.suppressibleByAnnotation === 'Namespace')
        .map(({ meta }) => `\`${meta.id}\``)
        .join(', ')}) are silenced by the same annotation on its Namespace manifest.`,
    '',
    '```yaml',
    'metadata:',
    '  annotations:',
    `    ${IGNORE_ANNOTATION}: "namespace-selector-all,allow-all-peer: Prometheus scrapes every namespace"`,
    '```',
    '',
  ];
  for (const rule of rules) {
    const { meta } = rule;
    lines.push(
      `## ${meta.id}`,
      '',
      `Default severity: **${meta.severity}**`,
      '',
      `Applies to: ${kindList(meta.kinds)}`,
      '',
      meta.description,
      '',
      '### Why it matters',
      '',
      meta.rationale,
      '',
      '### How to fix',
      '',
      meta.remediation,
      '',
      '```yaml',
      meta.example,
      '```',
      '',
      '### How to suppress',
      '',
      ...suppressionSection(rule),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
