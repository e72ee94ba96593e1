import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An issue comment as the stub stores it. */
export interface StubComment {
  id: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
}

/** A pull request review comment as the stub stores it. */
export interface StubReviewComment {
  id: number;
  node_id: string;
  /** Where GitHub shows it: `https://github.com/<owner>/<repo>/pull/<n>#discussion_r<id>`. */
  html_url: string;
  review: number;
  path: string;
  line: number;
  start_line?: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
  /** Set by GraphQL `minimizeComment`. */
  minimized?: string;
}

/** A file of the pull request as `GET /pulls/N/files` gives it. */
export interface StubPullFile {
  filename: string;
  patch?: string;
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
  /** Review comments of the pull request, in the order they were made. */
  reviewComments(): StubReviewComment[];
  /** Reviews posted, with their event. */
  reviews(): { id: number; event: string; commit_id: string; body: string }[];
  /** A review comment written earlier (by this Action's author, or anyone). */
  addReviewComment(path: string, line: number, body: string, login: string): StubReviewComment;
  /** What `GET /pulls/N/files` answers. */
  setPullFiles(files: StubPullFile[]): void;
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
  let pullFiles: StubPullFile[] = [];
  const reviewComments: StubReviewComment[] = [];
  const reviews: { id: number; event: string; commit_id: string; body: string }[] = [];
  const userOf = (login: string) => ({
    login,
    type: login.endsWith('[bot]') ? ('Bot' as const) : ('User' as const),
  });
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
    const reviewList = /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/reviews\/(\d+)\/comments$/.exec(target.pathname);
    if (reviewList && method === 'GET') {
      const review = Number(reviewList[1]);
      if (!reviews.some((r) => r.id === review)) return send(404, { message: 'Not Found' });
      return send(
        200,
        reviewComments.filter((c) => c.review === review),
      );
    }
    const pull = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/(files|comments|reviews)$/.exec(target.pathname);
    if (pull?.[4] === 'files' && method === 'GET') return send(200, pullFiles);
    if (pull?.[4] === 'comments' && method === 'GET') return send(200, reviewComments);
    if (pull?.[4] === 'reviews' && method === 'POST') {
      if (options.readOnly) return readOnly();
      const posted = JSON.parse(text) as {
        event: string;
        commit_id: string;
        body: string;
        comments: { path: string; line: number; start_line?: number; side: string; body: string }[];
      };
      // GitHub refuses the whole review when one comment is not on a line of the diff.
      const onDiff = posted.comments.every((c) => pullFiles.some((f) => f.filename === c.path));
      if (!onDiff) return send(422, { message: 'Unprocessable Entity: pull_request_review_thread.line' });
      const review = { id: nextId++, event: posted.event, commit_id: posted.commit_id, body: posted.body };
      reviews.push(review);
      for (const c of posted.comments) {
        const id = nextId++;
        reviewComments.push({
          id,
          node_id: `PRRC_${id}`,
          html_url: discussionUrl(pull?.[1] ?? '', pull?.[2] ?? '', Number(pull?.[3]), id),
          review: review.id,
          path: c.path,
          line: c.line,
          ...(c.start_line ? { start_line: c.start_line } : {}),
          body: c.body,
          user: userOf(author),
        });
      }
      return send(200, review);
    }
    if (method === 'POST' && target.pathname === '/graphql') {
      if (options.readOnly) return readOnly();
      const { variables } = JSON.parse(text) as { variables: { id: string } };
      const comment = reviewComments.find((c) => c.node_id === variables.id);
      if (!comment) return send(200, { errors: [{ message: 'Could not resolve to a node' }] });
      comment.minimized = 'OUTDATED';
      return send(200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } });
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
    reviewComments: () => reviewComments.map((c) => ({ ...c })),
    reviews: () => reviews.map((r) => ({ ...r })),
    addReviewComment: (path, line, body, login) => {
      const id = nextId++;
      const comment = {
        id,
        node_id: `PRRC_${id}`,
        html_url: discussionUrl('acme', 'gitops', 0, id),
        review: 0,
        path,
        line,
        body,
        user: userOf(login),
      };
      reviewComments.push(comment);
      return comment;
    },
    setPullFiles: (files) => {
      pullFiles = files;
    },
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

/** A review comment's address on github.com, as the API gives it in `html_url`. */
function discussionUrl(owner: string, repo: string, number: number, id: number): string {
  return `https://github.com/${owner}/${repo}/pull/${number}#discussion_r${id}`;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
