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
    let text = original;
    for (const patch of filePatches) {
      const outcome = applyPatch(text, patch, defaultNamespace);
      if ('error' in outcome) {
        io.stderr(`${file}: ${outcome.error}\n`);
        failed = true;
      } else text = outcome.text;
    }
    if (values.write) {
      if (text !== original) writeFileSync(path, text);
      io.stdout(`${file}: ${filePatches.length} rule${filePatches.length === 1 ? '' : 's'} added\n`);
    } else io.stdout(unifiedDiff(file, original, text));
  }
  return failed ? EXIT.failed : EXIT.ok;
}

/** Adds a patch's rule to the text as it is now, so several rules for one file build on each other. */
function applyPatch(text: string, patch: RulePatch, defaultNamespace: string) {
  const [rule] = parse(patch.yaml) as [Record<string, unknown>];
  const { namespace = defaultNamespace, name } = patch.policy;
  return addRule(text, { namespace, name, defaultNamespace }, patch.direction, rule);
}

function groupByFile(patches: readonly RulePatch[]): Map<string, RulePatch[]> {
  const byFile = new Map<string, RulePatch[]>();
  for (const patch of patches) byFile.set(patch.file, [...(byFile.get(patch.file) ?? []), patch]);
  return byFile;
}
