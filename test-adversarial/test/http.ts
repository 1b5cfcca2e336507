import { request } from 'node:http';

/** What came back for one request, or that nothing did within the bound. */
export interface Reply {
  status: number;
  text: string;
  json: Record<string, unknown> | undefined;
  /** No complete answer within the client's bound: the server hung. */
  hung: boolean;
  /** The connection broke before an answer (reset, closed). */
  broken?: string;
}

/** The longest any answer may take: a bound, so that a hang is a failure, not a stuck suite. */
export const CLIENT_TIMEOUT_MS = 10_000;

/**
 * POSTs raw bytes with raw headers (repeats and odd spellings kept as given — fetch would
 * merge or refuse them) over a fresh connection, and reads the whole answer.
 */
export function send(url: string, options: { headers: [string, string][]; body: Buffer; method?: string }): Promise<Reply> {
  const target = new URL(url);
  // raw headers go out exactly as given: Node adds no Host then, and its servers refuse a
  // request without one (400 before any app code runs)
  const rawHeaders = options.headers.some(([name]) => name.toLowerCase() === 'host') ? options.headers.flat() : ['host', target.host, ...options.headers.flat()];
  if (!options.headers.some(([name]) => name.toLowerCase() === 'content-length' || name.toLowerCase() === 'transfer-encoding')) {
    rawHeaders.push('content-length', String(options.body.length));
  }
  return new Promise((resolve) => {
    let settled = false;
    const done = (reply: Reply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(reply);
    };
    const req = request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: options.method ?? 'POST', headers: rawHeaders, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> | undefined;
        try {
          const parsed: unknown = JSON.parse(text);
          json = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
        } catch {
          json = undefined;
        }
        done({ status: res.statusCode ?? 0, text, json, hung: false });
      });
      res.on('error', (error) => done({ status: 0, text: '', json: undefined, hung: false, broken: error.message }));
    });
    const timer = setTimeout(() => done({ status: 0, text: '', json: undefined, hung: true }), CLIENT_TIMEOUT_MS);
    // a server may answer (413) and close before reading a large body: the answer still counts
    req.on('error', (error) => setTimeout(() => done({ status: 0, text: '', json: undefined, hung: false, broken: error.message }), 50));
    req.end(options.body);
  });
}
