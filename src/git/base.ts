/** Which tree the pull request is compared against. */
export type BaseChoice =
  /** A commit (or any ref git can resolve); `source` says where it came from, for the log. */
  | { kind: 'ref'; ref: string; source: string }
  /** The first push of a branch: nothing existed before, so everything at head is new. */
  | { kind: 'empty'; source: string }
  /** The event has no base and no `base-ref` was given: `message` says what to change. */
  | { kind: 'missing'; message: string };

const ZERO_SHA = /^0+$/;

/**
 * The base of the comparison for a workflow event: the pull request's base commit, the commit before a push, or
 * the `base-ref` input, which also overrides the event's own base.
 */
export function chooseBase(eventName: string, payload: unknown, baseRef: string | undefined): BaseChoice {
  if (baseRef) return { kind: 'ref', ref: baseRef, source: 'the base-ref input' };
  const event = (payload ?? {}) as { pull_request?: { base?: { sha?: unknown } }; before?: unknown };
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const sha = event.pull_request?.base?.sha;
    if (typeof sha === 'string' && sha !== '')
      return { kind: 'ref', ref: sha, source: 'the pull request base' };
    return { kind: 'missing', message: `the ${eventName} event payload has no pull_request.base.sha` };
  }
  if (eventName === 'push') {
    const before = event.before;
    if (typeof before !== 'string' || before === '') {
      return {
        kind: 'missing',
        message: 'the push event payload has no "before" commit; set the base-ref input',
      };
    }
    if (ZERO_SHA.test(before)) return { kind: 'empty', source: 'the first push of this branch' };
    return { kind: 'ref', ref: before, source: 'the commit before the push' };
  }
  return {
    kind: 'missing',
    message: `"${eventName}" events have no base commit: set the base-ref input (a commit, branch or tag)`,
  };
}
