/**
 * Mock CRM APIs: each mock (tests/mocks/<crm>.ts) is a plain request handler with its own
 * state, so the same mock serves node tests (as a `fetch`) and Playwright (routed at the CRM's
 * real API URLs). Faults are queued on the mock and consumed by the next matching requests.
 */
export interface MockRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** Raw body text ('' when none). */
  body: string;
}

export interface MockResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless a string. */
  body?: unknown;
}

export type MockHandler = (req: MockRequest) => Promise<MockResponse> | MockResponse;

/** A fault the next matching request(s) get instead of the normal answer. */
export interface Fault {
  /** Only requests whose method/path match (default: any). */
  method?: string;
  path?: RegExp;
  times: number;
  /** The answer to give; `apply: 'after'` runs the real handler first (the write happens, the answer is lost). */
  response: MockResponse;
  apply?: 'before' | 'after';
}

/** Shared behaviour of every mock: request log, queued faults, optional latency. */
export class MockBase {
  readonly requests: { method: string; path: string; status: number }[] = [];
  private faults: Fault[] = [];
  latencyMs = 0;

  fail(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  protected takeFault(req: MockRequest): Fault | undefined {
    const i = this.faults.findIndex((f) => f.times > 0 && (!f.method || f.method === req.method) && (!f.path || f.path.test(req.url.pathname)));
    if (i < 0) return undefined;
    const f = this.faults[i]!;
    f.times--;
    if (f.times === 0) this.faults.splice(i, 1);
    return f;
  }

  /** Wrap the mock's own routing with faults, latency and the request log. */
  protected async serve(req: MockRequest, route: MockHandler): Promise<MockResponse> {
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const fault = this.takeFault(req);
    let res: MockResponse;
    if (fault && fault.apply !== 'after') res = fault.response;
    else {
      res = await route(req);
      if (fault) res = fault.response;
    }
    this.requests.push({ method: req.method, path: req.url.pathname + req.url.search, status: res.status });
    return res;
  }
}

const encode = (res: MockResponse): { status: number; headers: Record<string, string>; body: string } => {
  const isText = typeof res.body === 'string';
  return {
    status: res.status,
    headers: { 'content-type': isText ? 'text/plain' : 'application/json', ...res.headers },
    body: res.body === undefined ? '' : isText ? (res.body as string) : JSON.stringify(res.body),
  };
};

/** A `fetch` that answers from handlers by origin (node tests); unknown origins fail like the network. */
export function mockFetch(routes: readonly { match: (url: URL) => boolean; handler: MockHandler }[]) {
  return async (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const route = routes.find((r) => r.match(url));
    if (!route) throw new TypeError(`Failed to fetch ${url.origin}`);
    if (init?.signal?.aborted) throw init.signal.reason ?? new DOMException('Aborted', 'AbortError');
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const body = typeof init?.body === 'string' ? init.body : '';
    const res = encode(await route.handler({ method: (init?.method ?? 'GET').toUpperCase(), url, headers, body }));
    // Null-body statuses (204 No Content, 304 Not Modified…) may not carry a body in a Response.
    return new Response([204, 205, 304].includes(res.status) ? null : res.body, { status: res.status, headers: res.headers });
  };
}

/** Minimal shape of Playwright's Route, so this file needs no Playwright import. */
interface RouteLike {
  request(): { method(): string; url(): string; headers(): Record<string, string>; postData(): string | null };
  fulfill(r: { status: number; headers: Record<string, string>; body: string }): Promise<void>;
}

/** Playwright: `context.route(pattern, routeTo(mock.handle))`; CORS preflights get 204. */
export function routeTo(handler: MockHandler) {
  return async (route: RouteLike): Promise<void> => {
    const r = route.request();
    if (r.method() === 'OPTIONS')
      return route.fulfill({
        status: 204,
        headers: { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': '*' },
        body: '',
      });
    const res = encode(await handler({ method: r.method(), url: new URL(r.url()), headers: r.headers(), body: r.postData() ?? '' }));
    await route.fulfill({ status: res.status, headers: { 'access-control-allow-origin': '*', ...res.headers }, body: res.body });
  };
}
