import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_DOC_PATH, renderRulesDoc } from '../../src/rules/docs.js';
import { POLICY_KINDS } from '../../src/kinds/registry.js';
import { rules } from '../../src/rules/index.js';

const REGENERATE = 'UPDATE_DOCS=1 npx vitest run test/rules/docs.test.ts';

describe('docs/rules.md', () => {
  it('is the rendering of the rule metadata', () => {
    const rendered = renderRulesDoc();
    if (process.env.UPDATE_DOCS) writeFileSync(RULES_DOC_PATH, rendered);
    let current = '';
    try {
      current = readFileSync(RULES_DOC_PATH, 'utf8');
    } catch {
      // A missing file is reported as a difference below.
    }
    expect(current, `${RULES_DOC_PATH} is out of date: regenerate it with \`${REGENERATE}\``).toBe(rendered);
  });

  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('documents %s fully', (id, rule) => {
    const { description, rationale, remediation, example } = rule.meta;
    for (const text of [description, rationale, remediation, example]) expect(text.trim()).not.toBe('');
    const doc = renderRulesDoc();
    expect(doc).toContain(`\n## ${id}\n`);
    expect(doc).toContain(`| [\`${id}\`](#${id}) |`);
  });

  it.each(rules.map((rule) => [rule.meta.id, rule] as const))(
    '%s names the policy kinds it judges',
    (_, rule) => {
      const evaluated = new Set(POLICY_KINDS.map((kind) => kind.kind));
      expect(rule.meta.kinds.length).toBeGreaterThan(0);
      for (const kind of rule.meta.kinds) expect(evaluated).toContain(kind);
    },
  );
});
