import { resolve } from 'node:path';
import { runCheck } from '../../check/run.js';
import type { FailOn } from '../../check/types.js';
import type { FlowFormat } from '../../flows/types.js';
import { renderJson, renderMarkdown, renderText } from '../../report/index.js';
import { oneOf, parseCommandArgs, required } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import { sarifReport } from '../../check/sarif.js';
import { emit } from './common.js';

/** `check --base DIR --head DIR [--flows FILE...]`: the PR verdict, exactly as the Action computes it. */
export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    base: { type: 'string' },
    head: { type: 'string' },
    flows: { type: 'string', multiple: true },
    'flows-format': { type: 'string' },
    config: { type: 'string' },
    'fail-on': { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
  });
  const format = oneOf('format', values.format, ['text', 'json', 'markdown', 'sarif'], 'text');
  const failOn =
    values['fail-on'] === undefined
      ? undefined
      : oneOf<FailOn>('fail-on', values['fail-on'], ['error', 'warning', 'never'], 'error');
  const flowsFormat = oneOf<FlowFormat | 'auto'>(
    'flows-format',
    values['flows-format'],
    ['auto', 'hubble', 'calico', 'native'],
    'auto',
  );
  const side = (dir: string) => ({ root: resolve(io.cwd, dir), paths: [resolve(io.cwd, dir)] });
  const result = await runCheck({
    base: side(required('base', values.base)),
    head: side(required('head', values.head)),
    flows: (values.flows ?? []).map((f) => resolve(io.cwd, f)),
    flowsFormat,
    ...(values.config ? { configFile: resolve(io.cwd, values.config) } : {}),
    ...(failOn ? { failOn } : {}),
  });
  const render = {
    text: () => renderText(result, { color: io.color && !values.output }),
    json: () => renderJson(result),
    markdown: () => renderMarkdown(result),
    sarif: () => sarifReport(result),
  }[format];
  emit(io, render(), values.output);
  return result.verdict === 'fail' ? EXIT.failed : EXIT.ok;
}
