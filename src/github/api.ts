/** A failed GitHub REST call: the status and GitHub's own message (never the token). */
export class GitHubApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly apiMessage: string,
    /** The answer was a rate limit that did not pass within the retries: not a refusal of the token. */
    readonly rateLimited = false,
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
  /** Longest one request may take (default 30 s): a hung connection is retried, then given up on. */
  requestTimeoutMs?: number;
  /** Longest all calls of the client may take together (default 5 min): the report must not wait forever. */
  deadlineMs?: number;
  /** Most pages one list is read to (default 100, 10,000 items): a `Link` that loops ends there. */
  maxPages?: number;
}

export interface GitHubClient {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Every item of a list endpoint, following the `Link: rel="next"` pages. */
  paginate<T>(path: string): Promise<T[]>;
}

/** How long GitHub asks integrations to wait after a secondary rate limit that names no time. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
const DEADLINE_MS = 5 * 60_000;
const MAX_PAGES = 100;
/** First wait before retrying a server error or a broken connection; doubled at each retry. */
const RETRY_BACKOFF_MS = 1_000;

/**
 * A small REST client on `fetch`: JSON in and out, pagination, and bounded retries on rate limits (403/429 with
 * `retry-after` or rate-limit headers), server errors (5xx) and broken or hung connections, each request under a
 * timeout and all of them under one deadline, so a misbehaving API delays the report but never stops it.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 3;
  const maxWaitMs = options.maxWaitMs ?? SECONDARY_LIMIT_WAIT_MS;
  const requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const deadline = Date.now() + (options.deadlineMs ?? DEADLINE_MS);
  const maxPages = options.maxPages ?? MAX_PAGES;
  const base = new URL(options.baseUrl.replace(/\/*$/, '/'));

  // Absolute URLs come from `Link` headers: follow them only to the API itself, the token goes nowhere else.
  const resolve = (target: string) =>
    /^https?:\/\//.test(target) ? new URL(target) : new URL(target.replace(/^\/+/, ''), base);
  const call = async (method: string, target: string, body?: unknown): Promise<Response> => {
    const url = resolve(target);
    if (url.origin !== base.origin) throw new Error(`refusing to send the token to ${url.origin}`);
    for (let attempt = 0; ; attempt++) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`GitHub API ${method} ${url.pathname}: deadline of the API calls passed`);
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method,
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${options.token}`,
            'user-agent': 'netpol-guard',
            'x-github-api-version': '2022-11-28',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(Math.min(requestTimeoutMs, left)),
        });
      } catch (error) {
        // A refused, reset or hung connection: retried like a server error, never forever.
        const reason = error instanceof Error ? error.message : String(error);
        if (attempt >= maxRetries) throw new Error(`GitHub API ${method} ${url.pathname} failed: ${reason}`);
        await sleep(RETRY_BACKOFF_MS * 2 ** attempt);
        continue;
      }
      if (response.ok) return response;
      const message = await errorMessage(response);
      const rateWait = rateLimitWait(response, message);
      const wait = rateWait ?? (response.status >= 500 ? RETRY_BACKOFF_MS * 2 ** attempt : undefined);
      if (wait === undefined || wait > maxWaitMs || attempt >= maxRetries) {
        throw new GitHubApiError(method, url.pathname, response.status, message, rateWait !== undefined);
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
      const seen = new Set<string>();
      for (let next: string | undefined = path; next !== undefined;) {
        const page = resolve(next).href;
        if (seen.has(page) || seen.size >= maxPages) {
          throw new Error(
            `GitHub API GET ${path}: more than ${maxPages} pages, or a page that links to itself`,
          );
        }
        seen.add(page);
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
