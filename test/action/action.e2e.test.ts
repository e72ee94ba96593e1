import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import { stickyMarker } from '../../src/github/sticky-comment.js';
import { ensureFreshBundle } from '../support/bundle.js';
import { startGitHubApiStub, type GitHubApiStub } from '../support/github-api-stub.js';
import { createTestRepo, temporaryDirectory, type TestRepo } from '../support/git-repo.js';
import { runAction, type ActionRun } from '../support/run-action.js';

/**
 * The Action as GitHub runs it: `node dist/index.js` in a real git checkout of a pull request (the demo GitOps tree
 * at base and head, with recorded Hubble flows), talking to a GitHub API stand-in on 127.0.0.1.
 */

const TOKEN = 'ghs_e2eSecretTokenThatMustNeverBePrinted';
const PR_NUMBER = 7;
const MARKER = stickyMarker('default');
const DEMO = path.resolve('fixtures/demo');
/**
 * A name a pull request author could write. The API server (and netpol-guard) refuses it as an object's name, but a
 * recorded flow is the PR's to edit too: the flow file names a scraper's Deployment so, and the comment shows it.
 */
const HOSTILE_NAME = 'prom_*x*<b>@ops</b>';
const ESCAPED_NAME = 'prom\\_\\*x\\*&lt;b&gt;@\u200Dops&lt;/b&gt;';
/** A Hubble flow from a pod in monitoring that no manifest holds, its workload named `HOSTILE_NAME`. */
const HOSTILE_FLOW = JSON.stringify({
  flow: {
    time: '2026-11-20T08:03:58.000000000Z',
    verdict: 'FORWARDED',
    IP: { source: '10.8.4.42', destination: '10.8.1.11', ipVersion: 'IPv4' },
    l4: { TCP: { source_port: 40000, destination_port: 9090, flags: { SYN: true } } },
    source: {
      identity: 1010,
      namespace: 'monitoring',
      labels: ['k8s:app=scraper', 'k8s:io.kubernetes.pod.namespace=monitoring'],
      workloads: [{ name: HOSTILE_NAME, kind: 'Deployment' }],
    },
    destination: {
      identity: 1000,
      namespace: 'shop',
      labels: ['k8s:app=frontend', 'k8s:tier=web', 'k8s:io.kubernetes.pod.namespace=shop'],
    },
    Type: 'L3_L4',
    traffic_direction: 'EGRESS',
    is_reply: false,
  },
});

let scratch: { dir: string; remove(): void };
let stub: GitHubApiStub;

// The bundle is what runs on GitHub: test the one built from the sources under test.
beforeAll(ensureFreshBundle);
afterEach(async () => {
  await stub?.close();
  scratch?.remove();
});

/** A repository whose HEAD is the pull request: `base` then `head` fixture trees under k8s/, flows under flows/. */
async function pullRequest(head: 'head' | 'base', stubOptions: { readOnly?: boolean; login?: string } = {}) {
  scratch = temporaryDirectory('netpol-guard-e2e');
  stub = await startGitHubApiStub({ token: TOKEN, ...stubOptions });
  const repo = createTestRepo(path.join(scratch.dir, 'workspace'));
  repo.copyTree(path.join(DEMO, 'base'), 'k8s');
  repo.copyTree(path.join(DEMO, 'flows'), 'flows');
  appendFileSync(path.join(repo.dir, 'flows/hubble.jsonl'), `${HOSTILE_FLOW}\n`);
  const baseSha = repo.commit('base', { 'README.md': '# gitops\n' });
  repo.copyTree(path.join(DEMO, head), 'k8s');
  const headSha = repo.commit('pull request', { 'README.md': '# gitops, changed\n' });
  // What GitHub's `GET /pulls/N/files` gives: each changed file with its patch (the hunks, without the header).
  stub.setPullFiles(
    repo
      .git('diff', '--name-only', baseSha, headSha)
      .split('\n')
      .filter(Boolean)
      .map((filename) => {
        const diff = repo.git('diff', baseSha, headSha, '--', filename);
        return { filename, patch: diff.slice(diff.indexOf('@@')) };
      }),
  );
  return { repo, baseSha, headSha };
}

function run(
  pr: { repo: TestRepo; baseSha: string; headSha: string },
  options: { eventName?: string; event?: Record<string, unknown>; inputs?: Record<string, string> } = {},
): Promise<ActionRun> {
  const eventName = options.eventName ?? 'pull_request';
  return runAction({
    workspace: pr.repo.dir,
    runnerTemp: scratch.dir,
    eventName,
    event: options.event ?? {
      action: 'synchronize',
      number: PR_NUMBER,
      pull_request: { number: PR_NUMBER, base: { sha: pr.baseSha }, head: { sha: pr.headSha } },
    },
    apiUrl: stub.url,
    token: TOKEN,
    sha: pr.headSha,
    inputs: { flows: 'flows/*.jsonl', ...options.inputs },
  });
}

/**
 * The token is masked first thing (`::add-mask::`, a command the runner swallows and never logs); after that it must
 * not appear anywhere.
 */
function expectTokenNeverPrinted(result: ActionRun): void {
  const maskCommand = `::add-mask::${TOKEN}`;
  expect(result.stdout.split('\n')[0]).toBe(maskCommand);
  expect(result.stdout.replace(maskCommand, '')).not.toContain(TOKEN);
  expect(result.stderr).not.toContain(TOKEN);
  expect(result.summary).not.toContain(TOKEN);
}

describe('netpol-guard Action on a pull request that breaks live flows', () => {
  it('comments, annotates, writes the summary, SARIF and JSON, sets outputs, and fails the step', async () => {
    const pr = await pullRequest('head');
    const result = await run(pr);

    expect(result.exitCode, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^::error::netpol-guard: \d+ live flows? would break/m);
    expect(result.outputs).toMatchObject({ verdict: 'fail', 'comment-id': expect.stringMatching(/^\d+$/) });
    expect(Number(result.outputs['broken-flows'])).toBeGreaterThan(0);
    expect(Number(result.outputs.opened)).toBeGreaterThan(0);

    const comments = stub.comments(PR_NUMBER);
    expect(comments).toHaveLength(1);
    const [comment] = comments;
    expect(comment?.user.login).toBe('github-actions[bot]');
    expect(String(comment?.id)).toBe(result.outputs['comment-id']);
    expect(comment?.body.startsWith(MARKER)).toBe(true);
    expect(comment?.body).toContain('## netpol-guard');
    expect(comment?.body).toContain(':x: **Blocked**: cuts 2 live flows: payments/ledger-worker → ');
    // The decision links its lines to the head blob.
    expect(comment?.body).toMatch(
      new RegExp(
        `\\[\`k8s/payments/payments\\.yaml:\\d+\`\\]\\(https://github\\.com/acme/gitops/blob/${pr.headSha}/k8s/payments/payments\\.yaml#L\\d+\\)`,
      ),
    );
    // The footer names both commits and links this run.
    expect(comment?.body).toContain(`head \`${pr.headSha.slice(0, 12)}\``);
    expect(comment?.body).toContain(`base \`${pr.baseSha.slice(0, 12)}\``);
    expect(comment?.body).toContain('[this run](https://github.com/acme/gitops/actions/runs/4242)');
    // A name chosen by the pull request author (here in the flow file) cannot add markup or mention anyone.
    expect(comment?.body).toContain(`monitoring/<wbr>${ESCAPED_NAME}`);
    expect(comment?.body).not.toContain(HOSTILE_NAME);

    // Annotations point at the changed policy files, relative to the repository root, broken flows first.
    const annotations = result.stdout.split('\n').filter((line) => /^::(error|warning|notice) /.test(line));
    expect(annotations.length).toBeGreaterThan(0);
    for (const line of annotations) {
      expect(line).toMatch(
        /^::(error|warning|notice) title=netpol-guard%3A [\w -]+,file=k8s\/[\w/.-]+\.yaml,line=\d+,col=\d+::/,
      );
    }
    expect(annotations[0]).toMatch(
      /^::error title=netpol-guard%3A live flow would break,file=k8s\/payments\/payments\.yaml,line=\d+,col=\d+::(2 live flows would break here:%0A- )?payments\/ledger-worker → /,
    );

    expect(result.summary).toContain('netpol-guard');
    expect(result.summary).not.toContain(MARKER);
    const report = JSON.parse(readFileSync(result.outputs.report ?? '', 'utf8')) as { verdict: string };
    expect(report.verdict).toBe('fail');
    expect(result.outputs.report?.startsWith(result.runnerTemp)).toBe(true);
    // The Markdown output is the comment as a workflow_run workflow posts it, with no review: fixes as YAML.
    const markdown = readFileSync(result.outputs.markdown ?? '', 'utf8');
    expect(markdown.split('\n').slice(0, 6)).toEqual(comment?.body.split('\n').slice(0, 6));
    expect(markdown).toContain('```yaml');
    expect(markdown).not.toContain('#discussion_r');
    expect(comment?.body).toContain('#discussion_r');
    const sarif = JSON.parse(readFileSync(path.join(pr.repo.dir, 'netpol-guard.sarif'), 'utf8')) as {
      version: string;
    };
    expect(sarif.version).toBe('2.1.0');

    expect(stub.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expectTokenNeverPrinted(result);
    // The base checkout is gone and left no worktree behind.
    expect(pr.repo.git('worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('updates its own comment on the next run, found on page 2 past a forged one', async () => {
    const pr = await pullRequest('head');
    stub.addComment(PR_NUMBER, `${MARKER}\nforged by another user`, 'mallory');
    for (let i = 0; i < 110; i++) stub.addComment(PR_NUMBER, `review comment ${i}`, 'reviewer');
    const first = await run(pr);
    const ours = stub.comments(PR_NUMBER).at(-1);
    expect(ours?.user.login).toBe('github-actions[bot]');

    const second = await run(pr, { inputs: { 'fail-on': 'warning' } });

    expect(second.outputs['comment-id']).toBe(first.outputs['comment-id']);
    const marked = stub.comments(PR_NUMBER).filter((c) => c.body.includes(MARKER));
    expect(marked.map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]']);
    expect(marked[0]?.body).toBe(`${MARKER}\nforged by another user`);
    expect(stub.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(stub.requests.map((r) => r.path)).toContain(
      `/repos/acme/gitops/issues/${PR_NUMBER}/comments?per_page=100&page=2`,
    );
  });

  it('takes fail-on from the config file when the input is left empty, and the input over it', async () => {
    const pr = await pullRequest('head');
    const headSha = pr.repo.commit('config', {
      '.netpol-guard.yaml': 'failOn: never\nfailOnBrokenFlows: false\n',
    });
    const lenient = await run({ ...pr, headSha });
    expect(lenient.exitCode, lenient.stdout + lenient.stderr).toBe(0);
    expect(lenient.outputs.verdict).toBe('pass');
    // The change adds a dns-egress-missing error: an explicit input is stricter than the config.
    const strict = await run({ ...pr, headSha }, { inputs: { 'fail-on': 'error' } });
    expect(strict.exitCode, strict.stdout + strict.stderr).toBe(1);
    expect(strict.stdout).toMatch(/^::error::netpol-guard: \d+ new findings? at or above error/m);
  });

  it('with config-from: base, ignores a configuration the pull request relaxes for itself', async () => {
    const pr = await pullRequest('head');
    const headSha = pr.repo.commit('relax the check', {
      '.netpol-guard.yaml': 'failOn: never\nfailOnBrokenFlows: false\n',
    });
    const result = await run({ ...pr, headSha }, { inputs: { 'config-from': 'base' } });
    expect(result.exitCode, result.stdout + result.stderr).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    expect(result.stdout).toContain('Configuration: read from the base tree (config-from: base)');
  });

  it('on-change does not rewrite an unchanged comment; a second comment-key gets its own', async () => {
    const pr = await pullRequest('head');
    await run(pr, { inputs: { comment: 'on-change' } });
    await run(pr, { inputs: { comment: 'on-change' } });
    await run(pr, { inputs: { comment: 'on-change', 'comment-key': 'staging' } });
    expect(stub.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    expect(stub.comments(PR_NUMBER).map((c) => c.body.split('\n')[0])).toEqual([
      MARKER,
      stickyMarker('staging'),
    ]);
  });

  it('retries after a secondary rate limit', async () => {
    const pr = await pullRequest('head');
    stub.failNextWithSecondaryRateLimit();
    const result = await run(pr);
    expect(result.exitCode).toBe(1);
    // GET /user, the comment list and the POST, plus the one retried; the review asks GET /user again.
    expect(stub.requests.filter((r) => r.path.includes('/issues/') || r.path === '/user')).toHaveLength(5);
    expect(stub.comments(PR_NUMBER)).toHaveLength(1);
    expect(result.outputs['comment-id']).toMatch(/^\d+$/);
  });

  it('warns and still reports when the token is read-only (a fork)', async () => {
    const pr = await pullRequest('head', { readOnly: true });
    const result = await run(pr);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^::warning::Cannot comment on pull request #7: the token is read-only/m);
    expect(result.outputs).toMatchObject({ verdict: 'fail', 'comment-id': '' });
    expect(result.summary).toContain('netpol-guard');
    expect(stub.comments(PR_NUMBER)).toEqual([]);
    expectTokenNeverPrinted(result);
  });
});

describe('netpol-guard Action review suggestions', () => {
  it('posts the fixes on diff lines as one review of suggestions, and does not repeat them on the next run', async () => {
    const pr = await pullRequest('head');
    const stale = stub.addReviewComment(
      'k8s/payments/payments.yaml',
      3,
      '<!-- netpol-guard:default:suggestion:0000000000000000 -->\nan outdated fix',
      'github-actions[bot]',
    );
    const forged = stub.addReviewComment(
      'k8s/payments/payments.yaml',
      3,
      '<!-- netpol-guard:default:suggestion:0000000000000000 -->\npasted by a person',
      'mallory',
    );
    const first = await run(pr);
    expect(first.exitCode, first.stdout + first.stderr).toBe(1);

    const reviews = stub.reviews();
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ event: 'COMMENT', commit_id: pr.headSha });
    const posted = stub.reviewComments().filter((c) => c.review === reviews[0]?.id);
    expect(posted.length).toBeGreaterThan(0);
    const files = new Map(
      pr.repo
        .git('diff', '--name-only', pr.baseSha, pr.headSha)
        .split('\n')
        .map((file) => [file, readFileSync(path.join(pr.repo.dir, file), 'utf8').split('\n')] as const),
    );
    for (const comment of posted) {
      expect(files.has(comment.path), comment.path).toBe(true);
      const suggestion = /```suggestion\n([\s\S]*?)\n```/.exec(comment.body)?.[1];
      expect(suggestion).toBeDefined();
      // The suggestion replaces the lines it is on: its first line is the head's line where it starts.
      const start = comment.start_line ?? comment.line;
      expect(suggestion?.split('\n')[0]).toBe(files.get(comment.path)?.[start - 1]);
    }
    // The sticky comment links each one instead of repeating it: no suggestion block, no lines said to "become".
    const sticky = stub.comments(PR_NUMBER).find((c) => c.body.startsWith(MARKER))?.body ?? '';
    for (const comment of posted) {
      expect(comment.html_url).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/pull\/7#discussion_r\d+$/);
      expect(sticky).toContain(`[apply the suggestion in the review](${comment.html_url})`);
    }
    expect(sticky).not.toContain('```suggestion');
    expect(sticky).not.toMatch(/become/);
    // The job summary is written before the review: it keeps the rules as YAML to paste.
    expect(first.summary).toContain('```yaml');
    expect(first.summary).not.toContain('```suggestion');
    // The outdated suggestion of an earlier run is minimized; the one a person pasted is left alone.
    const after = new Map(stub.reviewComments().map((c) => [c.id, c]));
    expect(after.get(stale.id)?.minimized).toBe('OUTDATED');
    expect(after.get(forged.id)?.minimized).toBeUndefined();

    const second = await run(pr);
    expect(second.exitCode).toBe(1);
    expect(stub.reviews()).toHaveLength(1);
    expect(stub.reviewComments()).toHaveLength(posted.length + 2);
    expect(second.stdout).toContain(
      `Suggested fixes: 0 posted in a review, ${posted.length} already suggested`,
    );
    // The kept suggestions are linked as before: the comment does not change.
    expect(stub.comments(PR_NUMBER).find((c) => c.body.startsWith(MARKER))?.body).toContain(
      `(${posted[0]?.html_url})`,
    );
  });

  it('keeps the fixes as snippets with a note when the token is read-only', async () => {
    const pr = await pullRequest('head', { readOnly: true });
    const result = await run(pr);
    expect(result.stdout).toMatch(/^::warning::Cannot post suggested fixes as a review on pull request #7/m);
    expect(stub.reviews()).toEqual([]);
  });
});

describe('netpol-guard Action on a harmless pull request', () => {
  it('passes with exit code 0', async () => {
    const pr = await pullRequest('base');
    const result = await run(pr);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.outputs).toMatchObject({ verdict: 'pass', 'broken-flows': '0', opened: '0', closed: '0' });
    expect(result.stdout).not.toMatch(/^::error/m);
    expect(stub.comments(PR_NUMBER)).toHaveLength(1);
    expectTokenNeverPrinted(result);
  });
});

describe('netpol-guard Action with comment-when-quiet: skip', () => {
  const quiet = { 'comment-when-quiet': 'skip' };
  const said = 'no comment written (comment-when-quiet: skip)';

  it('writes no comment on a quiet pull request, one once it touches a workload, and then keeps that one current', async () => {
    // Only the README changes (and the flows, the same at base and head): nothing to say.
    const pr = await pullRequest('base');
    const first = await run(pr, { inputs: quiet });
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(stub.comments(PR_NUMBER)).toEqual([]);
    expect(first.outputs['comment-id']).toBe('');
    expect(first.stdout).toContain(said);
    expect(first.summary).toContain('netpol-guard');

    // An image bump changes no path, but the pull request now touches a workload's file: the comment is written.
    const workloads = path.join(pr.repo.dir, 'k8s/shop/workloads.yaml');
    const bumped = readFileSync(workloads, 'utf8').replace('frontend:1.42.0', 'frontend:1.43.0');
    const touched = {
      ...pr,
      headSha: pr.repo.commit('bump frontend', { 'k8s/shop/workloads.yaml': bumped }),
    };
    const second = await run(touched, { inputs: quiet });
    expect(second.exitCode, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).not.toContain(said);
    const [written] = stub.comments(PR_NUMBER);
    expect(written?.body.split('\n')[0]).toBe(MARKER);
    expect(second.outputs['comment-id']).toBe(String(written?.id));

    // Quiet again (a README change on top), with this step's comment there: it is updated, not left standing.
    const later = {
      ...pr,
      baseSha: touched.headSha,
      headSha: pr.repo.commit('docs', { 'README.md': '# ops\n' }),
    };
    const third = await run(later, { inputs: quiet });
    expect(third.exitCode, third.stdout + third.stderr).toBe(0);
    const comments = stub.comments(PR_NUMBER);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(later.headSha.slice(0, 7));
    expect(comments[0]?.body).not.toBe(written?.body);
    expect(third.outputs['comment-id']).toBe(String(written?.id));
  });

  it('still comments on a pull request that breaks flows', async () => {
    const pr = await pullRequest('head');
    const result = await run(pr, { inputs: quiet });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toContain(said);
    expect(stub.comments(PR_NUMBER)).toHaveLength(1);
  });
});

describe('netpol-guard Action on a workload name the API server would refuse', () => {
  it('fails closed: the object is not analysed, and the error shows the name escaped', async () => {
    const pr = await pullRequest('base');
    const monitoring = readFileSync(path.join(pr.repo.dir, 'k8s/monitoring/monitoring.yaml'), 'utf8');
    const headSha = pr.repo.commit('rename prometheus', {
      'k8s/monitoring/monitoring.yaml': monitoring.replace('name: prometheus\n', `name: "${HOSTILE_NAME}"\n`),
    });
    const result = await run({ ...pr, headSha });

    expect(result.exitCode, result.stdout + result.stderr).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    const [comment] = stub.comments(PR_NUMBER);
    expect(comment?.body).toContain('input that could not be analysed: k8s/monitoring/monitoring.yaml:1');
    expect(comment?.body).toContain(
      `| \`invalid-name\` | [\`k8s/monitoring/monitoring.yaml:1\`](https://github.com/acme/gitops/blob/${headSha}/k8s/monitoring/monitoring.yaml#L1) | Deployment ${ESCAPED_NAME}: metadata.name must `,
    );
    expect(comment?.body).not.toContain(HOSTILE_NAME);
    expect(result.summary).not.toContain(HOSTILE_NAME);
    expectTokenNeverPrinted(result);
  });
});

describe('netpol-guard Action at its limits', () => {
  /** The comment, the job summary, the SARIF file and the JSON report, each of which must say what was cut. */
  function reports(pr: { repo: TestRepo }, result: ActionRun): Record<string, string> {
    return {
      comment: stub.comments(PR_NUMBER)[0]?.body ?? '',
      summary: result.summary,
      sarif: readFileSync(path.join(pr.repo.dir, 'netpol-guard.sarif'), 'utf8'),
      json: readFileSync(result.outputs.report ?? '', 'utf8'),
    };
  }

  it('stops at an expired deadline (max-run-seconds: 0), fails, and still writes every report', async () => {
    const pr = await pullRequest('base');
    const result = await run(pr, { inputs: { 'max-run-seconds': '0' } });

    expect(result.exitCode, result.stdout + result.stderr).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    expect(result.stdout).toMatch(
      /^::error::netpol-guard: the analysis passed limit maxRunSeconds \(0 s\) and stopped before reading the manifests/m,
    );
    for (const [report, text] of Object.entries(reports(pr, result))) {
      expect(text, report).toContain('limit maxRunSeconds');
    }
    const json = JSON.parse(readFileSync(result.outputs.report ?? '', 'utf8')) as CheckResult;
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', code: 'limit' }));
    expectTokenNeverPrinted(result);
  });

  it('fails on the files past maxTotalBytes of its config, named in every report', async () => {
    const pr = await pullRequest('base');
    const headSha = pr.repo.commit('bound the input', {
      '.netpol-guard.yaml': 'limits: { maxTotalBytes: 5000 }\n',
    });
    const result = await run({ ...pr, headSha });

    expect(result.exitCode, result.stdout + result.stderr).toBe(1);
    expect(result.outputs.verdict).toBe('fail');
    // Files are read in order: data, monitoring and namespaces fit (3,340 bytes), payments would pass 5,000.
    expect(result.stdout).toMatch(
      /^::error::netpol-guard: input that could not be analysed: k8s\/payments\/payments\.yaml \(input-too-large\), k8s\/shop\/network-policies\.yaml \(input-too-large\)/m,
    );
    for (const [report, text] of Object.entries(reports(pr, result))) {
      expect(text, report).toContain('input-too-large');
      expect(text, report).toContain('limit maxTotalBytes');
    }
  });
});

describe('netpol-guard Action when a later run fails before its report', () => {
  it('marks the earlier comment stale instead of leaving its Pass, and the next report replaces the notice', async () => {
    const pr = await pullRequest('base');
    const first = await run(pr);
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(stub.comments(PR_NUMBER)[0]?.body).toContain(':white_check_mark: **Pass**');

    const failed = await run({ ...pr, headSha: 'c'.repeat(40), baseSha: 'c'.repeat(40) });
    expect(failed.exitCode).toBe(1);
    const [stale] = stub.comments(PR_NUMBER);
    expect(stub.comments(PR_NUMBER)).toHaveLength(1);
    expect(stale?.body.split('\n')[0]).toBe(MARKER);
    expect(stale?.body.split('\n')[2]).toMatch(
      new RegExp(
        `^> :warning: \\*\\*Stale\\*\\*: the run for \`c{40}\` \\(\\[the run\\]\\(https://github\\.com/acme/gitops/actions/runs/4242\\)\\) failed before writing its report: the base commit c{40} is not in the checkout`,
      ),
    );
    expect(failed.stdout).toMatch(/^Pull request comment \d+: marked stale\.$/m);
    // Marked again, the notice is replaced, not stacked.
    await run({ ...pr, headSha: 'c'.repeat(40), baseSha: 'c'.repeat(40) });
    expect(stub.comments(PR_NUMBER)[0]?.body.match(/\*\*Stale\*\*/g)).toHaveLength(1);

    const next = await run(pr);
    expect(next.exitCode).toBe(0);
    expect(stub.comments(PR_NUMBER)[0]?.body).not.toContain('Stale');
  });

  it('leaves comments alone when there is none of its own yet', async () => {
    const pr = await pullRequest('base');
    const failed = await run({ ...pr, baseSha: 'c'.repeat(40) });
    expect(failed.exitCode).toBe(1);
    expect(stub.comments(PR_NUMBER)).toEqual([]);
  });
});

describe('netpol-guard Action on pushes', () => {
  it('compares with the commit before the push and reports in the summary only', async () => {
    const pr = await pullRequest('head');
    const result = await run(pr, { eventName: 'push', event: { before: pr.baseSha, after: pr.headSha } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`Base: ${pr.baseSha} (the commit before the push)`);
    expect(result.outputs).toMatchObject({ verdict: 'fail', 'broken-flows': '2', 'comment-id': '' });
    expect(result.summary).toContain(':x: **Blocked**: cuts 2 live flows');
    expect(stub.requests).toEqual([]);
  });

  it('treats everything as new on the first push of a branch', async () => {
    const pr = await pullRequest('base');
    const result = await run(pr, { eventName: 'push', event: { before: '0'.repeat(40), after: pr.headSha } });
    expect(result.stdout).toContain('No base (the first push of this branch): everything is new');
    const report = JSON.parse(readFileSync(result.outputs.report ?? '', 'utf8')) as CheckResult;
    expect(report.diff.workloadsAdded).toHaveLength(10);
    expect(report.diff.workloadsRemoved).toEqual([]);
  });
});

describe('netpol-guard Action guards', () => {
  it('does not run render on pull_request_target unless allowed', async () => {
    const pr = await pullRequest('head');
    const result = await run(pr, {
      eventName: 'pull_request_target',
      inputs: { render: 'touch rendered-by-pr' },
    });
    expect(result.stdout).toMatch(/^::warning::render is not run on pull_request_target/m);
    expect(existsSync(path.join(pr.repo.dir, 'rendered-by-pr'))).toBe(false);
    expect(result.outputs.verdict).toBe('fail');
  });

  it('runs render in each tree otherwise, without the token in its environment', async () => {
    const pr = await pullRequest('head');
    const render =
      'echo "token:${INPUT_TOKEN:-withheld}" >&2; for f in k8s/*/*.yaml; do echo ---; cat "$f"; done';
    const result = await run(pr, { inputs: { render } });
    expect(result.stderr).toContain('token:withheld');
    expect(result.outputs.verdict).toBe('fail');
    expect(Number(result.outputs['broken-flows'])).toBeGreaterThan(0);
    expectTokenNeverPrinted(result);
  });

  it('fails with every invalid input named, before any API call', async () => {
    const pr = await pullRequest('head');
    const result = await run(pr, { inputs: { 'fail-on': 'sometimes', annotations: 'maybe' } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('::error::netpol-guard: invalid inputs:%0A  - fail-on: "sometimes"');
    expect(stub.requests).toEqual([]);
    expectTokenNeverPrinted(result);
  });

  it('says how to fix a shallow checkout that lacks the base commit', async () => {
    const pr = await pullRequest('head');
    const result = await run({ ...pr, baseSha: 'c'.repeat(40) });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /^::error::netpol-guard: the base commit c{40} is not in the checkout.*fetch-depth: 0/m,
    );
  });
});
