import { spawn } from 'node:child_process';

/** Largest render output read; past it the command is stopped (a runaway generator must not exhaust memory). */
export const MAX_RENDER_BYTES = 64 * 1024 * 1024;

/** How long a render command may run before it is stopped (a `helm template` of a large chart takes seconds). */
export const DEFAULT_RENDER_TIMEOUT_MS = 300_000;

/**
 * Variables a render command gets from the runner's environment: what tools need to find themselves, their
 * configuration and a temporary directory. Everything else is left out, whatever it holds: the Action's inputs
 * (the token), the runner's tokens (`ACTIONS_RUNTIME_TOKEN`, `ACTIONS_ID_TOKEN_REQUEST_*`), the files through which a
 * step sets later steps' environment (`GITHUB_ENV`, `GITHUB_PATH`, `GITHUB_OUTPUT`, `GITHUB_STATE`), and secrets a
 * workflow put in `env:` for other tools.
 */
const PASSED =
  /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TERM|CI|XDG_[A-Z_]+|HELM_[A-Z_]+|KUSTOMIZE_[A-Z_]+)$/;

/** Never passed, even when named in `extra`: they carry credentials or let the command change later steps. */
const WITHHELD =
  /^(INPUT_|ACTIONS_|GITHUB_(ENV|PATH|OUTPUT|STATE|STEP_SUMMARY|TOKEN)$|GH_TOKEN$|GH_ENTERPRISE_TOKEN$|RUNNER_)/;

/**
 * The environment for a render command: the variables in {@link PASSED}, and those the workflow names in `extra`
 * (the `render-env` input) unless they are {@link WITHHELD}.
 */
export function renderEnvironment(env: NodeJS.ProcessEnv, extra: readonly string[] = []): NodeJS.ProcessEnv {
  const named = new Set(extra);
  return Object.fromEntries(
    Object.entries(env).filter(
      ([name]) => (PASSED.test(name) || named.has(name)) && !WITHHELD.test(name.toUpperCase()),
    ),
  );
}

/** Whether `name` may be named in `render-env` (the inputs reject the others rather than drop them silently). */
export function isWithheldFromRender(name: string): boolean {
  return WITHHELD.test(name.toUpperCase());
}

/** Process groups of render commands still running: stopped when this process exits, however it exits. */
const running = new Set<number>();

/**
 * Runs `command` with the system shell in `cwd` and resolves with its stdout, the YAML to analyse. Its stderr goes
 * straight to the log. Rejects with a message naming the command when it fails, prints too much or runs past
 * `timeoutMs`. The command runs in its own process group, which is killed on every way out: whatever the shell left
 * running in the background (a daemon, a `sleep` holding the output open) does not outlive the render.
 */
export function runRender(
  command: string,
  cwd: string,
  options: { env: NodeJS.ProcessEnv; maxBytes?: number; timeoutMs?: number },
): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_RENDER_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(command, {
      cwd,
      shell: true,
      detached: true,
      env: options.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = child.pid;
    if (pid !== undefined) track(pid);
    const chunks: Buffer[] = [];
    let size = 0;
    let failure: string | undefined;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const stop = (reason: string) => {
      failure ??= reason;
      stopGroup(pid);
      child.stdout.destroy();
    };
    const timer = setTimeout(
      () => stop(`did not finish within ${Math.round(timeoutMs / 1000)} seconds and was stopped`),
      timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) stop(`printed more than ${maxBytes} bytes`);
      else chunks.push(chunk);
    });
    // The shell is done: what it left behind is stopped now, or it would hold the output open (and run on).
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      stopGroup(pid);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      stopGroup(pid);
      reject(new Error(`render command "${command}" could not start: ${error.message}`));
    });
    child.on('close', () => {
      clearTimeout(timer);
      stopGroup(pid);
      if (failure) reject(new Error(`render command "${command}" ${failure}`));
      else if (exit?.code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
      else {
        const how = exit?.code == null ? `was stopped by ${exit?.signal}` : `exited with code ${exit.code}`;
        reject(new Error(`render command "${command}" ${how} in ${cwd} (its stderr is above)`));
      }
    });
  });
}

function track(pid: number): void {
  if (running.size === 0) {
    process.once('exit', stopAll);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stopAllAndExit);
  }
  running.add(pid);
}

/** Kills the group; once it is gone, the signal handlers are dropped again when no other render runs. */
function stopGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  if (running.delete(pid) && running.size === 0) {
    process.removeListener('exit', stopAll);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeListener(signal, stopAllAndExit);
  }
}

function stopAll(): void {
  for (const pid of [...running]) stopGroup(pid);
}

/** A cancelled job (the runner sends SIGINT, then SIGTERM) stops the renders, then ends as the signal would. */
function stopAllAndExit(signal: NodeJS.Signals): void {
  stopAll();
  process.kill(process.pid, signal);
}
