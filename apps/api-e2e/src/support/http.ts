/** Small HTTP helpers over fetch for the black-box API tests. */
export const apiUrl = (path: string) => `${process.env['SKSS_API_URL']}${path}`;

export interface JsonResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export async function getJson<T = unknown>(path: string): Promise<JsonResponse<T>> {
  const response = await fetch(apiUrl(path));
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text so the assertion shows it
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

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
