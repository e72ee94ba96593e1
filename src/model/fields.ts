import type { Diagnostic, FieldPath, LoadedObject, Severity } from '../manifests/types.js';

/**
 * Reads typed fields out of one loaded object. A field of the wrong type is reported as a diagnostic at its own
 * file:line and read as absent, so one odd field never stops the rest of the object (or the run) from being used.
 */
export class FieldReader {
  constructor(
    readonly object: LoadedObject,
    private readonly diagnostics: Diagnostic[],
  ) {}

  report(path: FieldPath, message: string, severity: Severity = 'warning', code = 'invalid-field'): void {
    const { file, line, column } = this.object.locate(path);
    this.diagnostics.push({
      severity,
      code,
      message: `${this.object.kind} ${this.object.name}: ${message}`,
      file,
      line,
      column,
      resource: {
        kind: this.object.kind,
        ...(this.object.namespace !== undefined ? { namespace: this.object.namespace } : {}),
        name: this.object.name,
      },
    });
  }

  /** The raw value at a path, undefined when any step is missing. */
  get(path: FieldPath): unknown {
    let value: unknown = this.object.value;
    for (const step of path) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string | number, unknown>)[step];
    }
    return value;
  }

  record(path: FieldPath): Record<string, unknown> | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.report(path, `${describe(path)} must be a map, not ${typeName(value)}`);
    return undefined;
  }

  array(path: FieldPath): unknown[] | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value;
    this.report(path, `${describe(path)} must be a list, not ${typeName(value)}`);
    return undefined;
  }

  string(path: FieldPath): string | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    this.report(path, `${describe(path)} must be a string, not ${typeName(value)}`);
    return undefined;
  }

  /** An integer port in 1..65535. */
  port(path: FieldPath): number | undefined {
    const value = this.get(path);
    if (value === undefined || value === null) return undefined;
    if (isPortNumber(value)) return value;
    this.report(path, `${describe(path)} must be a port number 1-65535, not ${JSON.stringify(value)}`);
    return undefined;
  }

  /** A string-to-string map (labels, annotations, selectors); entries with other values are reported and left out. */
  stringMap(path: FieldPath): Record<string, string> {
    const map = this.record(path) ?? {};
    const result: Record<string, string> = {};
    for (const [key, value] of Object.entries(map)) {
      if (typeof value === 'string') result[key] = value;
      else
        this.report([...path, key], `${describe([...path, key])} must be a string, not ${typeName(value)}`);
    }
    return result;
  }
}

export function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

function describe(path: FieldPath): string {
  return path
    .map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`))
    .join('')
    .replace(/^\./, '');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}
