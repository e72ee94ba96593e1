import type { CheckResult } from '../check/types.js';
import type { LintResult } from '../rules/types.js';

/**
 * The key order of each object of the JSON contracts (`src/check/types.ts`, `src/diff/types.ts`, `src/replay/types.ts`,
 * `src/rules/types.ts`), so the output
 * reads the same whatever order the producer built its objects in. `true` is a leaf kept as it is. Unknown keys
 * are kept after the known ones: a field added to a contract is never dropped from the JSON.
 */
type KeyOrder = { readonly [key: string]: KeyOrder | true };

const LOCATION: KeyOrder = { file: true, line: true, column: true };
const RESOURCE: KeyOrder = { kind: true, namespace: true, name: true };
/** Every kind of peer at once: a workload, a CIDR, an unknown IP, an unmatched flow endpoint. */
const PEER: KeyOrder = {
  namespace: true,
  kind: true,
  name: true,
  cidr: true,
  except: true,
  ip: true,
  unmatched: true,
};
const POLICY_REF: KeyOrder = { kind: true, namespace: true, name: true, location: LOCATION };
const DECISION: KeyOrder = {
  direction: true,
  tier: true,
  action: true,
  policy: POLICY_REF,
  priority: true,
  index: true,
  name: true,
  path: true,
  location: LOCATION,
  peer: {
    podSelector: true,
    namespaceSelector: true,
    ipBlock: true,
    addressesOnly: true,
    world: true,
    scopedToNamespace: true,
    path: true,
    location: LOCATION,
  },
};
const DECIDED_BY: KeyOrder = { base: DECISION, head: DECISION };
const PATH_CHANGE: KeyOrder = {
  from: PEER,
  to: PEER,
  protocol: true,
  ports: true,
  namedPorts: true,
  risk: true,
  failsOn: true,
  explanation: true,
  location: LOCATION,
  decidedBy: DECIDED_BY,
};
const L7_RULE: KeyOrder = { parser: true, rule: true, policy: POLICY_REF, location: LOCATION };
const L7_CHANGE: KeyOrder = {
  from: PEER,
  to: PEER,
  protocol: true,
  ports: true,
  base: { egress: L7_RULE, ingress: L7_RULE },
  head: { egress: L7_RULE, ingress: L7_RULE },
  change: true,
  effect: true,
  location: LOCATION,
};
const CAUSE_GROUP: KeyOrder = {
  peers: true,
  written: true,
  decision: DECISION,
  folds: true,
  from: PEER,
  to: PEER,
  paths: true,
  ports: { protocol: true, ports: true, namedPorts: true },
  risk: true,
  failsOn: true,
  location: LOCATION,
  members: PEER,
};
const RULE_PATCH: KeyOrder = {
  file: true,
  line: true,
  endLine: true,
  policy: POLICY_REF,
  direction: true,
  specPath: true,
  change: true,
  yaml: true,
  replacement: true,
  patchedPolicyYaml: true,
  inChangedFile: true,
};
const FIX: KeyOrder = { ...RULE_PATCH, alsoNeeded: RULE_PATCH };
const RECORDED_ATTRIBUTION: KeyOrder = {
  direction: true,
  action: true,
  policies: RESOURCE,
  match: true,
};
const REPLAYED_FLOW: KeyOrder = {
  from: PEER,
  to: PEER,
  protocol: true,
  port: true,
  request: true,
  count: true,
  firstSeen: true,
  lastSeen: true,
  explanation: true,
  location: LOCATION,
  decidedBy: DECIDED_BY,
  recordedBy: RECORDED_ATTRIBUTION,
  introduced: true,
  reason: true,
  fix: FIX,
};
const FINDING: KeyOrder = {
  rule: true,
  severity: true,
  message: true,
  file: true,
  line: true,
  column: true,
  resource: RESOURCE,
  introduced: true,
  suppressed: { reason: true },
  related: { ...LOCATION, message: true },
  fix: FIX,
};
const DIAGNOSTIC: KeyOrder = {
  severity: true,
  code: true,
  message: true,
  file: true,
  line: true,
  column: true,
  resource: RESOURCE,
  side: true,
};
const LINT_RESULT: KeyOrder = { findings: FINDING, diagnostics: DIAGNOSTIC };
const CHECK_RESULT: KeyOrder = {
  verdict: true,
  reasons: true,
  findings: FINDING,
  resolved: FINDING,
  diff: {
    opened: PATH_CHANGE,
    closed: PATH_CHANGE,
    l7Changed: L7_CHANGE,
    workloadsAdded: PEER,
    workloadsRemoved: PEER,
    newConnections: PATH_CHANGE,
    goneConnections: PATH_CHANGE,
    groups: { opened: CAUSE_GROUP, closed: CAUSE_GROUP },
  },
  flows: {
    records: true,
    skipped: true,
    skippedSamples: { file: true, line: true, reason: true },
    window: { firstSeen: true, lastSeen: true },
    broken: REPLAYED_FLOW,
    newlyAllowed: REPLAYED_FLOW,
    stillDenied: true,
    wouldBreakWhenEnforced: REPLAYED_FLOW,
    acceptedCuts: {
      ...REPLAYED_FLOW,
      acceptedBy: { policy: true, entry: true, location: LOCATION },
    },
    unmatched: REPLAYED_FLOW,
    otherDrops: true,
    deniedAtBase: true,
    modelClusterMismatches: { ...REPLAYED_FLOW, recorded: RECORDED_ATTRIBUTION, model: DECISION },
    readiness: {
      namespace: true,
      observed: true,
      covered: true,
      ready: true,
      blocking: { from: PEER, to: PEER, protocol: true, port: true, count: true, uncovered: true },
    },
    unusedRules: { policy: true, direction: true, index: true, file: true, line: true },
  },
  diagnostics: DIAGNOSTIC,
  changedManifests: true,
  summary: { brokenFlows: true, opened: true, closed: true, errors: true, warnings: true, infos: true },
  gate: { failOn: true, failOnBrokenFlows: true, inputReasons: true },
};

/**
 * The value with its objects' keys in contract order. Most producers already build their objects in that order:
 * an object (or array) whose keys and children need no change is returned as it is, not copied (a large check
 * reports tens of thousands of path changes).
 */
function orderKeys(value: unknown, order: KeyOrder | true): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, index) => {
      const ordered = orderKeys(item, order);
      if (ordered !== item) (copy ??= [...value])[index] = ordered;
    });
    return copy ?? value;
  }
  if (order === true || value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  if (inContractOrder(source, order)) {
    let copy: Record<string, unknown> | undefined;
    for (const key in order) {
      if (!Object.hasOwn(source, key)) continue;
      const ordered = orderKeys(source[key], order[key] as KeyOrder | true);
      if (ordered !== source[key]) setOwn((copy ??= { ...source }), key, ordered);
    }
    return copy ?? source;
  }
  const ordered: Record<string, unknown> = {};
  for (const key in order) {
    if (Object.hasOwn(source, key))
      setOwn(ordered, key, orderKeys(source[key], order[key] as KeyOrder | true));
  }
  for (const key of Object.keys(source)) if (!Object.hasOwn(ordered, key)) setOwn(ordered, key, source[key]);
  return ordered;
}

/** Whether a plain object's own keys come in contract order, unknown keys after the known ones. */
function inContractOrder(source: Record<string, unknown>, order: KeyOrder): boolean {
  if (Object.getPrototypeOf(source) !== Object.prototype) return false;
  const rank = ranksOf(order);
  let last = -1;
  for (const key of Object.keys(source)) {
    const position = rank.get(key) ?? Number.POSITIVE_INFINITY;
    if (position < last) return false;
    last = position;
  }
  return true;
}

const ranks = new WeakMap<KeyOrder, ReadonlyMap<string, number>>();

function ranksOf(order: KeyOrder): ReadonlyMap<string, number> {
  let rank = ranks.get(order);
  if (!rank) ranks.set(order, (rank = new Map(Object.keys(order).map((key, index) => [key, index]))));
  return rank;
}

/** An own `__proto__` key of parsed input stays a plain key instead of changing the object's prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true });
  else target[key] = value;
}

function stringify(value: unknown, order: KeyOrder): string {
  return `${JSON.stringify(orderKeys(value, order), null, 2)}\n`;
}

/** The `check` JSON contract: keys in contract order, 2-space indent, trailing newline. */
export function renderJson(result: CheckResult): string {
  return stringify(result, CHECK_RESULT);
}

/** The `lint` JSON contract, formatted like {@link renderJson}. */
export function renderLintJson(result: LintResult): string {
  return stringify(result, LINT_RESULT);
}
