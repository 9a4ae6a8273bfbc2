/**
 * HTTP for the load bench: node:http with keep-alive, one connection pool shared by every caller, each
 * caller with its own loopback source address (every request goes to 127.0.0.1). Login keeps its own
 * per-address limit, so callers spread over several source addresses, as units come from their own.
 */
import http from 'node:http';

export interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export interface Caller {
  localAddress: string;
  cookie?: string;
  csrf?: string;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Client = ReturnType<typeof createClient>;

export function createClient(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

  function send(
    who: Caller,
    method: string,
    pathname: string,
    body?: unknown,
    extraHeaders: http.OutgoingHttpHeaders = {},
  ): Promise<Reply> {
    const payload =
      body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const headers: http.OutgoingHttpHeaders = { ...extraHeaders };
    if (payload) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = payload.length;
    }
    if (who.cookie) headers.cookie = who.cookie;
    if (who.csrf && method !== 'GET') headers['x-csrf-token'] = who.csrf;
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method, path: pathname, headers, agent, localAddress: who.localAddress },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString(),
              headers: res.headers,
            }),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${pathname}: no answer in 30 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  async function call<T>(who: Caller, method: string, pathname: string, json?: unknown, expect = [200]) {
    const r = await send(who, method, pathname, json);
    if (!expect.includes(r.status))
      throw new Error(`${method} ${pathname} → ${r.status}: ${r.body.slice(0, 500)}`);
    return (r.body ? JSON.parse(r.body) : null) as T;
  }

  /** Logs in (waiting out the login route's own per-address limit, a bounded number of times). */
  async function login(localAddress: string, username: string, password: string): Promise<Caller> {
    for (let attempt = 0; attempt < 4; attempt++) {
      const r = await send({ localAddress }, 'POST', '/api/auth/login', { username, password });
      if (r.status === 429) {
        const wait = Math.min(Number(r.headers['retry-after'] ?? 60), 65);
        console.error(`  login rate-limited on ${localAddress}; waiting ${wait} s`);
        await sleep(wait * 1000);
        continue;
      }
      if (r.status !== 200) throw new Error(`login ${username} → ${r.status}: ${r.body}`);
      const setCookie = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
      const cookie = setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('tuijie_session='));
      if (!cookie) throw new Error(`login ${username}: no session cookie`);
      return { localAddress, cookie, csrf: (JSON.parse(r.body) as { csrfToken: string }).csrfToken };
    }
    throw new Error(`login ${username}: still rate-limited`);
  }

  /** A demo or new account's first login: the one-time password must be changed before anything else. */
  async function firstLogin(localAddress: string, username: string, initial: string): Promise<Caller> {
    const who = await login(localAddress, username, initial);
    await call(
      who,
      'POST',
      '/api/auth/password',
      { currentPassword: initial, newPassword: 'Bench-load-2024' },
      [204],
    );
    return who;
  }

  return { send, call, login, firstLogin, close: () => agent.destroy() };
}

/** Runs `fn` over `items` with at most `limit` at a time. */
export async function pool<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

/** The stable error code of a refusal, or `?`. */
export function codeOf(r: Reply): string {
  try {
    return String((JSON.parse(r.body) as { code?: string }).code);
  } catch {
    return '?';
  }
}
