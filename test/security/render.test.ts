import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderEnvironment } from '../../src/git/render.js';
import { ensureFreshBundle } from '../support/bundle.js';
import { startGitHubApiStub, type GitHubApiStub } from '../support/github-api-stub.js';
import { createTestRepo, temporaryDirectory, type TestRepo } from '../support/git-repo.js';
import { runAction, type ActionRun } from '../support/run-action.js';

/**
 * A pull request whose render script is hostile (issue 15, item 5), run as the runner runs the Action: the bundled
 * dist/ in a real git repository, with the runner's tokens in the step's environment, against the API stand-in.
 */

const TOKEN = 'ghs_renderAuditTokenThatMustStayHidden';
/** The runner's own tokens: the Action never needs them, a render script must never see them. */
const RUNNER_SECRETS = {
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-that-must-stay-hidden',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-that-must-stay-hidden',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/oidc',
};
const PR_NUMBER = 7;
const DEMO = path.resolve('fixtures/demo');

let scratch: { dir: string; remove(): void } | undefined;
let stub: GitHubApiStub | undefined;

beforeAll(ensureFreshBundle);
afterEach(async () => {
  await stub?.close();
  scratch?.remove();
  stub = scratch = undefined;
});

/** The demo's base and head trees under k8s/ with its flows; `files` are in both commits. */
async function pullRequest(files: (scratch: string) => Record<string, string> = () => ({})) {
  const dir = (scratch = temporaryDirectory('netpol-guard-render')).dir;
  stub = await startGitHubApiStub({ token: TOKEN });
  const repo = createTestRepo(path.join(dir, 'workspace'));
  repo.copyTree(path.join(DEMO, 'base'), 'k8s');
  repo.copyTree(path.join(DEMO, 'flows'), 'flows');
  const baseSha = repo.commit('base', files(dir));
  repo.copyTree(path.join(DEMO, 'head'), 'k8s');
  const headSha = repo.commit('pull request', {});
  return { repo, baseSha, headSha, scratch: dir };
}

function run(
  pr: { repo: TestRepo; baseSha: string; headSha: string; scratch: string },
  options: { eventName?: string; inputs?: Record<string, string> },
): Promise<ActionRun> {
  return runAction({
    workspace: pr.repo.dir,
    runnerTemp: pr.scratch,
    eventName: options.eventName ?? 'pull_request',
    event: { number: PR_NUMBER, pull_request: { number: PR_NUMBER, base: { sha: pr.baseSha } } },
    apiUrl: stub?.url ?? '',
    token: TOKEN,
    sha: pr.headSha,
    env: RUNNER_SECRETS,
    inputs: { flows: 'flows/*.jsonl', ...options.inputs },
  });
}

/** A secret as it could leak: plain, base64 (as actions/checkout stores the token) or URL-encoded. */
function encodings(secret: string): string[] {
  return [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];
}

/** The render script's own output goes to the Action's stderr: a secret it found would show there. */
function everythingPrinted(result: ActionRun): string {
  const files = readdirSync(result.runnerTemp, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'latin1'));
  const comments = (stub?.comments(PR_NUMBER) ?? []).map((c) => c.body);
  // The mask command is how the runner learns the token; it is never shown.
  return [result.stdout.replace(`::add-mask::${TOKEN}`, ''), result.stderr, ...files, ...comments].join('\n');
}

/** True while `pid` runs (a zombie waiting for its parent to reap it has stopped running). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Prints every environment it can reach, its own and each ancestor's from /proc (where the Action's started with
 * the token), writes to the runner's file commands at the path it can guess, leaves a process running, and then
 * renders the manifests.
 */
function hostileRender(pidFile: string, runnerTempParent: string): string {
  return [
    'pid=$$',
    'while [ "$pid" -gt 1 ]; do',
    '  tr "\\0" "\\n" < /proc/$pid/environ 2>/dev/null',
    "  pid=$(awk '/^PPid:/ { print $2 }' /proc/$pid/status)",
    'done >&2',
    'env >&2',
    `for f in "$GITHUB_ENV" ${runnerTempParent}/runner-*/env; do`,
    '  [ -f "$f" ] && echo "NODE_OPTIONS=--require=/tmp/evil.js" >> "$f"',
    'done',
    `sh -c 'echo $$ > ${pidFile}; while :; do sleep 1; done' > /dev/null 2>&1 &`,
    'for f in k8s/*/*.yaml; do echo ---; cat "$f"; done',
    '',
  ].join('\n');
}

describe('render on a pull request', () => {
  it('reaches no token, cannot set later steps’ environment and leaves nothing running', async () => {
    const pr = await pullRequest((dir) => ({
      'render.sh': hostileRender(path.join(dir, 'left-running.pid'), dir),
    }));
    const result = await run(pr, { inputs: { render: 'sh render.sh' } });

    // It rendered: the analysis is the demo's (two live flows break).
    expect(result.outputs.verdict, result.stdout + result.stderr).toBe('fail');
    expect(Number(result.outputs['broken-flows'])).toBeGreaterThan(0);
    // The script did look: the runner's variables it may see are there, so the search ran.
    expect(result.stderr).toContain('HOME=');

    const printed = everythingPrinted(result);
    for (const secret of [TOKEN, ...Object.values(RUNNER_SECRETS).slice(0, 2)]) {
      for (const encoded of encodings(secret)) expect(printed).not.toContain(encoded);
    }
    expect(result.stderr).not.toMatch(/^(INPUT_|ACTIONS_|GITHUB_ENV=|GITHUB_OUTPUT=)/m);

    expect(readFileSync(path.join(result.runnerTemp, 'env'), 'utf8')).toBe('');
    expect(result.stdout).toMatch(/^::warning::The render command wrote to GITHUB_ENV \(base\).*undone/m);

    const leftRunning = Number(readFileSync(path.join(pr.scratch, 'left-running.pid'), 'utf8'));
    expect(leftRunning).toBeGreaterThan(1);
    expect(running(leftRunning)).toBe(false);
  });

  it('is stopped at render-timeout, and the step fails saying so', async () => {
    const pr = await pullRequest();
    const result = await run(pr, { inputs: { render: 'sleep 100000', 'render-timeout': '2' } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /^::error::netpol-guard: render command "sleep 100000" did not finish within 2 seconds/m,
    );
  });

  it.each(['pull_request_target', 'workflow_run', 'issue_comment', 'workflow_dispatch'])(
    'does not run on %s unless allowed',
    async (eventName) => {
      const pr = await pullRequest();
      const result = await run(pr, {
        eventName,
        inputs: { render: 'touch rendered-by-pr', 'base-ref': pr.baseSha },
      });
      expect(result.stdout).toMatch(new RegExp(`^::warning::render is not run on ${eventName} events`, 'm'));
      expect(existsSync(path.join(pr.repo.dir, 'rendered-by-pr'))).toBe(false);
      // The raw manifests were analysed instead.
      expect(result.outputs.verdict).toBe('fail');
    },
  );
});

describe('renderEnvironment', () => {
  it('passes what tools need and nothing else: no credentials, no file commands', () => {
    const env = renderEnvironment(
      {
        PATH: '/usr/bin',
        HOME: '/home/runner',
        HELM_CACHE_HOME: '/cache',
        LC_ALL: 'C',
        INPUT_TOKEN: TOKEN,
        ...RUNNER_SECRETS,
        GITHUB_TOKEN: TOKEN,
        GITHUB_ENV: '/tmp/env',
        GITHUB_PATH: '/tmp/path',
        GITHUB_OUTPUT: '/tmp/output',
        GITHUB_STATE: '/tmp/state',
        AWS_SECRET_ACCESS_KEY: 'aws',
        CHART_VERSION: '1.2.3',
      },
      ['CHART_VERSION', 'GITHUB_ENV'],
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      HELM_CACHE_HOME: '/cache',
      LC_ALL: 'C',
      CHART_VERSION: '1.2.3',
    });
  });
});
