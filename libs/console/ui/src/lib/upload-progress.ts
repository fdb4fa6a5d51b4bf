import { HttpContext, HttpContextToken, HttpEventType, HttpInterceptorFn, HttpXhrBackend } from '@angular/common/http';
import { inject } from '@angular/core';
import { tap } from 'rxjs';

/** Bytes of a request body sent so far; `total` when the browser knows it. */
export interface UploadProgress {
  readonly loaded: number;
  readonly total: number | null;
}

/** Set on a request's context to follow its upload: `new HttpContext().set(UPLOAD_PROGRESS, (p) => …)`. */
export const UPLOAD_PROGRESS = new HttpContextToken<((progress: UploadProgress) => void) | null>(() => null);

/** The context that reports the upload progress of a call of the generated client (`api.invoke(fn, params, context)`). */
export function uploadProgressContext(report: (progress: UploadProgress) => void): HttpContext {
  return new HttpContext().set(UPLOAD_PROGRESS, report);
}

/**
 * Upload progress for the requests that ask for it (`UPLOAD_PROGRESS`). The console talks to the API with `fetch`,
 * which cannot tell how much of a request body has been sent, so these requests alone go through XMLHttpRequest with
 * progress events on. Register it last in `withInterceptors([...])`: it hands them to the network itself.
 */
export const uploadProgressInterceptor: HttpInterceptorFn = (request, next) => {
  const report = request.context.get(UPLOAD_PROGRESS);
  if (!report) return next(request);
  return inject(HttpXhrBackend)
    .handle(request.clone({ reportProgress: true }))
    .pipe(
      tap((event) => {
        if (event.type === HttpEventType.UploadProgress) report({ loaded: event.loaded, total: event.total ?? null });
      }),
    );
};

/** 0–100, or null while the size is unknown. */
export function percentOf(progress: UploadProgress): number | null {
  if (!progress.total) return null;
  return Math.min(100, Math.floor((progress.loaded / progress.total) * 100));
}
