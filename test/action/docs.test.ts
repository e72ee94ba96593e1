import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('README.md and docs/action.md', () => {
  it('has the inputs and outputs tables of action.yml (regenerate: node scripts/gen-action-docs.mjs)', () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/gen-action-docs.mjs', '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
