import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { runCheck } from '../../check/run.js';
import { loadConfig } from '../../config/load.js';
import { allPatches } from '../../fix/attach.js';
import { addRule, unifiedDiff } from '../../fix/patch.js';
import type { RulePatch } from '../../fix/types.js';
import type { FlowFormat } from '../../flows/types.js';
import { oneOf, parseCommandArgs, required } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import { CNI_OPTION, cniOption, formatDiagnostics } from './common.js';

/**
 * `fix --base DIR --head DIR --flows FILE... [--write]`: the verified fixes `check` suggests, as a diff of the head
 * files, or applied to them. Only the lines of the new rules are added: comments, formatting and other documents
 * stay as they are.
 */
export async function fixCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    base: { type: 'string' },
    head: { type: 'string' },
    flows: { type: 'string', multiple: true },
    'flows-format': { type: 'string' },
    config: { type: 'string' },
    ...CNI_OPTION,
    write: { type: 'boolean' },
  });
  const flowsFormat = oneOf<FlowFormat | 'auto'>(
    'flows-format',
    values['flows-format'],
    ['auto', 'hubble', 'calico', 'native'],
    'auto',
  );
  const base = resolve(io.cwd, required('base', values.base));
  const head = resolve(io.cwd, required('head', values.head));
  const configFile = values.config ? resolve(io.cwd, values.config) : undefined;
  const cni = cniOption(values.cni);
  const result = await runCheck({
    base: { root: base, paths: [base] },
    head: { root: head, paths: [head] },
    flows: (values.flows ?? []).map((f) => resolve(io.cwd, f)),
    flowsFormat,
    ...(configFile ? { configFile } : {}),
    ...(cni ? { cni } : {}),
  });
  const notOffered = result.diagnostics.filter((d) => d.code === 'fix-not-offered');
  if (notOffered.length > 0) io.stderr(formatDiagnostics(notOffered));
  const patches = allPatches([
    ...(result.flows?.broken ?? []).map((flow) => flow.fix),
    ...result.findings.map((finding) => finding.fix),
  ]);
  if (patches.length === 0) {
    io.stdout('No fix to suggest: no broken flow or finding that a verified rule restores.\n');
    return EXIT.ok;
  }
  const { defaultNamespace } = loadConfig(configFile, head).config;
  let failed = false;
  for (const [file, filePatches] of groupByFile(patches)) {
    const path = resolve(head, file);
    const original = readFileSync(path, 'utf8');
    // Edits and new policies replace the lines they name in the file as it is: applied bottom up, before the rules
    // (which find their list again in the text as it then is).
    const byLines = filePatches.filter((patch) => patch.change !== undefined);
    let text = replaceLines(original, byLines);
    for (const patch of filePatches.filter((p) => p.change === undefined)) {
      const outcome = applyPatch(text, patch, defaultNamespace);
      if ('error' in outcome) {
        io.stderr(`${file}: ${outcome.error}\n`);
        failed = true;
      } else text = outcome.text;
    }
    if (values.write) {
      if (text !== original) writeFileSync(path, text);
      io.stdout(`${file}: ${describeCount(filePatches)}\n`);
    } else io.stdout(unifiedDiff(file, original, text));
  }
  return failed ? EXIT.failed : EXIT.ok;
}

/**
 * Replaces each patch's lines by its replacement, the lowest first so the lines above keep their numbers. Two
 * patches on one line (two new policies after one default deny) each keep that line first: both are inserted.
 */
function replaceLines(text: string, patches: readonly RulePatch[]): string {
  const lines = text.split('\n');
  const newline = text.includes('\r\n') ? '\r' : '';
  // On one line, the last first: each is inserted right after the line, so they end up in report order.
  const ordered = patches
    .map((patch, index) => ({ patch, index }))
    .sort((a, b) => b.patch.line - a.patch.line || b.index - a.index)
    .map(({ patch }) => patch);
  for (const patch of ordered) {
    const replacement = patch.replacement.split('\n').map((line) => line + newline);
    lines.splice(patch.line - 1, patch.endLine - patch.line + 1, ...replacement);
  }
  return lines.join('\n');
}

/** Adds a patch's rule to the text as it is now, so several rules for one file build on each other. */
function applyPatch(text: string, patch: RulePatch, defaultNamespace: string) {
  const [rule] = parse(patch.yaml) as [Record<string, unknown>];
  const { kind, namespace, name } = patch.policy;
  // A cluster-scoped policy (CiliumClusterwideNetworkPolicy) has no namespace on either side of the comparison.
  // A Cilium rule of `specs` goes into that entry's list (`specPath`).
  const spec = patch.specPath ? { spec: patch.specPath } : {};
  const target =
    namespace === undefined && kind !== 'NetworkPolicy'
      ? { namespace: '', name, defaultNamespace: '', kind, ...spec }
      : { namespace: namespace ?? defaultNamespace, name, defaultNamespace, kind, ...spec };
  return addRule(text, target, patch.direction, rule);
}

/** `2 rules added`, `1 policy added, 1 value edited`. */
function describeCount(patches: readonly RulePatch[]): string {
  const count = (change: RulePatch['change']) => patches.filter((patch) => patch.change === change).length;
  const parts = [
    [count(undefined), 'rule', 'rules', 'added'],
    [count('policy'), 'policy', 'policies', 'added'],
    [count('edit'), 'value', 'values', 'edited'],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, one, many, verb]) => `${n} ${n === 1 ? one : many} ${verb}`)
    .join(', ');
}

function groupByFile(patches: readonly RulePatch[]): Map<string, RulePatch[]> {
  const byFile = new Map<string, RulePatch[]>();
  for (const patch of patches) byFile.set(patch.file, [...(byFile.get(patch.file) ?? []), patch]);
  return byFile;
}
