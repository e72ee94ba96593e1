import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, SourceLocation } from '../manifests/types.js';
import { parseLabelExpression } from '../policy/identity.js';
import { cidrToRange } from '../policy/ip.js';
import { rules } from '../rules/index.js';
import { DEFAULT_CONFIG, DEFAULT_CONFIG_FILE } from './defaults.js';
import { CONFIG_SCHEMA } from './schema.js';
import type { OutsideWorkload, ResolvedConfig } from './types.js';
import { editDistance } from '../text/edit-distance.js';
import { isInside, readFileInside, UnsafePathError } from '../files/contained.js';

const validateConfig = new Ajv({ allErrors: true, strict: true }).compile(CONFIG_SCHEMA);

type ConfigFileContent = Partial<
  Omit<ResolvedConfig, 'dns' | 'cluster' | 'limits' | 'file' | 'workloads' | 'cilium'>
> & {
  cilium?: Partial<Omit<ResolvedConfig['cilium'], 'policyCIDRMatchMode' | 'identityLabels'>> & {
    policyCIDRMatchMode?: '' | 'nodes' | 'nodes'[];
    identityLabels?: string | string[];
  };
  workloads?: (Pick<OutsideWorkload, 'namespace' | 'name'> & Partial<OutsideWorkload>)[];
  dns?: Partial<ResolvedConfig['dns']>;
  cluster?: Partial<ResolvedConfig['cluster']>;
  limits?: Partial<ResolvedConfig['limits']>;
};

/**
 * Reads `.netpol-guard.yaml` (or the explicit `file`) and applies defaults. Never throws: a missing explicit file,
 * YAML errors, schema errors (with file and line) and unknown rule ids become diagnostics, and the sections at fault
 * fall back to their defaults so the rest of the configuration still applies. A file inside `cwd` (the tree under
 * review) is read only if neither it nor a folder above it is a symbolic link: a pull request could point one at
 * the runner's credentials. A file outside `cwd` was named by whoever runs the tool and is read as given.
 */
export function loadConfig(
  file: string | undefined,
  cwd: string,
): { config: ResolvedConfig; diagnostics: Diagnostic[] } {
  const absolute = path.resolve(cwd, file ?? DEFAULT_CONFIG_FILE);
  const displayName = path.relative(cwd, absolute) || absolute;
  const diagnostics: Diagnostic[] = [];
  const defaults = () => ({ config: structuredClone(DEFAULT_CONFIG) as ResolvedConfig, diagnostics });
  // lstat: a dangling link is not "no config", it is a config that cannot be read.
  if (lstatSync(absolute, { throwIfNoEntry: false }) === undefined) {
    if (file !== undefined) {
      diagnostics.push({
        severity: 'error',
        code: 'config',
        message: `config file not found: ${file}`,
        file,
      });
    }
    return defaults();
  }
  let text: string;
  try {
    const bytes = isInside(cwd, absolute) ? readFileInside(cwd, absolute) : readFileSync(absolute);
    text = bytes.toString('utf8');
  } catch (error) {
    const reason = error instanceof UnsafePathError ? error.reason : describeReadError(error);
    diagnostics.push({
      severity: 'error',
      code: 'config',
      message: `cannot read config file: ${reason}`,
      file: displayName,
    });
    return defaults();
  }
  const config = parseConfigText(text, displayName, diagnostics);
  return { config: { ...config, file: displayName }, diagnostics };
}

/** The reason a read failed, without the path (the diagnostic names the file). */
function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

/** Parses and validates the text of a config file named `file` in diagnostics; exported for the Action, which has no file. */
export function parseConfigText(text: string, file: string, diagnostics: Diagnostic[]): ResolvedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = (offset: number | undefined): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { file, line, column: col };
  };
  for (const error of doc.errors) {
    // Said by its code, not by the parser's message: that quotes the text, and a file that does not parse may not
    // be a config at all (a linked credentials file), so none of it may reach a report.
    const problem = error.code.toLowerCase().replace(/_/g, ' ');
    diagnostics.push({
      severity: 'error',
      code: 'config',
      message: `invalid YAML (${problem}); the configuration is not applied, defaults are used`,
      ...locate(error.pos[0]),
    });
  }
  if (doc.errors.length > 0) return structuredClone(DEFAULT_CONFIG) as ResolvedConfig;

  const content: unknown = doc.toJS() ?? {};
  if (!validateConfig(content)) {
    const rejected: (string | number)[][] = [];
    for (const error of validateConfig.errors ?? []) {
      const segments = errorPath(error);
      const where = locate(nodeAt(doc, segments)?.range?.[0]);
      const field = segments.length > 0 ? shownText(segments.join('.')) : 'config';
      diagnostics.push({
        severity: 'error',
        code: 'config',
        message: describeError(error, field),
        ...where,
      });
      rejected.push(segments);
    }
    // The whole file is unusable only when it is not a mapping; otherwise only the settings at fault fall back.
    if (typeof content !== 'object' || content === null || Array.isArray(content)) {
      return structuredClone(DEFAULT_CONFIG) as ResolvedConfig;
    }
    for (const segments of rejected) dropSetting(content as Record<string, unknown>, segments);
  }
  const given = content as ConfigFileContent;
  checkRuleIds(given, doc, locate, diagnostics);
  checkCidrs(given, doc, locate, diagnostics);
  checkIgnoreGlobs(given, doc, locate, diagnostics);
  checkIdentityLabels(given, doc, locate, diagnostics);
  return mergeWithDefaults(given);
}

/**
 * Removes the setting an error is about so its default applies: a top-level setting, or one entry of a section
 * (`rules.<id>`, `dns.ports`, `namespaces.<name>`), never part of a list, which would change its meaning.
 */
function dropSetting(content: Record<string, unknown>, segments: readonly (string | number)[]): void {
  const [section, entry] = segments;
  if (section === undefined) return;
  const value = content[section];
  if (
    entry === undefined ||
    typeof entry === 'number' ||
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value)
  ) {
    delete content[section];
    return;
  }
  delete (value as Record<string, unknown>)[entry];
}

/**
 * Text of the file as a diagnostic may quote it: a short name or value of the characters settings are made of.
 * Anything else (a secret, if the file is not what it claims to be) is described by its length only.
 */
function shownText(text: string): string {
  return /^[A-Za-z0-9._:/-]{1,32}$/.test(text) ? text : `(${text.length} characters not shown)`;
}

/** ajv's message, made specific where ajv is vague. */
function describeError(error: ErrorObject, field: string): string {
  if (error.keyword === 'additionalProperties') return `unknown setting "${field}"`;
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).map((value) => String(value)).join(', ');
    return `${field} must be one of ${allowed}`;
  }
  return `${field} ${error.message ?? 'is invalid'}`;
}

/** Field path of an ajv error, pointing at the unexpected key itself for `additionalProperties`. */
function errorPath(error: ErrorObject): (string | number)[] {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  return segments;
}

/** The YAML node at a field path (the key node for the last map segment), or the nearest ancestor found. */
function nodeAt(doc: Document, segments: readonly (string | number)[]): Node | undefined {
  let node: unknown = doc.contents;
  let found = node as Node | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === segment);
      if (!pair) break;
      found = (pair.key as Node | null) ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (!node) break;
      found = node as Node;
    } else {
      break;
    }
  }
  return found;
}

function checkRuleIds(
  given: ConfigFileContent,
  doc: Document,
  locate: (offset: number | undefined) => SourceLocation,
  diagnostics: Diagnostic[],
): void {
  const known = rules.map((rule) => rule.meta.id);
  for (const id of Object.keys(given.rules ?? {})) {
    if (known.includes(id)) continue;
    const suggestion = closest(id, known);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    diagnostics.push({
      severity: 'warning',
      code: 'config',
      message: `unknown rule "${shownText(id)}" in rules${hint}; it is ignored`,
      ...locate(nodeAt(doc, ['rules', id])?.range?.[0]),
    });
    delete given.rules?.[id];
  }
}

function checkCidrs(
  given: ConfigFileContent,
  doc: Document,
  locate: (offset: number | undefined) => SourceLocation,
  diagnostics: Diagnostic[],
): void {
  for (const key of ['podCidrs', 'serviceCidrs'] as const) {
    const cidrs = given.cluster?.[key];
    if (!cidrs || !given.cluster) continue;
    given.cluster[key] = cidrs.filter((cidr, index) => {
      if (cidrToRange(cidr)) return true;
      diagnostics.push({
        severity: 'error',
        code: 'config',
        message: `cluster.${key}: "${shownText(cidr)}" is not a CIDR (e.g. 10.244.0.0/16); it is ignored`,
        ...locate(nodeAt(doc, ['cluster', key, index])?.range?.[0]),
      });
      return false;
    });
  }
}

/** Longest `ignore` glob, and most `*` in one path segment of it (a `**` segment aside). */
const MAX_GLOB_LENGTH = 256;
const MAX_GLOB_STARS_PER_SEGMENT = 2;

/**
 * Why an `ignore` glob is refused, if it is. Globs are matched against file names the pull request chooses, and
 * minimatch matches a segment with a backtracking regular expression: `*a*a*a*a*a*a*a*ab` against 40 `a`s takes
 * seconds, each further star multiplies that. Two stars per segment cover real globs (`*-test-*.yaml`) and stay
 * quadratic; extended globs and numeric brace ranges (`{1..1000000}` expands to a million globs) are refused.
 */
function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`;
  if (/[@!?+*]\(/.test(glob)) return 'extended globs (`+(…)`, `@(…)`…) are not supported';
  if (/\{[^}]*\.\.[^}]*\}/.test(glob)) return 'brace ranges (`{1..9}`) are not supported';
  const starry = glob
    .split('/')
    .find((segment) => segment !== '**' && (segment.match(/\*/g)?.length ?? 0) > MAX_GLOB_STARS_PER_SEGMENT);
  if (starry !== undefined) return `more than ${MAX_GLOB_STARS_PER_SEGMENT} "*" in one path segment`;
  return undefined;
}

function checkIgnoreGlobs(
  given: ConfigFileContent,
  doc: Document,
  locate: (offset: number | undefined) => SourceLocation,
  diagnostics: Diagnostic[],
): void {
  if (!given.ignore) return;
  given.ignore = given.ignore.filter((glob, index) => {
    const problem = globProblem(glob);
    if (problem === undefined) return true;
    diagnostics.push({
      severity: 'error',
      code: 'config',
      message: `ignore[${index}]: ${problem}; the glob is not applied`,
      ...locate(nodeAt(doc, ['ignore', index])?.range?.[0]),
    });
    return false;
  });
}

/**
 * `cilium.identityLabels` as a list of expressions (Helm's one string split at spaces, as the agent splits it), each
 * checked as Cilium parses it (`policy/identity.ts`). Cilium refuses to start on an expression it cannot parse, so one
 * refused here leaves the setting at its default, with an error.
 */
function checkIdentityLabels(
  given: ConfigFileContent,
  doc: Document,
  locate: (offset: number | undefined) => SourceLocation,
  diagnostics: Diagnostic[],
): void {
  const setting = given.cilium?.identityLabels;
  if (setting === undefined) return;
  const expressions = identityLabelList(setting);
  for (const [index, expression] of expressions.entries()) {
    const parsed = parseLabelExpression(expression);
    if (typeof parsed !== 'string') continue;
    const at =
      typeof setting === 'string' ? ['cilium', 'identityLabels'] : ['cilium', 'identityLabels', index];
    diagnostics.push({
      severity: 'error',
      code: 'config',
      message:
        `cilium.identityLabels: expression ${index + 1} (${shownText(expression)}) ${parsed}; the setting is not ` +
        "applied, Cilium's default label filter is used",
      ...locate(nodeAt(doc, at)?.range?.[0]),
    });
    delete given.cilium!.identityLabels;
    return;
  }
}

/** The expressions of `identityLabels`, empty ones left out as Cilium leaves them out. */
function identityLabelList(setting: string | readonly string[]): string[] {
  return (typeof setting === 'string' ? setting.split(/\s+/) : setting).filter((item) => item.length > 0);
}

function mergeWithDefaults(given: ConfigFileContent): ResolvedConfig {
  const defaults = structuredClone(DEFAULT_CONFIG) as ResolvedConfig;
  return {
    ...defaults,
    ...given,
    rules: { ...defaults.rules, ...given.rules },
    dns: {
      ...defaults.dns,
      ...given.dns,
      ports: (given.dns?.ports ?? defaults.dns.ports).map((port) => ({
        protocol: port.protocol ?? 'TCP',
        port: port.port,
      })),
    },
    cluster: { ...defaults.cluster, ...given.cluster },
    cilium: {
      ...defaults.cilium,
      ...given.cilium,
      policyCIDRMatchMode: ciliumCidrMatchMode(given.cilium?.policyCIDRMatchMode),
      identityLabels: identityLabelList(given.cilium?.identityLabels ?? []),
    },
    limits: { ...defaults.limits, ...given.limits },
    namespaces: Object.fromEntries(
      Object.entries(given.namespaces ?? {}).map(([name, ns]) => [name, { labels: { ...ns?.labels } }]),
    ),
    workloads: (given.workloads ?? []).map(({ namespace, name, kind, labels, ports }) => ({
      namespace,
      name,
      kind: kind ?? 'Deployment',
      labels: { ...labels },
      ports: (ports ?? []).map((port) => ({ ...port, protocol: port.protocol ?? 'TCP' })),
    })),
  };
}

/** `policyCIDRMatchMode` as a list, from Helm's list or the agent flag's string. */
function ciliumCidrMatchMode(given: '' | 'nodes' | 'nodes'[] | undefined): 'nodes'[] {
  if (given === undefined || given === '') return [];
  return typeof given === 'string' ? [given] : [...given];
}

/** The known id nearest to a misspelt one (edit distance at most 3), to suggest in the diagnostic. */
function closest(id: string, known: readonly string[]): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(id, candidate);
    if (distance <= 3 && (!best || distance < best.distance)) best = { id: candidate, distance };
  }
  return best?.id;
}
