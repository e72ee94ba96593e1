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
