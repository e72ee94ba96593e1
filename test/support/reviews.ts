import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stickyMarker } from '../../src/github/sticky-comment.js';
import { startGitHubApiStub } from './github-api-stub.js';
import { createTestRepo, temporaryDirectory } from './git-repo.js';
import { runAction } from './run-action.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCENARIOS = path.join(ROOT, 'fixtures/scenarios');
const TOKEN = 'ghs_previewTokenOfTheApiStandIn';
export const PR_NUMBER = 19;

/** What stands for the commits in golden files and screenshots: the real ones change with every run. */
export const HEAD_SHA = '1eadc0de'.repeat(5);
export const BASE_SHA = 'ba5ec0de'.repeat(5);

/** A pull request to review: the bundled example or a scenario (base/, head/, its recorded flows beside them). */
export interface ReviewCase {
  name: string;
  dir: string;
  /** Flow files, relative to `dir`. */
  flows: string[];
  /** Where its golden comment is. */
  golden: string;
}

/** The bundled example first, then every scenario by name. */
export function reviewCases(): ReviewCase[] {
  const demo = path.join(ROOT, 'fixtures/demo');
  const scenarios = readdirSync(SCENARIOS)
    .sort()
    .map((name) => path.join(SCENARIOS, name));
  return [
    { name: 'demo', dir: demo, flows: ['flows/hubble.jsonl'], golden: path.join(demo, 'comment.golden.md') },
    ...scenarios.map((dir) => ({
      name: path.basename(dir),
      dir,
      flows: readdirSync(dir).filter((file) => file.startsWith('flows')),
      golden: path.join(dir, 'comment.golden.md'),
    })),
  ];
}

/**
 * What the Action posted for a case: the sticky comment and the job summary, with the commits normalised, the
 * annotations it printed (`::warning title=...::` lines) and the SARIF file it wrote.
 */
export interface Review {
  comment: string;
  summary: string;
  annotations: string[];
  sarif: string;
}

/**
 * Runs the Action (the bundle, as GitHub runs it; build it first with `ensureFreshBundle`) on a pull request made of
 * the case's base and head trees under k8s/ and its flows under flows/, against the GitHub API stand-in.
 */
export async function actionReview(review: ReviewCase): Promise<Review> {
  const scratch = temporaryDirectory('netpol-guard-review');
  const stub = await startGitHubApiStub({ token: TOKEN });
  try {
    const repo = createTestRepo(path.join(scratch.dir, 'workspace'));
    repo.copyTree(path.join(review.dir, 'base'), 'k8s');
    mkdirSync(path.join(repo.dir, 'flows'));
    for (const file of review.flows)
      cpSync(path.join(review.dir, file), path.join(repo.dir, 'flows', path.basename(file)));
    const baseSha = repo.commit('base', {});
    repo.copyTree(path.join(review.dir, 'head'), 'k8s');
    const headSha = repo.commit('pull request', {});
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
    // A scenario's config is at the root of its trees, which are under k8s/ here.
    const config: Record<string, string> = existsSync(path.join(review.dir, 'head/.netpol-guard.yaml'))
      ? { config: 'k8s/.netpol-guard.yaml' }
      : {};
    const run = await runAction({
      workspace: repo.dir,
      runnerTemp: scratch.dir,
      eventName: 'pull_request',
      event: {
        action: 'synchronize',
        number: PR_NUMBER,
        pull_request: { number: PR_NUMBER, base: { sha: baseSha }, head: { sha: headSha } },
      },
      apiUrl: stub.url,
      token: TOKEN,
      sha: headSha,
      // A case without recorded flows gives no `flows` input: a pattern that matched nothing would fail closed.
      inputs: { ...(review.flows.length > 0 ? { flows: 'flows/*' } : {}), ...config },
    });
    const comment = stub.comments(PR_NUMBER).find((c) => c.body.startsWith(stickyMarker('default')));
    if (!comment)
      throw new Error(`the Action left no comment on ${review.name}:\n${run.stdout}${run.stderr}`);
    // Ages are said relative to the run (the clock): they stand as one text, the ISO time in their title stays.
    const normalise = (text: string) =>
      replaceCommit(replaceCommit(text, headSha, HEAD_SHA), baseSha, BASE_SHA).replace(
        /(<abbr title="[^"<>]*">)[^<]*(<\/abbr>)/g,
        '$1N days before this run$2',
      );
    return {
      comment: normalise(comment.body),
      summary: normalise(run.summary),
      annotations: run.stdout.split('\n').filter((line) => /^::(error|warning|notice) /.test(line)),
      sarif: readFileSync(path.join(repo.dir, 'netpol-guard.sarif'), 'utf8'),
    };
  } finally {
    await stub.close();
    scratch.remove();
  }
}

/** The commit, in full or abbreviated to 7 or more digits, replaced by the same length of `stand`. */
function replaceCommit(text: string, sha: string, stand: string): string {
  return text.replace(new RegExp(`\\b${sha.slice(0, 7)}[0-9a-f]{0,33}\\b`, 'g'), (found) =>
    sha.startsWith(found) ? stand.slice(0, found.length) : found,
  );
}
