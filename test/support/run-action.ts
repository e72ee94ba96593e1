import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** What the Action wrote to `GITHUB_OUTPUT`. */
  outputs: Record<string, string>;
  /** What the Action wrote to `GITHUB_STEP_SUMMARY`. */
  summary: string;
  runnerTemp: string;
}

export interface ActionRunOptions {
  workspace: string;
  eventName: string;
  event: Record<string, unknown>;
  apiUrl: string;
  token: string;
  /** Inputs by their action.yml names; the others get action.yml's defaults, as the runner gives them. */
  inputs?: Record<string, string>;
  sha?: string;
  /** An empty directory the caller removes: RUNNER_TEMP, the event file, outputs and summary go there. */
  runnerTemp: string;
  /** Further variables, e.g. the runner's own tokens (`ACTIONS_RUNTIME_TOKEN`), as a job's step gets them. */
  env?: Record<string, string>;
}

const ACTION_DIR = path.resolve(import.meta.dirname, '../..');

/**
 * Starts `node dist/index.js` as the runner does: in the workspace, with the runner's variables, `INPUT_*` named as
 * GitHub names them (`INPUT_FAIL-ON`), and files for outputs and the summary. Nothing of the test's own environment
 * leaks in but PATH and HOME, so a CI run on GitHub itself cannot change what is tested.
 */
export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const runnerTemp = mkdtempSync(path.join(options.runnerTemp, 'runner-'));
  const eventPath = path.join(runnerTemp, 'event.json');
  const outputFile = path.join(runnerTemp, 'output');
  const summaryFile = path.join(runnerTemp, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(options.event));
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  // The other file commands, as the runner creates them for every step (`GITHUB_ENV` sets later steps' variables).
  const fileCommands = { GITHUB_ENV: 'env', GITHUB_PATH: 'path', GITHUB_STATE: 'state' };
  for (const name of Object.values(fileCommands)) writeFileSync(path.join(runnerTemp, name), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/gitops',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: options.sha ?? '',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    ...Object.fromEntries(
      Object.entries(fileCommands).map(([name, file]) => [name, path.join(runnerTemp, file)]),
    ),
    ...options.env,
    ...inputEnvironment({ ...defaultInputs(options.token), ...options.inputs }),
  };
  const { exitCode, stdout, stderr } = await spawnNode(
    path.join(ACTION_DIR, 'dist/index.js'),
    options.workspace,
    env,
  );
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    runnerTemp,
  };
}

/** action.yml's defaults, `${{ github.token }}` standing for the token as the runner fills it in. */
function defaultInputs(token: string): Record<string, string> {
  const action = parse(readFileSync(path.join(ACTION_DIR, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [
      name,
      (input.default ?? '').replace('${{ github.token }}', token),
    ]),
  );
}

function inputEnvironment(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]),
  );
}

/** Reads `name<<DELIMITER\nvalue\nDELIMITER` blocks, the format @actions/core writes. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm)) {
    outputs[match[1] ?? ''] = match[3] ?? '';
  }
  return outputs;
}

function spawnNode(
  script: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  if (!existsSync(script)) throw new Error(`${script} is missing: build it first`);
  return new Promise((resolve, reject) => {
    // Asynchronous on purpose: the GitHub API stand-in answers from this same process.
    const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}
