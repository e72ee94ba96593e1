import * as core from '@actions/core';
import { analysePullRequest } from './analyse.js';
import { readRunnerEnvironment } from './environment.js';
import { parseInputs } from './inputs.js';
import { publishResult } from './publish.js';
import { sealEnvironment } from './seal.js';

/**
 * The Action: reads its inputs and the runner's environment, compares base and head, publishes the report, and
 * fails the step when the verdict is fail. The one place an error becomes `core.setFailed`.
 */
export async function run(): Promise<void> {
  // Masked before anything else runs, so no later log line can show it.
  const token = core.getInput('token');
  if (token) core.setSecret(token);
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    const runner = readRunnerEnvironment(process.env);
    // The inputs are read: from here on the token lives in this process's memory only, not in its environment.
    const seal = sealEnvironment();
    const analysis = await analysePullRequest(inputs, runner, seal);
    await publishResult(analysis, inputs, runner);
    const { result } = analysis;
    if (result.verdict === 'fail') core.setFailed(`netpol-guard: ${result.reasons.join('; ')}`);
    else core.info('netpol-guard: pass');
  } catch (error) {
    core.setFailed(`netpol-guard: ${error instanceof Error ? error.message : String(error)}`);
  }
}
