import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import { cli } from '../support/cli.js';
import { createTestRepo, temporaryDirectory } from '../support/git-repo.js';

const workspace = temporaryDirectory('ng-base-ref');
afterAll(() => workspace.remove());

describe('check --base-ref', () => {
  it('compares the working tree with a commit of its repository, as the Action does on a PR', async () => {
    const repo = createTestRepo(workspace.dir);
    repo.copyTree('fixtures/demo/base', 'k8s');
    repo.commit('base', {});
    repo.copyTree('fixtures/demo/head', 'k8s');
    repo.commit('head', {});
    const flows = join(process.cwd(), 'fixtures/demo/flows/hubble.jsonl');

    const fromRef = await cli(
      ['check', '--base-ref', 'HEAD~1', '--head', 'k8s', '--flows', flows, '--format', 'json'],
      repo.dir,
    );
    const fromDirs = await cli([
      'check',
      '--base',
      'fixtures/demo/base',
      '--head',
      'fixtures/demo/head',
      '--flows',
      flows,
      '--format',
      'json',
    ]);
    expect(fromRef.stderr).toBe('');
    expect(fromRef.code).toBe(1);
    const a = JSON.parse(fromRef.stdout) as CheckResult;
    const b = JSON.parse(fromDirs.stdout) as CheckResult;
    expect(a.diff).toEqual(b.diff);
    expect(a.flows?.broken.map((f) => f.explanation)).toEqual(b.flows?.broken.map((f) => f.explanation));
    expect(a.findings.map((f) => [f.rule, f.file, f.line, f.introduced])).toEqual(
      b.findings.map((f) => [f.rule, f.file, f.line, f.introduced]),
    );
    // The temporary worktree is gone.
    expect(repo.git('worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('writes SARIF relative to the repository root, not to --head', async () => {
    const repo = createTestRepo(join(workspace.dir, 'sarif'));
    repo.copyTree('fixtures/demo/base', 'clusters/prod');
    repo.commit('base', {});
    repo.copyTree('fixtures/demo/head', 'clusters/prod');
    repo.commit('head', {});
    const run = await cli(
      ['check', '--base-ref', 'HEAD~1', '--head', 'clusters/prod', '--format', 'sarif'],
      repo.dir,
    );
    const log = JSON.parse(run.stdout) as {
      runs: {
        originalUriBaseIds: Record<string, { uri: string }>;
        results: { locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    const [sarif] = log.runs;
    expect(sarif?.originalUriBaseIds).toEqual({
      '%SRCROOT%': { uri: pathToFileURL(`${realpathSync(repo.dir)}/`).href },
    });
    const uris = (sarif?.results ?? []).flatMap((r) => r.locations ?? []);
    expect(uris.length).toBeGreaterThan(0);
    for (const { physicalLocation } of uris)
      expect(physicalLocation.artifactLocation.uri).toMatch(/^clusters\/prod\/[a-z]+\/[a-z-]+\.yaml$/);
  });

  it('says how to give the base when both or neither are given', async () => {
    expect((await cli(['check', '--head', '.'])).stderr).toMatch(/--base DIR or as --base-ref REF/);
    expect((await cli(['check', '--base', 'a', '--base-ref', 'main'])).code).toBe(2);
  });

  it('exits 1 with the reason when the ref does not exist, without a stack trace', async () => {
    const repo = createTestRepo(join(workspace.dir, 'other'));
    repo.commit('only', { 'a.yaml': 'kind: Namespace\napiVersion: v1\nmetadata: {name: a}\n' });
    const run = await cli(['check', '--base-ref', 'no-such-branch'], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no-such-branch/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
