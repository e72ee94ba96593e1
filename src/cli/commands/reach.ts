import { nothingToAnalyse } from '../../check/side.js';
import { createEngine } from '../../policy/engine.js';
import { withRepresentatives } from '../../policy/representatives.js';
import { renderReachText } from '../../report/text.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import { emit, formatDiagnostics, loadPaths, CNI_OPTION } from './common.js';

/** `reach PATH...`: every allowed connection, as text or as the stable JSON contract (README "reach JSON"). */
export async function reachCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string' },
    config: { type: 'string' },
    ...CNI_OPTION,
    output: { type: 'string' },
  });
  const format = oneOf('format', values.format, ['text', 'json'], 'text');
  const { side, diagnostics } = await loadPaths(positionals, values.config, io, values.cni);
  // Pods the policies name that the tree does not show are reached through representatives (issue 17 item 6).
  const model = withRepresentatives(side.model);
  const connections = (model === side.model ? side.engine : createEngine(model)).connectivity();
  if (format === 'json') {
    const report = {
      workloads: side.model.workloads.map((w) => ({
        namespace: w.namespace,
        kind: w.kind,
        name: w.name,
        labels: w.labels,
      })),
      connections,
      diagnostics: diagnostics.map((d) => ({
        severity: d.severity,
        message: d.message,
        file: d.file,
        line: d.line,
      })),
    };
    emit(io, `${JSON.stringify(report, null, 2)}\n`, values.output);
  } else {
    emit(
      io,
      side.model.workloads.length === 0
        ? 'no workloads in these manifests: nothing to connect\n'
        : renderReachText(connections),
      values.output,
    );
    io.stderr(formatDiagnostics(diagnostics));
  }
  return nothingToAnalyse(side) ? EXIT.failed : EXIT.ok;
}
