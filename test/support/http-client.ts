/** A small fetch wrapper for end-to-end tests over real HTTP. */
export interface HttpResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export class HttpClient {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    url: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  /** A dev token for a seeded user (cached). */
  async token(userId: string): Promise<string> {
    let t = this.tokens.get(userId);
    if (!t) {
      const res = await this.request('POST', '/api/v1/auth/dev-token', { body: { userId } });
      if (res.status !== 200) throw new Error(`dev-token ${userId}: ${res.status} ${JSON.stringify(res.body)}`);
      t = res.body.token as string;
      this.tokens.set(userId, t);
    }
    return t;
  }

  async as(userId: string, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResponse> {
    return this.request(method, url, { token: await this.token(userId), body, headers });
  }

  /** A case command as `userId`; the answer as it is, for the test to judge. */
  async command(caseId: string, userId: string, command: string, body: unknown): Promise<HttpResponse> {
    return this.as(userId, 'POST', `/api/v1/cases/${caseId}/commands/${command}`, body);
  }

  /** Global head position: proves a refused request appended nothing anywhere. */
  async headPosition(): Promise<string> {
    return (await this.request('GET', '/api/v1/health')).body.headPosition;
  }
}
