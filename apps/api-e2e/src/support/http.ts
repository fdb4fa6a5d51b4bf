/** Small HTTP helpers over fetch for the black-box API tests. */
export const apiUrl = (path: string) => `${process.env['SKSS_API_URL']}${path}`;

/** The demonstration accounts' password (seeded into every test database). */
export const DEMO_PASSWORD = 'Demo@SKSS-2026!';

export interface JsonResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Bearer token; defaults to the token of useSession(). `null` sends none. */
  token?: string | null;
  headers?: Record<string, string>;
}

let defaultToken: string | null = null;

/** Signs in with a bearer session and returns its token. */
export async function signIn(username: string, password = DEMO_PASSWORD): Promise<string> {
  const { status, body } = await request<{ token?: string; code?: string }>('/api/v1/auth/login', {
    method: 'POST',
    body: { username, password, session: 'bearer' },
    token: null,
  });
  if (status !== 200 || !body.token) throw new Error(`Sign-in of ${username} failed: ${status} ${JSON.stringify(body)}`);
  return body.token;
}

/** Signs in once and makes that session the default of later requests in the file. */
export async function useSession(username: string): Promise<string> {
  defaultToken = await signIn(username);
  return defaultToken;
}

export async function request<T = unknown>(path: string, options: RequestOptions = {}): Promise<JsonResponse<T>> {
  const token = options.token === undefined ? defaultToken : options.token;
  const response = await fetch(apiUrl(path), {
    method: options.method ?? 'GET',
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text so the assertion shows it
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

export const getJson = <T = unknown>(path: string, token?: string | null): Promise<JsonResponse<T>> => request<T>(path, { token });

/** Runs tasks with at most `limit` in flight, keeping the order of results. */
export async function inBatches<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
