/**
 * A DNS name as Cilium compares names: lower case, without the trailing dot of the fully qualified form Hubble
 * prints (`API.GitHub.com.` is `api.github.com`). One place for the flow reader and the toFQDNs matcher.
 */
export function dnsName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
