/**
 * The one way the browser talks to the server: JSON over fetch with the session cookie, the CSRF token
 * on every request that changes something, and server errors turned into ApiError with a Chinese message.
 */

/** An error the server (or the network) reported; `message` is Chinese and fit to show to the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

// The session cookie is HttpOnly, so the CSRF token travels in the body of /api/auth/session, /api/auth/me and login.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = (error: ApiError) => void;
let unauthenticatedListener: Listener | null = null;

/** The app registers what to do when the session is gone (go to the login page). */
export function onUnauthenticated(listener: Listener): void {
  unauthenticatedListener = listener;
}

let leaving = false;

/**
 * Signing out: from here on the page sends nothing more, and a request still in flight that meets the
 * ended session is no lost session to react to (it would take the user to the login page without its
 * 已退出登录). The full page load to the login page that follows drops whatever is left waiting.
 */
export function stopSending(): void {
  leaving = true;
}

const never = () => new Promise<never>(() => {});

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /**
   * Login and password change answer 401 for a wrong password: that is the page's business,
   * not a lost session, so those calls opt out of the redirect to the login page.
   */
  expectUnauthorized?: boolean;
}

const STATUS_MESSAGES: Record<number, string> = {
  401: '登录已失效，请重新登录',
  403: '您没有执行此操作的权限',
  404: '请求的内容不存在',
  413: '上传的文件过大',
  429: '操作过于频繁，请稍后再试',
};

async function toApiError(response: Response): Promise<ApiError> {
  const fallback =
    STATUS_MESSAGES[response.status] ??
    '推介平台暂时无法处理这个请求，请稍后重试；如仍不行，请联系平台管理员';
  try {
    const body = (await response.json()) as { code?: string; message?: string; details?: unknown };
    return new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.message || fallback,
      body.details,
    );
  } catch {
    // A proxy's HTML error page, or an empty body.
    return new ApiError(response.status, `HTTP_${response.status}`, fallback);
  }
}

/** Sends a request; resolves with the parsed JSON body (undefined for 204), or throws ApiError. */
export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // the browser sets the multipart boundary itself
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (leaving) return never();

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接推介平台，请检查网络后重试');
  }
  if (response.ok) return response;

  if (leaving && !options.expectUnauthorized) return never();
  const error = await toApiError(response);
  if (error.status === 401 && !options.expectUnauthorized) unauthenticatedListener?.(error);
  throw error;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Builds a query string, leaving out empty filters. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
