import type { DeliveryOutcome } from '../outbox/outbox.types';

export interface HttpAnswer {
  status: number;
  text: string;
  json: unknown;
}

/** One HTTP call with a time limit; network failures and time-outs are thrown. */
export async function callHttp(url: string, init: RequestInit, timeoutSeconds: number): Promise<HttpAnswer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutSeconds * 1000) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: the text is kept for the error message
  }
  return { status: response.status, text, json };
}

/** Statuses that retrying the same request cannot change: the item is dead-lettered at once. */
const PERMANENT = new Set([400, 404, 405, 409, 410, 413, 415, 422]);

/** The outcome of a delivery from its answer (2xx delivered) or the error it threw. */
export function outcomeOf(answer: HttpAnswer | Error, response?: unknown): DeliveryOutcome {
  if (answer instanceof Error) {
    const cause = (answer as Error & { cause?: { code?: string } }).cause?.code;
    return { ok: false, error: `${answer.name === 'TimeoutError' ? 'TIMEOUT' : (cause ?? 'NETWORK')}: ${answer.message}`.slice(0, 2000) };
  }
  if (answer.status >= 200 && answer.status < 300) return { ok: true, response: response ?? answer.json };
  return {
    ok: false,
    error: `HTTP ${answer.status}: ${answer.text.slice(0, 1000)}`,
    permanent: PERMANENT.has(answer.status),
    response: response ?? answer.json ?? undefined,
  };
}

/** Calls and classifies: never throws. */
export async function deliverHttp(
  url: string,
  init: RequestInit,
  timeoutSeconds: number,
  summarise?: (json: unknown) => unknown,
): Promise<DeliveryOutcome> {
  try {
    const answer = await callHttp(url, init, timeoutSeconds);
    return outcomeOf(answer, summarise && answer.json !== null ? summarise(answer.json) : undefined);
  } catch (error) {
    return outcomeOf(error as Error);
  }
}
