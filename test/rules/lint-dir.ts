import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { loadManifests } from '../../src/manifests/load.js';
import type { Diagnostic } from '../../src/manifests/types.js';
import { outsideWorkloads } from '../../src/check/side.js';
import { buildModel } from '../../src/model/build.js';
import { chooseCni } from '../../src/model/cni.js';
import { createEngine } from '../../src/policy/engine.js';
import { runLint } from '../../src/rules/run.js';
import type { LintResult } from '../../src/rules/types.js';

/** Lints a folder of manifests the way the CLI does: its own `.netpol-guard.yaml`, loader, model, engine, rules. */
export async function lintDirectory(
  dir: string,
  overrides: Partial<ResolvedConfig> = {},
): Promise<LintResult & { configDiagnostics: Diagnostic[] }> {
  const root = path.resolve(dir);
  const { config, diagnostics: configDiagnostics } = loadConfig(undefined, root);
  const resolved = { ...config, ...overrides };
  const loaded = await loadManifests([root], { root });
  // The CNI as the CLI chooses it: the config's, else the one whose own policy kinds the tree holds.
  const { cni } = chooseCni(resolved.cni, [
    ...loaded.objects.map(({ apiVersion, kind, loc }) => ({
      apiVersion,
      kind,
      file: loc.file,
      line: loc.line,
    })),
    ...loaded.unanalysed,
  ]);
  const { model, diagnostics } = buildModel(loaded.objects, {
    cni,
    cilium: resolved.cilium,
    defaultNamespace: resolved.defaultNamespace,
    namespaceLabels: Object.fromEntries(
      Object.entries(resolved.namespaces).map(([name, { labels }]) => [name, labels]),
    ),
    complete: resolved.complete,
    outsideWorkloads: outsideWorkloads(resolved),
  });
  const result = runLint(
    { model, engine: createEngine(model), diagnostics: [...loaded.diagnostics, ...diagnostics] },
    resolved,
  );
  return { ...result, configDiagnostics };
}

export interface Marker {
  rule: string;
  file: string;
  line: number;
  suppressed: boolean;
}

const MARKER = /#\s*expect(-suppressed)?:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

/** The `# expect: rule-a, rule-b` and `# expect-suppressed: rule` markers of every manifest under `dir`. */
export function readMarkers(dir: string): Marker[] {
  const markers: Marker[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name) || entry.name.startsWith('.')) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const file = path.relative(dir, absolute).split(path.sep).join('/');
    readFileSync(absolute, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const match = MARKER.exec(text);
        if (!match?.[2]) return;
        for (const rule of match[2].split(',')) {
          markers.push({ rule: rule.trim(), file, line: index + 1, suppressed: match[1] !== undefined });
        }
      });
  }
  return markers;
}
