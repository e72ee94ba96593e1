/**
 * A run's deadline as the analysis takes it (`limits.maxRunSeconds`, docs/limits.md): data, not a clock. The stages
 * ask `passed()` at checkpoints (between stages, and every few thousand steps of a long loop); the clock behind it
 * is the caller's. `signal` aborts when the deadline passes, for waits no checkpoint can interrupt (the flow reader).
 */
export interface Deadline {
  /** The limit, in seconds, for messages. */
  readonly seconds: number;
  passed(): boolean;
  readonly signal: AbortSignal;
}

/** Thrown at the first checkpoint past the deadline; `stage` is the work it stopped, which was not done. */
export class DeadlinePassed extends Error {
  constructor(readonly stage: string) {
    super(`the run deadline passed before ${stage} was done`);
  }
}

/** A checkpoint: throws {@link DeadlinePassed} once the deadline has passed. */
export function checkDeadline(deadline: Deadline | undefined, stage: string): void {
  if (deadline?.passed()) throw new DeadlinePassed(stage);
}

/** The deadline `seconds` from now by `clock` (milliseconds, as `Date.now`); at 0 it has passed already. */
export function deadlineAfter(seconds: number, clock: () => number): Deadline {
  const at = clock() + seconds * 1000;
  return {
    seconds,
    passed: () => clock() >= at,
    signal: seconds > 0 ? AbortSignal.timeout(seconds * 1000) : AbortSignal.abort(),
  };
}

/** `promise`, unless the deadline passes first: then {@link DeadlinePassed} for `stage`. */
export function untilDeadline<T>(
  promise: Promise<T>,
  deadline: Deadline | undefined,
  stage: string,
): Promise<T> {
  if (!deadline) return promise;
  const { signal } = deadline;
  if (signal.aborted) return Promise.reject(new DeadlinePassed(stage));
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(new DeadlinePassed(stage));
    signal.addEventListener('abort', stop, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}
