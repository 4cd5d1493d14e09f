// The one way the web app talks to the server: same-origin fetch with the session cookie, the
// CSRF header on every unsafe request, JSON in and out, and the server's error shape
// ({error: {code, message, details[{path, message}]}}) turned into an ApiError.

export interface ProblemDetail {
  path: string;
  message: string;
  code?: string;
  text?: Record<string, string>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ProblemDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

let csrfToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** The session's CSRF token (from login or GET /api/auth/me); sent as X-CSRF-Token on writes. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called once when any request answers 401 (the session ended): the app shows the login page. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

/** `/api/records/lead` + {q: 'x', sort: '-name'} → `/api/records/lead?q=x&sort=-name` (empty values left out). */
export function withQuery(path: string, query: Query = {}): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    parameters.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = parameters.toString();
  return text === '' ? path : `${path}?${text}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.message === 'string') {
    const details = Array.isArray(error.details) ? (error.details as ProblemDetail[]) : [];
    return new ApiError(response.status, typeof error.code === 'string' ? error.code : 'error', error.message, details);
  }
  return new ApiError(response.status, 'http', `${response.status} ${response.statusText}`.trim());
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A body sent as is with its content type (e.g. CSV for an import) instead of JSON. */
  text?: { body: string; contentType: string };
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.text) headers['content-type'] = options.text.contentType;
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.text ? options.text.body : options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server cannot be reached');
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 401 && !path.endsWith('/auth/login')) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body, query }),
  postText: <T>(path: string, text: string, contentType: string, query?: Query) => request<T>('POST', path, { text: { body: text, contentType }, query }),
  patch: <T>(path: string, body: unknown, query?: Query) => request<T>('PATCH', path, { body, query }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
