import { checkCommand } from './commands/check.js';
import { explainCommand } from './commands/explain.js';
import { fixCommand } from './commands/fix.js';
import { lintCommand } from './commands/lint.js';
import { reachCommand } from './commands/reach.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { VERSION } from '../version.js';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  check: {
    run: checkCommand,
    summary: 'lint head, diff reachability base -> head, replay recorded flows: the PR verdict',
  },
  lint: { run: lintCommand, summary: 'lint NetworkPolicies for outage and exposure traps' },
  reach: {
    run: reachCommand,
    summary: 'list every allowed connection between workloads and external blocks',
  },
  explain: {
    run: explainCommand,
    summary: 'say whether one connection is allowed, and which policies and rules decide',
  },
  fix: {
    run: fixCommand,
    summary: 'print (or --write) the verified rules that restore broken flows and missing DNS',
  },
};

export const USAGE = `netpol-guard ${VERSION}: catch NetworkPolicy changes that break production or open holes

Usage:
  netpol-guard check (--base DIR --head DIR | --base-ref REF [--head DIR]) [--render CMD] [--flows FILE...] [--flows-format auto|hubble|calico|native]
                     [--config FILE] [--cni generic|cilium|calico] [--fail-on error|warning|never] [--fail-on-risks RISK,...|none]
                     [--max-run-seconds N] [--format text|json|markdown|sarif] [--output FILE]
  netpol-guard lint PATH... [--config FILE] [--cni generic|cilium|calico] [--fail-on error|warning|never] [--format text|json|markdown|sarif]
  netpol-guard reach PATH... [--config FILE] [--cni generic|cilium|calico] [--format text|json]
  netpol-guard explain PATH... --from NS/NAME --to NS/NAME|IP|entity:NAME|dns:NAME --port N[/TCP|UDP|SCTP] [--config FILE] [--cni generic|cilium|calico] [--format text|json]
  netpol-guard fix --base DIR --head DIR --flows FILE... [--flows-format auto|hubble|calico|native] [--config FILE] [--cni generic|cilium|calico] [--write]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Exit codes: 0 analysed (check/lint: verdict pass), 1 verdict fail or nothing could be analysed, 2 usage error.
`;

/** Runs one command line; returns the exit code. Never throws: unexpected errors are reported without a stack. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`netpol-guard: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`netpol-guard ${name}: ${error.message}\nRun "netpol-guard --help" for usage.\n`);
      return EXIT.usage;
    }
    io.stderr(`netpol-guard ${name}: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.NETPOL_GUARD_DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return EXIT.failed;
  }
}
