import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Protocol } from '../../src/model/types.js';
import { describeL7Rules, judgeL7 } from '../../src/policy/l7.js';
import type { L7Filter, L7Judgement, L7Request } from '../../src/policy/types.js';
import { endpoint, ENGINE_FIXTURES, loadFixture } from './fixtures.js';

/**
 * One test per NetworkPolicy semantic rule, driven by fixtures/engine/<topic>/expect.txt: each `# rule` heading lists
 * `FROM => TO : PORTS` lines that `allowedPorts` must reproduce exactly, and `FROM => TO PROTOCOL/PORT : L7` lines for
 * the L7 filter of one port, and `FROM => TO PROTOCOL/PORT METHOD TARGET : VERDICT` lines for a recorded request
 * judged against it (see fixtures/engine/README.md).
 */
const topics = readdirSync(ENGINE_FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

for (const topic of topics) {
  const rules = readExpectations(join(ENGINE_FIXTURES, topic, 'expect.txt'));
  describe(topic, () => {
    const { model, engine } = loadFixture(topic);
    for (const [rule, lines] of rules) {
      it(rule, () => {
        const actual = lines.map((line) => {
          const request = /^(\S+) => (\S+) (TCP|UDP|SCTP)\/(\d+) ([A-Z]+) (\S+) : /.exec(line);
          if (request) {
            const [, from = '', to = '', protocol, port, method = '', target = ''] = request;
            const [a, b] = [endpoint(model, from), endpoint(model, to)];
            const judged = judgeL7(
              engine.l7Filter(a, b, protocol as Protocol, Number(port)),
              requestOf(method, target),
            );
            return `${from} => ${to} ${protocol}/${port} ${method} ${target} : ${judgementText(judged)}`;
          }
          const l7 = /^(\S+) => (\S+) (TCP|UDP|SCTP)\/(\d+) : /.exec(line);
          if (l7) {
            const [, from = '', to = '', protocol, port] = l7;
            const [a, b] = [endpoint(model, from), endpoint(model, to)];
            const verdict = engine.isAllowed(a, b, protocol as Protocol, Number(port))
              ? l7Text(engine.l7Filter(a, b, protocol as Protocol, Number(port)))
              : 'denied';
            return `${from} => ${to} ${protocol}/${port} : ${verdict}`;
          }
          const [, from = '', to = ''] = /^(\S+) => (\S+) : /.exec(line) ?? [];
          return `${from} => ${to} : ${String(engine.allowedPorts(endpoint(model, from), endpoint(model, to)))}`;
        });
        expect(actual).toEqual(lines);
      });
    }
  });
}

/** An allowed connection's L7 filter as a fixture writes it: each side that filters, or `not filtered`. */
function l7Text(filter: L7Filter | undefined): string {
  const sides = (['egress', 'ingress'] as const).flatMap((side) => {
    const rules = filter?.[side];
    return rules ? [`${side} ${describeL7Rules(rules)}`] : [];
  });
  return sides.length > 0 ? sides.join('; ') : 'not filtered';
}

/** `GET /path?q`, `GET http://host:80/path` or `DNS name` as the request a recorded flow gives. */
function requestOf(method: string, target: string): L7Request {
  if (method === 'DNS') return { parser: 'dns', query: target };
  const url = /^https?:\/\/([^/]+)(\/[^?]*)?(\?.*)?$/.exec(target);
  const [path = '/', query] = url ? [url[2], url[3]] : target.split(/(?=\?)/);
  return {
    parser: 'http',
    method,
    path: path || '/',
    ...(url ? { host: url[1]! } : {}),
    ...(query ? { withQuery: true } : {}),
  };
}

function judgementText(judged: L7Judgement): string {
  if (!judged.allowed) return `refused by ${judged.refusedBy!.direction}`;
  return judged.unchecked ? `passes, unchecked: ${judged.unchecked.join(', ')}` : 'passes';
}

/** `# rule` headings, each with the connection lines under it. */
function readExpectations(file: string): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())) {
    if (line.startsWith('# ')) rules.set(line.slice(2), (current = []));
    else if (line !== '') current.push(line);
  }
  return rules;
}
