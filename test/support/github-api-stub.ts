import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An issue comment as the stub stores it. */
export interface StubComment {
  id: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
}

export interface StubRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

export interface GitHubApiStubOptions {
  /** The only token the stub accepts (401 otherwise). */
  token: string;
  /** Login `GET /user` answers with (a user's token); undefined answers 403, as for an installation token. */
  login?: string;
  /** Who an installation token writes as: `github-actions[bot]` (the GITHUB_TOKEN, the default) or `<app>[bot]`. */
  app?: string;
  /** Answer every write with 403 "Resource not accessible by integration", as for a fork's token. */
  readOnly?: boolean;
  /** Comments per page at most (GitHub allows 100). */
  maxPerPage?: number;
}

/** A stand-in for the parts of GitHub's REST API the Action uses, on 127.0.0.1. */
export interface GitHubApiStub {
  /** `GITHUB_API_URL` for the Action. */
  url: string;
  /** Who the Action's comments are written as. */
  author: string;
  requests: StubRequest[];
  comments(issue: number): StubComment[];
  addComment(issue: number, body: string, login: string): StubComment;
  /** The next request answers 403 "secondary rate limit" with `retry-after: 0`, once. */
  failNextWithSecondaryRateLimit(): void;
  close(): Promise<void>;
}

/**
 * Serves issue comments (paginated with `Link` headers), `GET /user`, comment creation and update, with a read-only
 * mode and a one-shot secondary rate limit. Unknown routes answer 404 so a test notices an unexpected call.
 */
export async function startGitHubApiStub(options: GitHubApiStubOptions): Promise<GitHubApiStub> {
  const author = options.login ?? options.app ?? 'github-actions[bot]';
  const maxPerPage = options.maxPerPage ?? 100;
  const byIssue = new Map<number, StubComment[]>();
  const requests: StubRequest[] = [];
  let nextId = 1000;
  let rateLimitNext = false;
  const commentsOf = (issue: number): StubComment[] => {
    if (!byIssue.has(issue)) byIssue.set(issue, []);
    return byIssue.get(issue) ?? [];
  };
  const addComment = (issue: number, body: string, login: string): StubComment => {
    // GitHub Apps write as `<slug>[bot]`, a login no person can have.
    const comment: StubComment = {
      id: nextId++,
      body,
      user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
    };
    commentsOf(issue).push(comment);
    return comment;
  };

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const target = new URL(request.url ?? '/', url);
    requests.push({
      method,
      path: target.pathname + target.search,
      authorization: request.headers.authorization,
    });
    const text = await readBody(request);
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(data));
    };
    if (request.headers.authorization !== `Bearer ${options.token}`)
      return send(401, { message: 'Bad credentials' });
    if (rateLimitNext) {
      rateLimitNext = false;
      return send(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '0' });
    }
    const readOnly = () => send(403, { message: 'Resource not accessible by integration' });

    if (method === 'GET' && target.pathname === '/user') {
      return options.login ? send(200, { login: options.login }) : readOnly();
    }
    const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(target.pathname);
    if (list && method === 'GET') {
      const all = commentsOf(Number(list[1]));
      const perPage = Math.min(Number(target.searchParams.get('per_page') ?? 30), maxPerPage);
      const page = Number(target.searchParams.get('page') ?? 1);
      const pages = Math.max(1, Math.ceil(all.length / perPage));
      const link = (n: number, rel: string) => {
        const next = new URL(target);
        next.searchParams.set('page', String(n));
        return `<${next.href}>; rel="${rel}"`;
      };
      const links = page < pages ? [link(page + 1, 'next'), link(pages, 'last')] : [];
      return send(
        200,
        all.slice((page - 1) * perPage, page * perPage),
        links.length ? { link: links.join(', ') } : {},
      );
    }
    if (list && method === 'POST') {
      if (options.readOnly) return readOnly();
      return send(201, addComment(Number(list[1]), (JSON.parse(text) as { body: string }).body, author));
    }
    const single = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(target.pathname);
    if (single && method === 'PATCH') {
      if (options.readOnly) return readOnly();
      const comment = [...byIssue.values()].flat().find((c) => c.id === Number(single[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      if (comment.user.login !== author)
        return send(403, { message: 'Must have admin rights to Repository.' });
      comment.body = (JSON.parse(text) as { body: string }).body;
      return send(200, comment);
    }
    return send(404, { message: 'Not Found' });
  }

  return {
    url,
    author,
    requests,
    comments: (issue) => commentsOf(issue).map((c) => ({ ...c })),
    addComment,
    failNextWithSecondaryRateLimit: () => {
      rateLimitNext = true;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
