import { runCli } from '../../src/cli/main.js';

/** Runs the CLI in-process, as `netpol-guard ARGS` from `cwd`, capturing what it prints. */
export async function cli(
  args: string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    color: false,
  });
  return { code, stdout, stderr };
}

/** `check` on a scenario folder (its base/ and head/) with one flow file (default its flows.hubble.jsonl). */
export function checkScenario(
  dir: string,
  format: string,
  flows = `${dir}/flows.hubble.jsonl`,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return cli([
    'check',
    '--base',
    `${dir}/base`,
    '--head',
    `${dir}/head`,
    '--flows',
    flows,
    '--format',
    format,
  ]);
}
