// A small closed-loop HTTP load generator: N concurrent keep-alive clients issue requests for a
// fixed duration (bounded by time and count) against a loopback server, and report throughput.
import http from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface LoadOptions {
  baseUrl: string;
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  /** Builds the i-th request. */
  next(index: number): LoadRequest;
  /** Status the server must answer with; anything else counts as an error. */
  expectStatus: number;
  /** Sent with every request (e.g. Authorization). */
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const deadline = Date.now() + options.durationMs;
  let issued = 0;
  let completed = 0;
  let errors = 0;
  const started = process.hrtime.bigint();

  const send = (request: LoadRequest): Promise<number> =>
    new Promise((resolve, reject) => {
      const outgoing = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: request.method,
          path: request.path,
          headers: { ...options.headers, ...(request.body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(request.body)) } : {}) },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      outgoing.on('error', reject);
      if (request.body) outgoing.write(request.body);
      outgoing.end();
    });

  const client = async (): Promise<void> => {
    while (Date.now() < deadline && issued < options.maxRequests) {
      const index = issued;
      issued += 1;
      try {
        const status = await send(options.next(index));
        if (status !== options.expectStatus) errors += 1;
      } catch {
        errors += 1;
      }
      completed += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { requests: completed, errors, perSecond: completed / seconds };
}
