import { RISK_GATES, type FailOn, type RiskGate } from '../config/types.js';
import type { FlowsFrom } from '../check/evidence.js';
import { parseRiskGates } from '../check/verdict.js';
import type { SuppressionsFrom } from '../config/types.js';
import type { FlowFormat } from '../flows/types.js';
import { isWithheldFromRender } from '../git/render.js';
import { CNIS, type Cni } from '../model/cni.js';
import { MAX_RUN_SECONDS } from '../config/defaults.js';
import { noun } from '../text/plural.js';

export type CommentMode = 'always' | 'on-change' | 'never';
/** What a quiet run does about the comment (see `isQuiet`): write it as any other, or write none unless one is there. */
export type QuietComment = 'post' | 'skip';
export type ConfigSource = 'head' | 'base';

/** The Action's inputs, parsed and validated once (action.yml documents each). */
export interface ActionInputs {
  /** minimatch globs relative to the workspace; `!` lines exclude. */
  manifests: string[];
  /** Globs relative to the workspace, or absolute paths. */
  flows: string[];
  flowsFormat: FlowFormat | 'auto';
  /** Which tree globs of `flows` are matched in: the pull request's (head) or the one it merges into (base). */
  flowsFrom: FlowsFrom;
  /** Undefined: `.netpol-guard.yaml` in the workspace when present. */
  config: string | undefined;
  /** Which tree the config file is read from: the pull request's (head) or the one it merges into (base). */
  configFrom: ConfigSource;
  /** Undefined: the config file's `failOn`. */
  failOn: FailOn | undefined;
  /** Undefined: the config file's `failOnRisks`. */
  failOnRisks: RiskGate[] | undefined;
  /** Undefined: the config file's `failOnUnreadInput`. */
  failOnUnreadInput: boolean | undefined;
  /** Undefined: the config file's `suppressionsFrom`. */
  suppressionsFrom: SuppressionsFrom | undefined;
  /** Undefined: the config file's `cni` (or, unset there too, the CNI the tree's policy kinds show). */
  cni: Cni | undefined;
  comment: CommentMode;
  /** `skip`: a quiet run creates no comment (an earlier one of this step is still updated, not left stale). */
  commentWhenQuiet: QuietComment;
  commentKey: string;
  token: string;
  render: string | undefined;
  /** Seconds the render command may run in each tree. */
  renderTimeout: number;
  /** Undefined: the config file's `limits.maxRunSeconds`. */
  maxRunSeconds: number | undefined;
  /** Names of further environment variables the render command gets (credentials never). */
  renderEnv: string[];
  /** Run `render` on events other than `pull_request` and `push` too (the name predates the wider rule). */
  allowRenderOnPrTarget: boolean;
  baseRef: string | undefined;
  sarifFile: string;
  annotations: boolean;
}

/**
 * What an empty input means. The runner passes action.yml's defaults, but a workflow may still pass an empty
 * string (`fail-on: ${{ inputs.x }}`); a test keeps these in step with action.yml.
 */
export const INPUT_DEFAULTS = {
  manifests: ['**/*.yaml', '**/*.yml', '**/*.json'],
  'flows-format': 'auto',
  'flows-from': 'head',
  'config-from': 'head',
  comment: 'always',
  'comment-when-quiet': 'post',
  'comment-key': 'default',
  'render-timeout': 300,
  'allow-render-on-pr-target': false,
  'sarif-file': 'netpol-guard.sarif',
  annotations: true,
} as const;

const FLOW_FORMATS = ['auto', 'hubble', 'calico', 'native'] as const;
const FAIL_ON = ['error', 'warning', 'never'] as const;
const COMMENT_MODES = ['always', 'on-change', 'never'] as const;
const QUIET_COMMENTS = ['post', 'skip'] as const;
/** The trees a file may be read from: the pull request's, or the one it merges into. */
const TREES = ['head', 'base'] as const;
/** Keys end up inside an HTML comment (`<!-- netpol-guard:KEY -->`): nothing that could close it or confuse a match. */
const COMMENT_KEY = /^[A-Za-z0-9._-]{1,64}$/;

/** Every invalid input, one per line, so a user fixes them all in one go. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid ${noun(problems.length, 'input')}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InputError';
  }
}

/**
 * Parses the inputs given by `read` (the raw string of an input by its action.yml name, `''` when unset).
 * Throws an {@link InputError} naming every invalid input.
 */
export function parseInputs(read: (name: string) => string): ActionInputs {
  const problems: string[] = [];
  const text = (name: string): string => read(name).trim();
  const optional = (name: string): string | undefined => text(name) || undefined;
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = text(name);
    if (value === '') return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name}: "${value}" is not one of ${allowed.join(', ')}`);
    return fallback;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    // The YAML 1.2 core schema spellings, as @actions/core's getBooleanInput accepts them.
    const value = text(name);
    if (value === '') return fallback;
    if (['true', 'True', 'TRUE'].includes(value)) return true;
    if (['false', 'False', 'FALSE'].includes(value)) return false;
    problems.push(`${name}: "${value}" is not true or false`);
    return fallback;
  };

  const manifests = lines(read('manifests'));
  const commentKey = text('comment-key') || INPUT_DEFAULTS['comment-key'];
  if (!COMMENT_KEY.test(commentKey)) {
    problems.push(
      `comment-key: "${commentKey}" may only hold letters, digits, ".", "_" and "-" (at most 64)`,
    );
  }
  const comment = oneOf('comment', COMMENT_MODES, INPUT_DEFAULTS.comment);
  const commentWhenQuiet = oneOf('comment-when-quiet', QUIET_COMMENTS, INPUT_DEFAULTS['comment-when-quiet']);
  const token = text('token');
  if (token === '' && comment !== 'never') {
    problems.push('token: empty; give a token with pull-requests: write, or set comment: never');
  }

  const renderTimeout = text('render-timeout');
  if (renderTimeout !== '' && !/^[1-9]\d{0,5}$/.test(renderTimeout)) {
    problems.push(`render-timeout: "${renderTimeout}" is not a number of seconds (1 to 999999)`);
  }
  const maxRunSeconds = text('max-run-seconds');
  if (
    maxRunSeconds !== '' &&
    !(/^\d{1,5}$/.test(maxRunSeconds) && Number(maxRunSeconds) <= MAX_RUN_SECONDS)
  ) {
    problems.push(`max-run-seconds: "${maxRunSeconds}" is not a number of seconds (0 to ${MAX_RUN_SECONDS})`);
  }
  const renderEnv = lines(read('render-env'));
  for (const name of renderEnv) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) problems.push(`render-env: "${name}" is not a variable name`);
    else if (isWithheldFromRender(name)) {
      problems.push(`render-env: ${name} carries credentials or sets later steps' environment: never passed`);
    }
  }
  const riskGates = (name: string): RiskGate[] | undefined => {
    const value = text(name);
    if (value === '') return undefined;
    const { gates, unknown } = parseRiskGates(value);
    if (unknown.length > 0 || (gates.length === 0 && value !== 'none'))
      problems.push(`${name}: "${value}" is not none or a list of ${RISK_GATES.join(', ')}`);
    return gates;
  };

  const inputs: ActionInputs = {
    manifests: manifests.length > 0 ? manifests : [...INPUT_DEFAULTS.manifests],
    flows: lines(read('flows')),
    flowsFormat: oneOf('flows-format', FLOW_FORMATS, INPUT_DEFAULTS['flows-format']),
    flowsFrom: oneOf('flows-from', TREES, INPUT_DEFAULTS['flows-from']),
    config: optional('config'),
    configFrom: oneOf('config-from', TREES, INPUT_DEFAULTS['config-from']),
    failOn: text('fail-on') === '' ? undefined : oneOf('fail-on', FAIL_ON, 'error'),
    failOnRisks: riskGates('fail-on-risks'),
    failOnUnreadInput:
      text('fail-on-unread-input') === '' ? undefined : boolean('fail-on-unread-input', true),
    suppressionsFrom:
      text('suppressions-from') === '' ? undefined : oneOf('suppressions-from', TREES, 'head'),
    cni: text('cni') === '' ? undefined : oneOf('cni', CNIS, 'generic'),
    comment,
    commentWhenQuiet,
    commentKey,
    token,
    render: optional('render'),
    renderTimeout: renderTimeout === '' ? INPUT_DEFAULTS['render-timeout'] : Number(renderTimeout),
    renderEnv,
    maxRunSeconds: maxRunSeconds === '' ? undefined : Number(maxRunSeconds),
    allowRenderOnPrTarget: boolean('allow-render-on-pr-target', INPUT_DEFAULTS['allow-render-on-pr-target']),
    baseRef: optional('base-ref'),
    sarifFile: text('sarif-file') || INPUT_DEFAULTS['sarif-file'],
    annotations: boolean('annotations', INPUT_DEFAULTS.annotations),
  };
  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}

/** Non-empty trimmed lines; `#` starts a comment line, as in most multi-line Action inputs. */
function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
