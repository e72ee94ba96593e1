/** A failed GitHub REST call: the status and GitHub's own message (never the token). */
export class GitHubApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly apiMessage: string,
  ) {
    super(`GitHub API ${method} ${path} answered ${status}${apiMessage ? `: ${apiMessage}` : ''}`);
    this.name = 'GitHubApiError';
  }
}

/**
 * True when the token may read but not write: the `GITHUB_TOKEN` of a pull request from a fork, or a token
 * without `pull-requests: write`. Such runs report in the job summary instead of failing.
 */
export function isPermissionDenied(error: unknown): boolean {
  return error instanceof GitHubApiError && error.status === 403 && /not accessible/i.test(error.apiMessage);
}

export interface GitHubClientOptions {
  token: string;
  /** `GITHUB_API_URL` (https://api.github.com, or a GitHub Enterprise Server's `/api/v3`). */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Waits before a retry; tests make it instant. */
  sleep?: (ms: number) => Promise<void>;
  /** Retries of one call after a rate limit answer. */
  maxRetries?: number;
  /** Longest wait for a rate limit to pass; a later reset is given up on (the job would sit idle). */
  maxWaitMs?: number;
}

export interface GitHubClient {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Every item of a list endpoint, following the `Link: rel="next"` pages. */
  paginate<T>(path: string): Promise<T[]>;
}

/** How long GitHub asks integrations to wait after a secondary rate limit that names no time. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;

/**
 * A small REST client on `fetch`: JSON in and out, pagination, and bounded retries on rate limits (403/429 with
 * `retry-after` or rate-limit headers), which comment bursts on busy repositories do hit.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 3;
  const maxWaitMs = options.maxWaitMs ?? SECONDARY_LIMIT_WAIT_MS;
  const base = new URL(options.baseUrl.replace(/\/*$/, '/'));

  const call = async (method: string, target: string, body?: unknown): Promise<Response> => {
    // Absolute URLs come from `Link` headers: follow them only to the API itself, the token goes nowhere else.
    const url = /^https?:\/\//.test(target) ? new URL(target) : new URL(target.replace(/^\/+/, ''), base);
    if (url.origin !== base.origin) throw new Error(`refusing to send the token to ${url.origin}`);
    for (let attempt = 0; ; attempt++) {
      const response = await fetchImpl(url, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${options.token}`,
          'user-agent': 'netpol-guard',
          'x-github-api-version': '2022-11-28',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (response.ok) return response;
      const message = await errorMessage(response);
      const wait = rateLimitWait(response, message);
      if (wait === undefined || wait > maxWaitMs || attempt >= maxRetries) {
        throw new GitHubApiError(method, url.pathname, response.status, message);
      }
      await sleep(wait);
    }
  };

  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await call(method, path, body);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    async paginate<T>(path: string): Promise<T[]> {
      const items: T[] = [];
      for (let next: string | undefined = path; next !== undefined;) {
        const response = await call('GET', next);
        items.push(...((await response.json()) as T[]));
        next = nextPageUrl(response.headers.get('link'));
      }
      return items;
    },
  };
}

/** The `rel="next"` URL of a `Link` header. */
export function nextPageUrl(link: string | null): string | undefined {
  for (const part of (link ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

/** Milliseconds to wait before retrying, or undefined when the answer is not a rate limit. */
function rateLimitWait(response: Response, message: string): number | undefined {
  if (response.status !== 403 && response.status !== 429) return undefined;
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
  if (response.headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
  }
  if (response.status === 429 || /rate limit/i.test(message)) return SECONDARY_LIMIT_WAIT_MS;
  return undefined;
}

async function errorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // Not JSON (a proxy's error page): the start of the text says enough.
  }
  return text.slice(0, 200);
}
