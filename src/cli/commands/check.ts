import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkoutBaseTree, repositoryPrefix, resolveBaseCommit } from '../../git/trees.js';
import { RENDERED_NAME, runCheck, type ManifestSource } from '../../check/run.js';
import { renderEnvironment, runRender } from '../../git/render.js';
import { RISK_GATES, type FailOn, type RiskGate } from '../../config/types.js';
import type { FlowFormat } from '../../flows/types.js';
import { renderJson, renderMarkdown, renderText } from '../../report/index.js';
import { oneOf, parseCommandArgs, required } from '../args.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { parseRiskGates } from '../../check/verdict.js';
import { displayName } from '../../manifests/files.js';
import { MAX_RUN_SECONDS } from '../../config/defaults.js';
import { CNI_OPTION, cniOption, emit, linkedPaths, sarifFor } from './common.js';

/**
 * `check --base DIR|--base-ref REF --head DIR [--flows FILE...]`: the PR verdict, exactly as the Action computes it.
 * With `--base-ref`, the base is that commit of the head's git repository, checked out in a temporary worktree.
 * With `--render CMD`, each side is the output of CMD run in its tree (`kustomize build overlays/prod`).
 */
export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    base: { type: 'string' },
    'base-ref': { type: 'string' },
    head: { type: 'string' },
    flows: { type: 'string', multiple: true },
    'flows-format': { type: 'string' },
    config: { type: 'string' },
    ...CNI_OPTION,
    'fail-on': { type: 'string' },
    'fail-on-risks': { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    render: { type: 'string' },
    'max-run-seconds': { type: 'string' },
  });
  const format = oneOf('format', values.format, ['text', 'json', 'markdown', 'sarif'], 'text');
  const failOn =
    values['fail-on'] === undefined
      ? undefined
      : oneOf<FailOn>('fail-on', values['fail-on'], ['error', 'warning', 'never'], 'error');
  const failOnRisks = riskGatesOption(values['fail-on-risks']);
  const cni = cniOption(values.cni);
  const maxRunSeconds = maxRunSecondsOption(values['max-run-seconds']);
  const flowsFormat = oneOf<FlowFormat | 'auto'>(
    'flows-format',
    values['flows-format'],
    ['auto', 'hubble', 'calico', 'native'],
    'auto',
  );
  if ((values.base === undefined) === (values['base-ref'] === undefined)) {
    throw new UsageError('give the base as --base DIR or as --base-ref REF (one of them)');
  }
  // As the Action's `render` input: the command runs in each side's tree and its output is what is analysed.
  const renderCommand = values.render;
  const side = async (dir: string): Promise<ManifestSource> =>
    renderCommand === undefined
      ? { root: dir, paths: [dir] }
      : {
          root: dir,
          rendered: {
            name: RENDERED_NAME,
            text: await runRender(renderCommand, dir, { env: renderEnvironment(process.env) }),
          },
        };
  const head = resolve(
    io.cwd,
    values['base-ref'] === undefined ? required('head', values.head) : (values.head ?? '.'),
  );
  const base = values.base === undefined ? await checkoutBase(head, values['base-ref']!) : undefined;
  const flows = (values.flows ?? []).map((f) => resolve(io.cwd, f));
  // A flow file of the checkout may be a link a pull request committed: it is reported, not read.
  const linked = linkedPaths(io.cwd, flows);
  const result = await runCheck({
    base: await side(base?.dir ?? resolve(io.cwd, values.base!)).catch(async (error: unknown) => {
      await base?.remove();
      throw error;
    }),
    head: await side(head).catch(async (error: unknown) => {
      await base?.remove();
      throw error;
    }),
    flows: flows.filter((file) => !linked.some((d) => d.file === displayName(file, io.cwd))),
    diagnostics: linked,
    flowsFormat,
    ...(values.config ? { configFile: resolve(io.cwd, values.config) } : {}),
    ...(failOn ? { failOn } : {}),
    ...(failOnRisks ? { failOnRisks } : {}),
    ...(cni ? { cni } : {}),
    ...(maxRunSeconds === undefined ? {} : { maxRunSeconds }),
    clock: Date.now,
  }).finally(() => base?.remove());
  const render = {
    text: () => renderText(result, { color: io.color && !values.output }),
    json: () => renderJson(result),
    markdown: () => renderMarkdown(result),
    sarif: () => sarifFor(result, head),
  }[format];
  emit(io, await render(), values.output);
  return result.verdict === 'fail' ? EXIT.failed : EXIT.ok;
}

/** The `ref` commit of the repository holding `head`, as the directory matching `head` inside a temporary worktree. */
async function checkoutBase(head: string, ref: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const tree = await checkoutBaseTree(head, await resolveBaseCommit(head, ref), tmpdir());
  return { dir: join(tree.dir, await repositoryPrefix(head)), remove: () => tree.remove() };
}

/** `--max-run-seconds N`, 0 to a day; undefined: the config's `limits.maxRunSeconds`. */
function maxRunSecondsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) > MAX_RUN_SECONDS)
    throw new UsageError(
      `--max-run-seconds takes a number of seconds from 0 to ${MAX_RUN_SECONDS} (got "${value}")`,
    );
  return Number(value);
}

/** `--fail-on-risks internet-ingress,metadata-endpoint` (or `none`); undefined: the config's `failOnRisks`. */
function riskGatesOption(value: string | undefined): RiskGate[] | undefined {
  if (value === undefined) return undefined;
  const { gates, unknown } = parseRiskGates(value);
  if (unknown.length > 0 || (gates.length === 0 && value.trim() !== 'none'))
    throw new UsageError(`--fail-on-risks takes none or a list of ${RISK_GATES.join(', ')} (got "${value}")`);
  return gates;
}
