import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { networkPolicySchema } from './schema.js';
import {
  cidrContains,
  dnsLabelProblem,
  dnsSubdomainProblem,
  ianaServiceNameProblem,
  labelKeyProblem,
  labelValueProblem,
  parseCidr,
} from '../../manifests/syntax.js';
import type { Diagnostic, FieldPath, LoadedObject } from '../../manifests/types.js';
import { editDistance } from '../../text/edit-distance.js';
import { fieldPathText } from '../../text/field-path.js';

/** One reason the API server would reject a policy: `path` is named in the message, `at` is located. */
interface Problem {
  path: FieldPath;
  at: FieldPath;
  message: string;
}

let compiledSchema: ValidateFunction | undefined;

/** Compiled on first use, once per process: compiling costs far more than validating. */
function schemaValidator(): ValidateFunction {
  compiledSchema ??= new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true }).compile(
    networkPolicySchema,
  );
  return compiledSchema;
}

/**
 * The errors for which the API server would refuse this NetworkPolicy: the schema (unknown fields, wrong types)
 * and the checks the server adds (selector operators, label syntax, CIDRs, ports, peers). Each points at the
 * field; the first also says the policy is left out, since a rejected policy is not in the cluster.
 */
export function validateNetworkPolicy(object: LoadedObject): Diagnostic[] {
  const problems = [...schemaProblems(object.value), ...apiProblems(object.value)];
  const resource = {
    kind: object.kind,
    ...(object.namespace !== undefined ? { namespace: object.namespace } : {}),
    name: object.name,
  };
  const diagnostics: Diagnostic[] = problems.map((problem) => ({
    severity: 'error',
    code: 'schema',
    message: `${fieldPathText(problem.path)}: ${problem.message}`,
    ...object.locate(problem.at),
    resource,
  }));
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const first = diagnostics[0];
  if (first !== undefined) {
    const qualifiedName = object.namespace === undefined ? object.name : `${object.namespace}/${object.name}`;
    first.message +=
      ` (the API server rejects NetworkPolicy ${JSON.stringify(qualifiedName)}; ` +
      'it is left out of the analysis)';
  }
  return diagnostics;
}

function schemaProblems(value: Record<string, unknown>): Problem[] {
  const validate = schemaValidator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) =>
    schemaProblem(error, instancePath(error.instancePath, value)),
  );
}

/** ajv's JSON Pointer as a field path, with array indexes as numbers. */
function instancePath(pointer: string, root: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let value = root;
  for (const escaped of pointer.split('/').slice(1)) {
    const segment = escaped.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(value) ? Number(segment) : segment;
    path.push(step);
    value =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}

function schemaProblem(error: ErrorObject, path: (string | number)[]): Problem {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params['additionalProperty']);
      const known = Object.keys((error.parentSchema?.['properties'] as object | undefined) ?? {});
      const suggestion = closestName(field, known);
      const hint = suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`;
      return { path, at: [...path, field], message: `unknown field ${JSON.stringify(field)}${hint}` };
    }
    case 'required': {
      const field = String(params['missingProperty']);
      return { path, at: path, message: `missing required field ${JSON.stringify(field)}` };
    }
    case 'type':
      return {
        path,
        at: path,
        message: `must be ${describeTypes(params['type'])}, not ${describeValue(error.data)}`,
      };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).filter((value) => value !== null).map(String);
      const suggestion = typeof error.data === 'string' ? closestName(error.data, allowed) : undefined;
      const hint = suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`;
      return {
        path,
        at: path,
        message: `${JSON.stringify(error.data)} is not one of ${allowed.join(', ')}${hint}`,
      };
    }
    case 'const':
      return { path, at: path, message: `must be ${JSON.stringify(params['allowedValue'])}` };
    case 'maxItems':
      return { path, at: path, message: `must have at most ${String(params['limit'])} entries` };
    default:
      return { path, at: path, message: error.message ?? `fails the ${error.keyword} rule` };
  }
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
};

function describeTypes(types: unknown): string {
  const names = (Array.isArray(types) ? types : [types]).filter((type) => type !== 'null').map(String);
  return names.map((name) => TYPE_WORDS[name] ?? name).join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The known name a misspelt one most likely meant: same letters in another case, or a few edits away. */
function closestName(name: string, known: readonly string[]): string | undefined {
  const sameLetters = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (sameLetters !== undefined) return sameLetters;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    const plausible = distance <= 2 && distance * 3 <= candidate.length;
    if (plausible && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

// The checks below are those of Kubernetes' ValidateNetworkPolicy beyond the schema. They read only values of
// the right type, so a value the schema already rejected is not reported twice.

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Present in the sense of the API server: a field written as `null` is absent. */
function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function apiProblems(policy: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: FieldPath, message: string) => problems.push({ path, at: path, message });

  const metadata = record(policy['metadata']) ?? {};
  const name = metadata['name'];
  if (typeof name === 'string') {
    const nameProblem = dnsSubdomainProblem(name);
    if (nameProblem !== undefined)
      problem(['metadata', 'name'], `name ${JSON.stringify(name)} ${nameProblem}`);
  }
  const namespace = metadata['namespace'];
  if (typeof namespace === 'string' && namespace !== '') {
    const namespaceProblem = dnsLabelProblem(namespace);
    if (namespaceProblem !== undefined) {
      problem(['metadata', 'namespace'], `namespace ${JSON.stringify(namespace)} ${namespaceProblem}`);
    }
  }
  checkLabels(['metadata', 'labels'], metadata['labels'], problem);
  for (const key of Object.keys(record(metadata['annotations']) ?? {})) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem !== undefined)
      problem(['metadata', 'annotations', key], `key ${JSON.stringify(key)} ${keyProblem}`);
  }

  const spec = record(policy['spec']) ?? {};
  checkSelector(['spec', 'podSelector'], spec['podSelector'], problem);
  for (const [direction, peersField] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const) {
    list(spec[direction]).forEach((rule, ruleIndex) => {
      const rulePath = ['spec', direction, ruleIndex];
      const ruleFields = record(rule) ?? {};
      list(ruleFields[peersField]).forEach((peer, peerIndex) =>
        checkPeer([...rulePath, peersField, peerIndex], peer, problem),
      );
      list(ruleFields['ports']).forEach((port, portIndex) =>
        checkPort([...rulePath, 'ports', portIndex], port, problem),
      );
    });
  }
  return problems;
}

type ReportProblem = (path: FieldPath, message: string) => void;

function checkLabels(path: FieldPath, labels: unknown, problem: ReportProblem): void {
  for (const [key, value] of Object.entries(record(labels) ?? {})) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem !== undefined) problem([...path, key], `label key ${JSON.stringify(key)} ${keyProblem}`);
    const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
    if (valueProblem !== undefined)
      problem([...path, key], `label value ${JSON.stringify(value)} ${valueProblem}`);
  }
}

function checkSelector(path: FieldPath, selector: unknown, problem: ReportProblem): void {
  const fields = record(selector);
  if (fields === undefined) return;
  checkLabels([...path, 'matchLabels'], fields['matchLabels'], problem);
  list(fields['matchExpressions']).forEach((expression, index) => {
    const expressionPath = [...path, 'matchExpressions', index];
    const { key, operator, values } = record(expression) ?? {};
    if (typeof key === 'string') {
      const keyProblem = labelKeyProblem(key);
      if (keyProblem !== undefined)
        problem([...expressionPath, 'key'], `key ${JSON.stringify(key)} ${keyProblem}`);
    }
    const valueList = list(values);
    if ((operator === 'In' || operator === 'NotIn') && valueList.length === 0) {
      problem(expressionPath, `operator ${operator} needs at least one entry in values`);
    }
    if ((operator === 'Exists' || operator === 'DoesNotExist') && valueList.length > 0) {
      problem([...expressionPath, 'values'], `operator ${operator} takes no values`);
    }
    valueList.forEach((value, valueIndex) => {
      const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
      if (valueProblem !== undefined) {
        problem([...expressionPath, 'values', valueIndex], `value ${JSON.stringify(value)} ${valueProblem}`);
      }
    });
  });
}

const PEER_FIELDS = new Set(['podSelector', 'namespaceSelector', 'ipBlock']);

function checkPeer(path: FieldPath, peer: unknown, problem: ReportProblem): void {
  const fields = record(peer);
  if (fields === undefined) return;
  const hasSelector = present(fields['podSelector']) || present(fields['namespaceSelector']);
  const hasIpBlock = present(fields['ipBlock']);
  // A peer holding only a misspelt field is already reported as an unknown field.
  const onlyUnknownFields =
    Object.keys(fields).length > 0 && Object.keys(fields).every((key) => !PEER_FIELDS.has(key));
  if (!hasSelector && !hasIpBlock && !onlyUnknownFields) {
    problem(path, 'a peer must set podSelector, namespaceSelector or ipBlock (an empty one is left as null)');
  }
  if (hasSelector && hasIpBlock) {
    problem(path, 'a peer may not combine ipBlock with podSelector or namespaceSelector (use two peers)');
  }
  checkSelector([...path, 'podSelector'], fields['podSelector'], problem);
  checkSelector([...path, 'namespaceSelector'], fields['namespaceSelector'], problem);
  checkIpBlock([...path, 'ipBlock'], fields['ipBlock'], problem);
}

const CIDR_FORM =
  'must be a CIDR such as 10.0.0.0/16 or 2001:db8::/32 (prefix length 0-32 for IPv4, 0-128 for IPv6)';

function checkIpBlock(path: FieldPath, ipBlock: unknown, problem: ReportProblem): void {
  const fields = record(ipBlock);
  if (fields === undefined || typeof fields['cidr'] !== 'string') return;
  const cidrText = fields['cidr'];
  const cidr = parseCidr(cidrText);
  if (cidr === undefined) problem([...path, 'cidr'], `${JSON.stringify(cidrText)} ${CIDR_FORM}`);
  list(fields['except']).forEach((exceptText, index) => {
    if (typeof exceptText !== 'string') return;
    const exceptPath = [...path, 'except', index];
    const except = parseCidr(exceptText);
    if (except === undefined) {
      problem(exceptPath, `${JSON.stringify(exceptText)} ${CIDR_FORM}`);
    } else if (cidr !== undefined && (except.prefix <= cidr.prefix || !cidrContains(cidr, except))) {
      const family =
        except.family === cidr.family ? '' : ` (it is IPv${except.family}, cidr is IPv${cidr.family})`;
      problem(
        exceptPath,
        `${JSON.stringify(exceptText)} must be strictly inside cidr ${JSON.stringify(cidrText)}${family}`,
      );
    }
  });
}

function checkPort(path: FieldPath, port: unknown, problem: ReportProblem): void {
  const fields = record(port);
  if (fields === undefined) return;
  const number = fields['port'];
  const endPort = fields['endPort'];
  if (Number.isInteger(number) && !isPortNumber(number)) {
    problem([...path, 'port'], `port ${String(number)} is out of range 1-65535`);
  }
  if (typeof number === 'string') {
    const nameProblem = ianaServiceNameProblem(number);
    if (nameProblem !== undefined)
      problem([...path, 'port'], `named port ${JSON.stringify(number)} ${nameProblem}`);
  }
  if (!Number.isInteger(endPort)) return;
  if (!isPortNumber(endPort))
    problem([...path, 'endPort'], `endPort ${String(endPort)} is out of range 1-65535`);
  if (!present(number)) {
    problem([...path, 'endPort'], 'endPort needs a numeric port to start the range');
  } else if (typeof number === 'string') {
    problem([...path, 'endPort'], `endPort may not be used with a named port (${JSON.stringify(number)})`);
  } else if (typeof number === 'number' && (endPort as number) < number) {
    problem(
      [...path, 'endPort'],
      `endPort ${String(endPort)} must be greater than or equal to port ${number}`,
    );
  }
}

function isPortNumber(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;
}
