import * as core from '@actions/core';
import { analysePullRequest } from './analyse.js';
import { readRunnerEnvironment, type RunnerEnvironment } from './environment.js';
import { parseInputs, type ActionInputs } from './inputs.js';
import { markCommentStale, publishResult } from './publish.js';
import { sealEnvironment } from './seal.js';

/**
 * The Action: reads its inputs and the runner's environment, compares base and head, publishes the report, and
 * fails the step when the verdict is fail. The one place an error becomes `core.setFailed`.
 */
export async function run(): Promise<void> {
  // Masked before anything else runs, so no later log line can show it.
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  // Known once read: a run that fails before its report is written marks the earlier report stale with them.
  let setup: { inputs: ActionInputs; runner: RunnerEnvironment } | undefined;
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    const runner = readRunnerEnvironment(process.env);
    // The inputs are read: from here on the token lives in this process's memory only, not in its environment.
    const seal = sealEnvironment();
    setup = { inputs, runner };
    const analysis = await analysePullRequest(inputs, runner, seal);
    setup = undefined;
    await publishResult(analysis, inputs, runner);
    const { result } = analysis;
    if (result.verdict === 'fail') core.setFailed(`netpol-guard: ${result.reasons.join('; ')}`);
    else core.info('netpol-guard: pass');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.setFailed(`netpol-guard: ${message}`);
    if (setup) await markCommentStale(setup.inputs, setup.runner, message);
  }
}
