import { readFileSync, writeFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { startGitHubApiStub, type GitHubApiStub } from '../support/github-api-stub.js';
import { createTestRepo, temporaryDirectory, type TestRepo } from '../support/git-repo.js';
import { runAction, type ActionRun } from '../support/run-action.js';

/**
 * A hostile pull request as the audit of issue 15 ran it: `node dist/index.js` in a real git repository (the demo
 * GitOps tree at base, the author's commit at head, recorded Hubble flows), the runner's environment, and the GitHub
 * API stand-in on 127.0.0.1. The token is the stand-in's; actions/checkout keeps it in `.git/config`.
 */

export const TOKEN = 'ghs_securitySuiteTokenThatMustNeverLeak42';
export const PR_NUMBER = 15;
const DEMO = path.resolve('fixtures/demo');

/** The token in every form an output could carry it: as is, base64 (as actions/checkout stores it), URL-encoded. */
export const TOKEN_FORMS = [
  TOKEN,
  Buffer.from(`x-access-token:${TOKEN}`).toString('base64'),
  Buffer.from(TOKEN).toString('base64'),
  encodeURIComponent(`x-access-token:${TOKEN}`),
];

/** The demo's forgotten-DNS default deny of egress in `payments`: it cuts recorded flows of the ledger worker. */
export const DENY_PAYMENTS_EGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-egress
  namespace: payments
spec:
  podSelector: {}
  policyTypes: [Egress]
`;

export interface HostilePullRequest {
  repo: TestRepo;
  baseSha: string;
  headSha: string;
  stub: GitHubApiStub;
  /** A folder beside the workspace, outside it: nothing may be written there. */
  outside: string;
  scratch: string;
  remove(): Promise<void>;
}

/**
 * A repository with the demo tree under `k8s/` and its flows under `flows/` at base; `head` then writes its files
 * (text, or `{ link }` for a symbolic link) and commits them. `.git/config` holds the token as actions/checkout
 * leaves it (`persist-credentials: true`, the default).
 */
export async function hostilePullRequest(
  head: Record<string, string | Buffer | { link: string } | null>,
  base: Record<string, string> = {},
): Promise<HostilePullRequest> {
  const scratch = temporaryDirectory('netpol-guard-security');
  const stub = await startGitHubApiStub({ token: TOKEN });
  const repo = createTestRepo(path.join(scratch.dir, 'workspace'));
  const outside = path.join(scratch.dir, 'outside');
  mkdirSync(outside);
  repo.git(
    'config',
    'http.https://github.com/.extraheader',
    `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`,
  );
  repo.copyTree(path.join(DEMO, 'base'), 'k8s');
  repo.copyTree(path.join(DEMO, 'flows'), 'flows');
  const baseSha = repo.commit('base', base);
  for (const [file, content] of Object.entries(head)) {
    const absolute = path.join(repo.dir, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    if (content !== null && typeof content === 'object' && 'link' in content)
      symlinkSync(content.link, absolute);
    else if (content !== null) writeFileSync(absolute, content);
  }
  const headSha = repo.commit(
    'pull request',
    Object.fromEntries(Object.entries(head).filter(([, content]) => content === null)) as Record<
      string,
      null
    >,
  );
  return {
    repo,
    baseSha,
    headSha,
    stub,
    outside,
    scratch: scratch.dir,
    async remove() {
      await stub.close();
      scratch.remove();
    },
  };
}

/** Runs the bundled Action on the pull request's `pull_request` event, with `inputs` over action.yml's defaults. */
export function runOn(pr: HostilePullRequest, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    workspace: pr.repo.dir,
    runnerTemp: pr.scratch,
    eventName: 'pull_request',
    event: {
      action: 'synchronize',
      number: PR_NUMBER,
      pull_request: { number: PR_NUMBER, base: { sha: pr.baseSha }, head: { sha: pr.headSha } },
    },
    apiUrl: pr.stub.url,
    token: TOKEN,
    sha: pr.headSha,
    inputs: { flows: 'flows/*.jsonl', ...inputs },
  });
}

/** Everything the run showed or wrote: log, summary, comments, and the report files it names. */
export function everyOutput(pr: HostilePullRequest, run: ActionRun): Record<string, string> {
  const file = (name: string | undefined) => (name && existsSync(name) ? readFileSync(name, 'utf8') : '');
  const maskCommand = `::add-mask::${TOKEN}`;
  return {
    // The mask command comes first and the runner swallows it: everything after it counts.
    stdout: run.stdout.replace(maskCommand, ''),
    stderr: run.stderr,
    summary: run.summary,
    comments: pr.stub
      .comments(PR_NUMBER)
      .map((c) => c.body)
      .join('\n'),
    json: file(run.outputs.report),
    markdown: file(run.outputs.markdown),
    sarif: file(run.outputs.sarif ?? path.join(pr.repo.dir, 'netpol-guard.sarif')),
  };
}

/** No output holds the token in any form. */
export function expectNoToken(pr: HostilePullRequest, run: ActionRun): void {
  for (const [where, text] of Object.entries(everyOutput(pr, run))) {
    for (const form of TOKEN_FORMS) expect(text, `${where} holds the token`).not.toContain(form);
  }
}

/** The step failed with a verdict that names `place` (a file, or file:line). */
export function expectFailedNaming(run: ActionRun, place: string): void {
  expect(run.exitCode, run.stdout + run.stderr).toBe(1);
  const failure = run.stdout.split('\n').find((line) => line.startsWith('::error::netpol-guard: '));
  expect(failure, run.stdout).toBeDefined();
  expect(failure).toContain(place);
}
