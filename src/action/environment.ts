import { readFileSync } from 'node:fs';

/** What the runner tells the Action through its environment, read once. */
export interface RunnerEnvironment {
  eventName: string;
  /** The webhook payload (`GITHUB_EVENT_PATH`); `{}` when the runner gave none. */
  event: Record<string, unknown>;
  owner: string;
  repo: string;
  /** The head tree: the checkout the workflow made. */
  workspace: string;
  apiUrl: string;
  /** Scratch space cleaned by the runner after the job: the base checkout and the reports go here. */
  tempDir: string;
  /** The run's page, where the job summary is: the comment's footer links to it. */
  runUrl: string | undefined;
  /** The repository's web page (`GITHUB_SERVER_URL/GITHUB_REPOSITORY`): the report links file lines under it. */
  repositoryUrl: string;
  /** The commit the workflow checked out (`GITHUB_SHA`). */
  sha: string | undefined;
}

/** Reads the runner's variables; throws naming the missing ones (the Action is not running on a runner). */
export function readRunnerEnvironment(env: NodeJS.ProcessEnv): RunnerEnvironment {
  const missing = ['GITHUB_EVENT_NAME', 'GITHUB_REPOSITORY', 'GITHUB_WORKSPACE', 'RUNNER_TEMP'].filter(
    (name) => !env[name],
  );
  if (missing.length > 0)
    throw new Error(`not running on a GitHub Actions runner: ${missing.join(', ')} unset`);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new Error(`GITHUB_REPOSITORY "${env.GITHUB_REPOSITORY}" is not owner/name`);
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event: readEvent(env.GITHUB_EVENT_PATH),
    owner,
    repo,
    workspace: env.GITHUB_WORKSPACE ?? '',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    tempDir: env.RUNNER_TEMP ?? '',
    runUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    repositoryUrl: `${server}/${owner}/${repo}`,
    sha: env.GITHUB_SHA || undefined,
  };
}

/** The pull request's head commit, which review comments and file links name; undefined for other events. */
export function pullRequestHead(event: Record<string, unknown>): string | undefined {
  const sha = (event.pull_request as { head?: { sha?: unknown } } | undefined)?.head?.sha;
  return typeof sha === 'string' && sha !== '' ? sha : undefined;
}

/** The pull request the event is about, whose comment thread gets the report; undefined for pushes and the like. */
export function pullRequestNumber(event: Record<string, unknown>): number | undefined {
  const number = (event.pull_request as { number?: unknown } | undefined)?.number;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

function readEvent(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the event payload GITHUB_EVENT_PATH=${file}: ${(error as Error).message}`);
  }
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}
