import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslationKey, TranslationParams } from '@skss/console/i18n';
import { I18n } from './i18n.service';
import { Icon } from './icon';

/** Statuses a proxy answers when the API behind it is down: the user cannot reach the server. */
const UNREACHABLE_STATUSES = [0, 502, 503, 504];

/**
 * Whether an error body carries the API's message: the `code` and `message` of `ErrorResponseDto`
 * (`@skss/contract`, which a ui library may not import; only these two fields are read here).
 */
export function hasApiMessage(body: unknown): body is { code: string; message: string } {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate['code'] === 'string' && typeof candidate['message'] === 'string';
}

/**
 * What to tell the user about a failed API call: the API's own (Vietnamese) message when it sent one,
 * "Không kết nối được máy chủ" when the server could not be reached, a generic text otherwise.
 */
export function apiErrorMessage(error: unknown, t: (key: TranslationKey, params?: TranslationParams) => string): string {
  if (error instanceof HttpErrorResponse) {
    if (hasApiMessage(error.error)) return error.error.message;
    if (UNREACHABLE_STATUSES.includes(error.status)) return t('error.network');
    return t('error.server', { status: error.status });
  }
  return t('error.unexpected');
}

/** An inline, announced error message with a retry button. */
@Component({
  selector: 'skss-api-error',
  imports: [MatButton, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert', class: 'skss-api-error' },
  template: `
    <skss-icon name="error" />
    <span class="message">{{ message() }}</span>
    <button matButton type="button" (click)="retry.emit()">{{ i18n.t('common.retry') }}</button>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 8px 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    .message {
      flex: 1;
    }
  `,
})
export class ApiErrorMessage {
  protected readonly i18n = inject(I18n);
  readonly error = input.required<unknown>();
  readonly retry = output<void>();
  protected readonly message = computed(() => apiErrorMessage(this.error(), (key, params) => this.i18n.t(key, params)));
}
