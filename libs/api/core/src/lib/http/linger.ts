import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long the rest of a refused body is read and dropped after the answer, before the connection is cut. */
export const LINGER_MS = 2_000;

/**
 * A "lingering close" (as web servers do it) for a refused body: once the answer is written, what
 * the client still sends is read and dropped (never kept) for LINGER_MS, then the connection is
 * cut. Closing at once with unread data would make the kernel reset the connection, and the client
 * would lose the answer it had not read yet.
 */
export function lingerAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    if (req.complete) return;
    const timer = setTimeout(() => req.socket?.destroy(), LINGER_MS);
    timer.unref();
    req.once('end', () => clearTimeout(timer));
    req.resume();
  });
}
