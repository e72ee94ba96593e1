import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

/**
 * Variables that carry credentials: the Action's inputs (the token among them), the runner's own tokens, and the
 * tokens a workflow commonly hands to a step. The Action reads them once, at its start, and needs them no more.
 */
const SECRET =
  /^(INPUT_|ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_|ACTIONS_CACHE_|ACTIONS_RESULTS_|(GITHUB|GH)_TOKEN$)/;

export type SealOutcome = { sealed: true } | { sealed: false; reason: string };

/**
 * Takes the credentials out of this process's environment, where any process of the same user could read them:
 * `/proc/<pid>/environ` shows the environment the process was started with, whatever `process.env` says since.
 * The credentials are deleted from `process.env` (children do not inherit them), every other variable is copied
 * to the heap (so `process.env` stays whole), and the original block is overwritten with zeros through
 * `/proc/self/mem`. Call it once the inputs are read: they are gone afterwards. On systems without `/proc`, or when
 * the block cannot be overwritten, the outcome says why: code from the pull request must then not run.
 */
export function sealEnvironment(env: NodeJS.ProcessEnv = process.env): SealOutcome {
  for (const [name, value] of Object.entries(env)) {
    if (SECRET.test(name.toUpperCase())) delete env[name];
    // A new value is a new string on the heap: the one in the original block is no longer used.
    else env[name] = `${value ?? ''}`;
  }
  if (process.platform !== 'linux') return { sealed: false, reason: `no /proc on ${process.platform}` };
  try {
    const { start, end } = environmentBlock();
    const mem = openSync('/proc/self/mem', 'r+');
    try {
      writeSync(mem, Buffer.alloc(end - start), 0, end - start, start);
    } finally {
      closeSync(mem);
    }
    if (/[^\0]/.test(readFileSync('/proc/self/environ', 'latin1'))) {
      return { sealed: false, reason: '/proc/self/environ still shows the environment' };
    }
    return { sealed: true };
  } catch (error) {
    return { sealed: false, reason: `cannot overwrite the environment block: ${(error as Error).message}` };
  }
}

/** Where the kernel keeps the environment the process started with: fields 50 and 51 of `/proc/self/stat`. */
function environmentBlock(): { start: number; end: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = Number(fields[50 - 3]);
  const end = Number(fields[51 - 3]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end <= start) {
    throw new Error('/proc/self/stat gives no environment block');
  }
  return { start, end };
}
