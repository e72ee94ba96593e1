import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { DENY_PAYMENTS_EGRESS, TOKEN, TOKEN_FORMS } from './support.js';

/** The CLI on a pull request checkout, as a CI job would run it: what it reads and writes stays in the tree. */
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function tree(): { base: string; head: string; outside: string; root: string } {
  dir = mkdtempSync(path.join(tmpdir(), 'netpol-guard-cli-security-'));
  const [base, head, outside] = ['base', 'head', 'outside'].map((name) => path.join(dir ?? '', name));
  for (const folder of [base, head, outside]) mkdirSync(folder ?? '');
  writeFileSync(path.join(outside ?? '', 'secret.yaml'), `token: ${TOKEN}\n`);
  return { base: base ?? '', head: head ?? '', outside: outside ?? '', root: dir };
}

describe('netpol-guard check on a hostile tree', () => {
  it('exits 1 and names the folder when --head does not exist', async () => {
    const { base, root } = tree();
    const outcome = await cli([
      'check',
      '--base',
      base,
      '--head',
      path.join(root, 'missing'),
      '--format',
      'json',
    ]);
    expect(outcome.code).toBe(1);
    const report = JSON.parse(outcome.stdout) as { verdict: string; reasons: string[] };
    expect(report.verdict).toBe('fail');
    expect(report.reasons.join('\n')).toContain('nothing could be analysed at head');
  });

  it('does not follow a linked file or folder out of the tree, and fails naming it', async () => {
    const { base, head, outside } = tree();
    writeFileSync(path.join(head, 'deny.yaml'), DENY_PAYMENTS_EGRESS);
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(head, 'linked.yaml'));
    symlinkSync(outside, path.join(head, 'linked-folder'));
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(head, '.netpol-guard.yaml'));
    const outcome = await cli(['check', '--base', base, '--head', head, '--format', 'json']);
    for (const form of TOKEN_FORMS) expect(outcome.stdout + outcome.stderr).not.toContain(form);
    expect(outcome.code).toBe(1);
    const report = JSON.parse(outcome.stdout) as { diagnostics: { code: string; file?: string }[] };
    expect(report.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'symlink', file: 'linked.yaml' }),
        expect.objectContaining({ code: 'symlink', file: 'linked-folder' }),
        expect.objectContaining({ code: 'config', file: '.netpol-guard.yaml' }),
      ]),
    );
  });

  it('does not write --output through a link the tree holds', async () => {
    const { base, head, outside } = tree();
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(head, 'report.sarif'));
    const outcome = await cli(
      ['check', '--base', base, '--head', '.', '--format', 'sarif', '--output', 'report.sarif'],
      head,
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('symbolic link');
    expect(readFileSync(path.join(outside, 'secret.yaml'), 'utf8')).toBe(`token: ${TOKEN}\n`);
  });
});
