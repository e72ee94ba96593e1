import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient, GitHubApiError, isPermissionDenied, nextPageUrl } from '../../src/github/api.js';
import {
  commentAuthor,
  stickyCandidates,
  stickyMarker,
  upsertStickyComment,
} from '../../src/github/sticky-comment.js';
import { diffLines, graphqlUrl, publishSuggestions } from '../../src/github/review.js';
import { startGitHubApiStub, type GitHubApiStub } from '../support/github-api-stub.js';

const TOKEN = 'ghs_unit_test_token';
const PR = { owner: 'acme', repo: 'gitops', number: 7 };
const MARKER = stickyMarker('default');
/** Who the workflow's GITHUB_TOKEN writes as. */
const GITHUB_ACTIONS = { login: 'github-actions[bot]', type: 'Bot' };

let stub: GitHubApiStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function setUp(options: { login?: string; app?: string; readOnly?: boolean } = {}) {
  stub = await startGitHubApiStub({ token: TOKEN, ...options });
  const waits: number[] = [];
  const client = createGitHubClient({
    token: TOKEN,
    baseUrl: stub.url,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { stub, client, waits };
}

describe('stickyCandidates', () => {
  const comments = [
    { id: 1, body: `${MARKER}\nquoted by someone else`, user: { login: 'mallory', type: 'User' } },
    { id: 2, body: 'no marker', user: GITHUB_ACTIONS },
    { id: 3, body: `${stickyMarker('default-2')}\nanother key`, user: GITHUB_ACTIONS },
    { id: 6, body: `${MARKER}\nquoted by another App`, user: { login: 'other-app[bot]', type: 'Bot' } },
    { id: 4, body: `${MARKER}\nours`, user: GITHUB_ACTIONS },
    { id: 5, body: null, user: null },
  ];
  const ids = (candidates: { id: number }[]) => candidates.map((c) => c.id);

  it('needs both the marker of its key and the token’s author', () => {
    expect(ids(stickyCandidates(comments, MARKER, GITHUB_ACTIONS.login))).toEqual([4]);
    expect(ids(stickyCandidates(comments, stickyMarker('default-2'), GITHUB_ACTIONS.login))).toEqual([3]);
    expect(stickyCandidates(comments, MARKER, 'someone-else')).toEqual([]);
  });

  it('takes the marked comments Apps wrote when the author is unknown, github-actions[bot]’s first', () => {
    expect(ids(stickyCandidates(comments, MARKER, undefined))).toEqual([4, 6]);
    const forged = comments.filter((c) => c.id !== 4 && c.id !== 6);
    expect(stickyCandidates(forged, MARKER, undefined)).toEqual([]);
  });
});

describe('upsertStickyComment', () => {
  it.each([
    ['the GITHUB_TOKEN', {}, GITHUB_ACTIONS],
    ['a GitHub App token', { app: 'netpol-app[bot]' }, { login: 'netpol-app[bot]', type: 'Bot' }],
    ['a user token', { login: 'octocat' }, { login: 'octocat', type: 'User' }],
  ])('creates the comment, then updates it in place (%s)', async (_, token, author) => {
    const { stub, client } = await setUp(token);
    const first = await upsertStickyComment(client, PR, {
      marker: MARKER,
      body: `${MARKER}\none`,
      mode: 'always',
    });
    const second = await upsertStickyComment(client, PR, {
      marker: MARKER,
      body: `${MARKER}\ntwo`,
      mode: 'always',
    });
    expect(first.action).toBe('created');
    expect(second).toEqual({ action: 'updated', id: first.id, skipped: [] });
    expect(stub.comments(7)).toEqual([{ id: first.id, body: `${MARKER}\ntwo`, user: author }]);
  });

  it('finds its comment on a later page, past another user’s comment with the same marker', async () => {
    const { stub, client } = await setUp({ login: 'netpol-bot' });
    stub.addComment(7, `${MARKER}\nforged`, 'mallory');
    for (let i = 0; i < 120; i++) stub.addComment(7, `chatter ${i}`, 'dev');
    const ours = stub.addComment(7, `${MARKER}\nold report`, 'netpol-bot');

    const outcome = await upsertStickyComment(client, PR, {
      marker: MARKER,
      body: `${MARKER}\nnew`,
      mode: 'always',
    });

    expect(outcome).toEqual({ action: 'updated', id: ours.id, skipped: [] });
    expect(
      stub
        .comments(7)
        .filter((c) => c.body.includes(MARKER))
        .map((c) => c.body),
    ).toEqual([`${MARKER}\nforged`, `${MARKER}\nnew`]);
    expect(stub.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      'GET /repos/acme/gitops/issues/7/comments?per_page=100&page=2',
    );
  });

  it('on-change leaves an identical comment alone', async () => {
    const { stub, client } = await setUp();
    const body = `${MARKER}\nsame`;
    await upsertStickyComment(client, PR, { marker: MARKER, body, mode: 'on-change' });
    const outcome = await upsertStickyComment(client, PR, { marker: MARKER, body, mode: 'on-change' });
    expect(outcome.action).toBe('unchanged');
    expect(stub.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('leaves another App’s comment that quotes the marker alone, and says so', async () => {
    const { stub, client } = await setUp({ app: 'netpol-app[bot]' });
    const other = stub.addComment(7, `${MARKER}\nquoted`, 'other-app[bot]');
    const outcome = await upsertStickyComment(client, PR, { marker: MARKER, body: 'report', mode: 'always' });
    expect(outcome).toMatchObject({
      action: 'created',
      skipped: [{ id: other.id, login: 'other-app[bot]' }],
    });
    expect(stub.comments(7).map((c) => [c.user.login, c.body])).toEqual([
      ['other-app[bot]', `${MARKER}\nquoted`],
      ['netpol-app[bot]', `${MARKER}\nreport`],
    ]);
    // The next run updates its own comment, past the other App's again.
    const next = await upsertStickyComment(client, PR, { marker: MARKER, body: 'again', mode: 'always' });
    expect(next).toMatchObject({ action: 'updated', id: outcome.id });
  });

  it('on-change does not take another App’s identical copy for its own comment', async () => {
    const { stub, client } = await setUp({ app: 'netpol-app[bot]' });
    stub.addComment(7, `${MARKER}\nsame`, 'other-app[bot]');
    const outcome = await upsertStickyComment(client, PR, {
      marker: MARKER,
      body: `${MARKER}\nsame`,
      mode: 'on-change',
    });
    expect(outcome.action).toBe('created');
  });

  it('puts the marker first when the body lacks it, so the next run finds the comment', async () => {
    const { stub, client } = await setUp();
    await upsertStickyComment(client, PR, { marker: MARKER, body: 'report', mode: 'always' });
    expect(stub.comments(7)[0]?.body).toBe(`${MARKER}\nreport`);
  });

  it('fails with a permission error that callers recognise when the token is read-only', async () => {
    const { client } = await setUp({ readOnly: true });
    const error = await upsertStickyComment(client, PR, { marker: MARKER, body: 'x', mode: 'always' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(isPermissionDenied(error)).toBe(true);
    expect(String(error)).not.toContain(TOKEN);
  });
});

describe('createGitHubClient', () => {
  it('retries after a secondary rate limit, waiting what retry-after says', async () => {
    const { stub, client, waits } = await setUp({ login: 'netpol-bot' });
    stub.failNextWithSecondaryRateLimit();
    expect(await commentAuthor(client)).toBe('netpol-bot');
    expect(waits).toEqual([0]);
    expect(stub.requests.map((r) => r.path)).toEqual(['/user', '/user']);
  });

  it('gives up after its retries, with the status and GitHub’s message', async () => {
    let calls = 0;
    const client = createGitHubClient({
      token: TOKEN,
      baseUrl: 'http://127.0.0.1:9/api/v3/',
      maxRetries: 2,
      sleep: async () => undefined,
      fetch: async () => {
        calls++;
        return new Response(JSON.stringify({ message: 'API rate limit exceeded' }), {
          status: 403,
          headers: {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
          },
        });
      },
    });
    await expect(client.request('GET', '/user')).rejects.toThrow(
      'GitHub API GET /api/v3/user answered 403: API rate limit exceeded',
    );
    expect(calls).toBe(3);
  });

  it('does not wait for a rate limit that resets too late', async () => {
    let calls = 0;
    const client = createGitHubClient({
      token: TOKEN,
      baseUrl: 'http://127.0.0.1:9',
      sleep: async () => undefined,
      fetch: async () => {
        calls++;
        return new Response('{}', { status: 429, headers: { 'retry-after': '3600' } });
      },
    });
    await expect(client.request('GET', '/user')).rejects.toBeInstanceOf(GitHubApiError);
    expect(calls).toBe(1);
  });

  it('never sends the token to another origin named by a Link header', async () => {
    const seen: string[] = [];
    const client = createGitHubClient({
      token: TOKEN,
      baseUrl: 'http://127.0.0.1:9',
      fetch: async (url) => {
        seen.push(String(url));
        return new Response('[]', { headers: { link: '<http://127.0.0.2:9/page2>; rel="next"' } });
      },
    });
    await expect(client.paginate('/list')).rejects.toThrow(
      'refusing to send the token to http://127.0.0.2:9',
    );
    expect(seen).toEqual(['http://127.0.0.1:9/list']);
  });

  it('does not know the author when /user is refused (an installation token)', async () => {
    const { client } = await setUp();
    expect(await commentAuthor(client)).toBeUndefined();
  });
});

/** A loopback API that answers every request with `answer` (or never, when it does nothing). */
async function misbehavingApi(
  answer: (request: { url?: string }, response: import('node:http').ServerResponse, calls: number) => void,
): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> {
  let calls = 0;
  const server: Server = createServer((request, response) => answer(request, response, ++calls));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('createGitHubClient against an API that misbehaves', () => {
  const instant = async () => undefined;

  it('retries a 502 and goes on when the API recovers', async () => {
    const api = await misbehavingApi((_, response, calls) => {
      response.writeHead(calls < 3 ? 502 : 200, { 'content-type': 'application/json' });
      response.end(calls < 3 ? '<html>Bad Gateway</html>' : '{"login":"netpol-bot"}');
    });
    try {
      const client = createGitHubClient({ token: TOKEN, baseUrl: api.url, sleep: instant });
      expect(await commentAuthor(client)).toBe('netpol-bot');
      expect(api.calls()).toBe(3);
    } finally {
      await api.close();
    }
  });

  it('gives up on a server error after its retries', async () => {
    const api = await misbehavingApi((_, response) => {
      response.writeHead(503);
      response.end();
    });
    try {
      const client = createGitHubClient({ token: TOKEN, baseUrl: api.url, sleep: instant, maxRetries: 2 });
      await expect(client.request('GET', '/repos/acme/gitops')).rejects.toThrow('answered 503');
      expect(api.calls()).toBe(3);
    } finally {
      await api.close();
    }
  });

  it('gives up on an API that never answers, instead of hanging the run', async () => {
    const api = await misbehavingApi(() => undefined);
    try {
      const client = createGitHubClient({
        token: TOKEN,
        baseUrl: api.url,
        sleep: instant,
        maxRetries: 1,
        requestTimeoutMs: 200,
      });
      await expect(client.request('GET', '/user')).rejects.toThrow('GitHub API GET /user failed');
      expect(api.calls()).toBe(2);
    } finally {
      await api.close();
    }
  });

  it('stops following a Link header that points back at its own page', async () => {
    const api = await misbehavingApi((request, response) => {
      response.writeHead(200, { link: `<${api.url}${request.url}>; rel="next"` });
      response.end('[{"id":1}]');
    });
    try {
      const client = createGitHubClient({ token: TOKEN, baseUrl: api.url });
      await expect(client.paginate('/repos/acme/gitops/issues/7/comments')).rejects.toThrow(
        'a page that links to itself',
      );
      expect(api.calls()).toBe(1);
    } finally {
      await api.close();
    }
  });

  it('tells a rate-limited GET /user from a token that is not a user', async () => {
    const api = await misbehavingApi((_, response) => {
      response.writeHead(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' });
      response.end('{"message":"API rate limit exceeded"}');
    });
    try {
      const client = createGitHubClient({ token: TOKEN, baseUrl: api.url, sleep: instant, maxRetries: 1 });
      await expect(commentAuthor(client)).rejects.toThrow('API rate limit exceeded');
    } finally {
      await api.close();
    }
  });
});

describe('nextPageUrl', () => {
  it('reads the next page among the relations', () => {
    expect(
      nextPageUrl(
        '<https://api.github.com/x?page=3>; rel="next", <https://api.github.com/x?page=9>; rel="last"',
      ),
    ).toBe('https://api.github.com/x?page=3');
    expect(nextPageUrl('<https://api.github.com/x?page=1>; rel="prev"')).toBeUndefined();
    expect(nextPageUrl(null)).toBeUndefined();
  });
});

describe('diffLines', () => {
  it('gives the head lines a patch shows (added and context), across hunks, not the removed ones', () => {
    const patch = [
      '@@ -1,3 +1,4 @@',
      ' kind: NetworkPolicy',
      '-metadata: {name: a}',
      '+metadata:',
      '+  name: a',
      ' spec:',
      '@@ -20,2 +21,2 @@ spec:',
      ' egress:',
      '\\ No newline at end of file',
      '+  - {}',
    ].join('\n');
    expect([...diffLines(patch)]).toEqual([1, 2, 3, 4, 21, 22]);
  });
});

describe('publishSuggestions', () => {
  it('escapes what a suggestion is for: names from the pull request cannot mention, link or show emoji', async () => {
    const { stub, client } = await setUp();
    stub.setPullFiles([
      { filename: 'k8s/a.yaml', patch: '@@ -1,1 +1,2 @@\n kind: NetworkPolicy\n+spec: {}' },
    ]);
    await publishSuggestions(
      client,
      { ...PR, headSha: 'a'.repeat(40) },
      {
        key: 'default',
        author: undefined,
        graphqlUrl: `${stub.url}/graphql`,
        suggestions: [
          {
            path: 'k8s/a.yaml',
            line: 2,
            endLine: 2,
            replacement: 'spec: {}',
            subject: 'front/@here:+1: -> <b>x</b> [y](https://evil.example) TCP/443',
          },
        ],
      },
    );
    const [comment] = stub.reviewComments();
    expect(comment?.body.split('\n')[1]).toBe(
      '**netpol-guard** suggests, for front/@\u200Dhere:\u200D+1: -&gt; &lt;b&gt;x&lt;/b&gt; ' +
        '\\[y\\]\\(https:\u200D//evil.example\\) TCP/443:',
    );
  });
});

describe('graphqlUrl', () => {
  it('is beside the REST API on github.com and on GitHub Enterprise Server', () => {
    expect(graphqlUrl('https://api.github.com')).toBe('https://api.github.com/graphql');
    expect(graphqlUrl('https://ghe.example.com/api/v3/')).toBe('https://ghe.example.com/api/graphql');
  });
});
