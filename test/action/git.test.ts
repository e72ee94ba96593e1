import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseBase } from '../../src/git/base.js';
import { listTreeFiles, selectFiles } from '../../src/git/files.js';
import { renderEnvironment, runRender } from '../../src/git/render.js';
import { changedFiles, checkoutBaseTree, repositoryPrefix, resolveBaseCommit } from '../../src/git/trees.js';
import { createTestRepo, temporaryDirectory } from '../support/git-repo.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
function scratch(): string {
  const { dir, remove } = temporaryDirectory('netpol-guard-git');
  cleanups.push(remove);
  return dir;
}

describe('chooseBase', () => {
  const sha = 'a'.repeat(40);
  it.each([
    [
      'pull_request',
      { pull_request: { base: { sha } } },
      undefined,
      { kind: 'ref', ref: sha, source: 'the pull request base' },
    ],
    [
      'pull_request_target',
      { pull_request: { base: { sha } } },
      undefined,
      { kind: 'ref', ref: sha, source: 'the pull request base' },
    ],
    ['push', { before: sha }, undefined, { kind: 'ref', ref: sha, source: 'the commit before the push' }],
    [
      'push',
      { before: '0'.repeat(40) },
      undefined,
      { kind: 'empty', source: 'the first push of this branch' },
    ],
    ['workflow_dispatch', {}, 'main', { kind: 'ref', ref: 'main', source: 'the base-ref input' }],
    [
      'pull_request',
      { pull_request: { base: { sha } } },
      'v1.2',
      { kind: 'ref', ref: 'v1.2', source: 'the base-ref input' },
    ],
  ])('%s %j with base-ref %s', (event, payload, baseRef, expected) => {
    expect(chooseBase(event, payload, baseRef)).toEqual(expected);
  });

  it('says to set base-ref when the event has no base', () => {
    expect(chooseBase('workflow_dispatch', {}, undefined)).toEqual({
      kind: 'missing',
      message:
        '"workflow_dispatch" events have no base commit: set the base-ref input (a commit, branch or tag)',
    });
    expect(chooseBase('pull_request', { pull_request: {} }, undefined).kind).toBe('missing');
    expect(chooseBase('push', null, undefined).kind).toBe('missing');
  });
});

describe('selectFiles', () => {
  const files = [
    'a.yaml',
    'k8s/app.yaml',
    'k8s/test/fake.yaml',
    'k8s/values.json',
    'README.md',
    '.github/ci.yml',
  ];
  it('keeps what a pattern matches and no ! pattern excludes; dot folders need an explicit pattern', () => {
    expect(selectFiles(files, ['**/*.yaml', '**/*.yml', '!k8s/test/**'])).toEqual(['a.yaml', 'k8s/app.yaml']);
    expect(selectFiles(files, ['./k8s/*.json', '.github/*.yml'])).toEqual([
      'k8s/values.json',
      '.github/ci.yml',
    ]);
    expect(selectFiles(files, [])).toEqual([]);
  });
});

describe('listTreeFiles', () => {
  it('lists regular files, skips .git and node_modules, and does not follow symbolic links', () => {
    const root = scratch();
    for (const file of ['k8s/a.yaml', '.git/config', 'node_modules/x/p.json', 'b.yml']) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), '');
    }
    symlinkSync('/etc/hostname', path.join(root, 'k8s/secret.yaml'));
    symlinkSync('/etc', path.join(root, 'etc'));
    expect(listTreeFiles(root)).toEqual({
      files: ['b.yml', 'k8s/a.yaml'],
      symlinks: ['etc', 'k8s/secret.yaml'],
    });
  });
});

describe('base tree', () => {
  it('checks out the base commit beside the workspace and removes it afterwards', async () => {
    const repo = createTestRepo(scratch());
    const base = repo.commit('base', { 'k8s/a.yaml': 'base\n', 'k8s/gone.yaml': 'x\n' });
    repo.commit('head', { 'k8s/a.yaml': 'head\n', 'k8s/gone.yaml': null, 'k8s/new.yaml': 'y\n' });
    writeFileSync(path.join(repo.dir, 'untracked.yaml'), 'z\n');
    const temp = scratch();

    const tree = await checkoutBaseTree(repo.dir, await resolveBaseCommit(repo.dir, 'HEAD~1'), temp);
    expect(listTreeFiles(tree.dir).files).toEqual(['k8s/a.yaml', 'k8s/gone.yaml']);
    expect(await changedFiles(repo.dir, base)).toEqual(
      new Set(['k8s/a.yaml', 'k8s/gone.yaml', 'k8s/new.yaml', 'untracked.yaml']),
    );
    expect(await changedFiles(repo.dir, undefined)).toEqual(
      new Set(['k8s/a.yaml', 'k8s/new.yaml', 'untracked.yaml']),
    );
    await tree.remove();
    expect(listTreeFiles(temp).files).toEqual([]);
    expect(repo.git('worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('fetches a base commit a shallow checkout lacks', async () => {
    const origin = createTestRepo(scratch());
    const base = origin.commit('base', { 'a.yaml': '1\n' });
    origin.commit('head', { 'a.yaml': '2\n' });
    origin.git('config', 'uploadpack.allowReachableSHA1InWant', 'true');
    const clone = path.join(scratch(), 'clone');
    origin.git('clone', '--quiet', '--depth=1', `file://${origin.dir}`, clone);

    expect(await resolveBaseCommit(clone, base)).toBe(base);
  });

  it('says to set fetch-depth: 0 when the base commit cannot be had', async () => {
    const repo = createTestRepo(scratch());
    repo.commit('only', { 'a.yaml': '1\n' });
    await expect(resolveBaseCommit(repo.dir, 'b'.repeat(40))).rejects.toThrow(
      /base commit b{40} is not in the checkout and fetching it from origin failed .*Set `fetch-depth: 0` on actions\/checkout/,
    );
    await expect(resolveBaseCommit(repo.dir, '--upload-pack=touch /tmp/pwned')).rejects.toThrow(
      /is not a commit/,
    );
  });

  it('maps workspace paths into the repository when the workspace is a subfolder', async () => {
    const repo = createTestRepo(scratch());
    repo.commit('base', { 'deploy/k8s/a.yaml': '1\n' });
    expect(await repositoryPrefix(repo.dir)).toBe('');
    expect(await repositoryPrefix(path.join(repo.dir, 'deploy'))).toBe('deploy/');
  });
});

describe('runRender', () => {
  it('returns stdout of the command run in the tree, without the Action’s inputs or runtime token', async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'm.yaml'), 'kind: NetworkPolicy\n');
    const env = renderEnvironment(
      {
        ...process.env,
        INPUT_TOKEN: 'secret',
        ACTIONS_RUNTIME_TOKEN: 'secret',
        KEEP: 'kept',
      },
      ['KEEP'],
    );
    const output = await runRender(
      'cat m.yaml; echo "token=${INPUT_TOKEN:-none} ${ACTIONS_RUNTIME_TOKEN:-none} $KEEP"',
      dir,
      {
        env,
      },
    );
    expect(output).toBe('kind: NetworkPolicy\ntoken=none none kept\n');
  });

  it('rejects with the command and its exit code when it fails', async () => {
    await expect(runRender('exit 3', scratch(), { env: process.env })).rejects.toThrow(
      /render command "exit 3" exited with code 3/,
    );
  });

  it('stops a command that prints more than the limit', async () => {
    await expect(runRender('yes', scratch(), { env: process.env, maxBytes: 10_000 })).rejects.toThrow(
      'render command "yes" printed more than 10000 bytes',
    );
  });
});
