import type { IncomingMessage } from 'node:http';

/**
 * The body of a request to a provider listener, or `undefined` when it is larger than `limit`
 * bytes. A larger body is still read to its end (and dropped), so the caller's 413 reaches the
 * client: cutting the connection instead leaves it a reset where the answer should be. Events
 * rather than `for await`: leaving the iterator early destroys the socket, and the caller still
 * has an answer to give.
 */
export function readBodyUpTo(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('error', reject);
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
  });
}
