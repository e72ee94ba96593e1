/** What a command may touch: output streams, the working directory and whether to colour. Injected for tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  color: boolean;
}

/** Exit codes (README "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** `check`/`lint`: the verdict failed; `reach`/`explain`: input errors left nothing to analyse. */
  failed: 1,
  usage: 2,
} as const;

/** A mistake in the command line: printed with the usage hint, exit code 2. */
export class UsageError extends Error {}
