import { spawn } from 'node:child_process';

/** Largest render output read; past it the command is stopped (a runaway generator must not exhaust memory). */
export const MAX_RENDER_BYTES = 64 * 1024 * 1024;

/**
 * Environment variables a render command must not see: the Action's inputs (the token among them) and the runner's
 * own credentials. Anything the workflow put in `env:` on purpose is kept.
 */
const WITHHELD = /^(INPUT_|ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_|ACTIONS_CACHE_|ACTIONS_RESULTS_)/;

/** The environment for a render command: the runner's, less the variables in {@link WITHHELD}. */
export function renderEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !WITHHELD.test(name.toUpperCase())));
}

/**
 * Runs `command` with the system shell in `cwd` and resolves with its stdout, the YAML to analyse. Its stderr goes
 * straight to the log. Rejects with a message naming the command when it fails or prints too much.
 */
export function runRender(
  command: string,
  cwd: string,
  options: { env: NodeJS.ProcessEnv; maxBytes?: number },
): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_RENDER_BYTES;
  return new Promise((resolve, reject) => {
    // Its own process group, so that stopping it also stops whatever the shell started.
    const child = spawn(command, {
      cwd,
      shell: true,
      detached: true,
      env: options.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge = true;
        stopGroup(child.pid);
        child.stdout.destroy();
        return;
      }
      chunks.push(chunk);
    });
    child.on('error', (error) =>
      reject(new Error(`render command "${command}" could not start: ${error.message}`)),
    );
    child.on('close', (code, signal) => {
      if (tooLarge) reject(new Error(`render command "${command}" printed more than ${maxBytes} bytes`));
      else if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
      else {
        const how = code === null ? `was stopped by ${signal}` : `exited with code ${code}`;
        reject(new Error(`render command "${command}" ${how} in ${cwd} (its stderr is above)`));
      }
    });
  });
}

function stopGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
