import { HttpErrorResponse, HttpEventType, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { getMe, login, logout } from '@skss/contract';
import { catchError, tap, throwError } from 'rxjs';
import { IdleTimeout } from '../idle/idle-timeout';
import { isPendingStep, pathOf } from './return-url';
import { Session } from './session';

/** Calls whose 401 is an answer rather than an ended session: wrong credentials, "nobody signed in", already signed out. */
const SESSION_CALLS: ReadonlySet<string> = new Set([login.PATH, getMe.PATH, logout.PATH]);

/**
 * Watches every API call (`/api/…`):
 * - each answer counts as activity for the idle timeout (the server extends the session on every request);
 * - a 401 means the session ended (idle timeout, 12-hour limit, signed out elsewhere): back to the sign-in page;
 * - a 403 whose code is a pending step (PASSWORD_CHANGE_REQUIRED…) leads to the page that settles it;
 * - error bodies are always the API's JSON `{ code, message, details? }`, even for calls the generated client
 *   reads as text (those answering 204), so that every page can show the API's message.
 *
 * The XSRF protection is Angular's own: `provideHttpClient()` copies the `XSRF-TOKEN` cookie into the
 * `X-XSRF-TOKEN` header of every POST/PATCH/PUT/DELETE to a relative URL, which is how the generated client calls.
 */
export const sessionInterceptor: HttpInterceptorFn = (request, next) => {
  const path = pathOf(request.url);
  if (!path.startsWith('/api/')) return next(request);
  const session = inject(Session);
  const idle = inject(IdleTimeout);
  return next(request).pipe(
    tap((event) => {
      if (event.type === HttpEventType.Response) idle.noteApiAnswer();
    }),
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status === 0) return throwError(() => error);
      const failure = withJsonBody(error);
      if (failure.status === 401) {
        if (!SESSION_CALLS.has(path)) session.expire();
      } else {
        idle.noteApiAnswer();
        const code: unknown = (failure.error as { code?: unknown } | null)?.code;
        if (failure.status === 403 && isPendingStep(code)) session.requireStep(code);
      }
      return throwError(() => failure);
    }),
  );
};

function withJsonBody(error: HttpErrorResponse): HttpErrorResponse {
  if (typeof error.error !== 'string' || !error.headers.get('content-type')?.includes('json')) return error;
  try {
    return new HttpErrorResponse({
      error: JSON.parse(error.error),
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  } catch {
    return error;
  }
}
