/**
 * A field's path as messages write it: `spec.ingress[0].from[1]`, `specs[1].egress`, with keys that are not
 * identifiers quoted (`labels["app.kubernetes.io/name"]`).
 */
export function fieldPathText(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text === '' ? '(document)' : text;
}
