import { nothingToAnalyse } from '../../check/side.js';
import { peerLabel } from '../../diff/peers.js';
import { createEngine } from '../../policy/engine.js';
import { ConnSet } from '../../policy/portset.js';
import { withRepresentatives } from '../../policy/representatives.js';
import type { Connection } from '../../policy/types.js';
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
        : reachText(connections),
      values.output,
    );
    io.stderr(formatDiagnostics(diagnostics));
  }
  return nothingToAnalyse(side) ? EXIT.failed : EXIT.ok;
}

function reachText(connections: readonly Connection[]): string {
  const lines: string[] = [];
  let previous = '';
  for (const c of connections) {
    const pair = `${peerLabel(c.from)} -> ${peerLabel(c.to)}`;
    const ports = ConnSet.of(c.protocol, c.ports).toString();
    if (pair === previous) lines[lines.length - 1] += `, ${ports}`;
    else lines.push(`${pair} : ${ports}`);
    previous = pair;
  }
  return `${lines.join('\n')}${lines.length ? '\n' : ''}${connections.length === 0 ? 'no connection is allowed\n' : ''}`;
}
