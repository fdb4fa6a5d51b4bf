import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialog } from '@angular/material/dialog';
import { DIALOG_FRAME, Icon } from '@skss/console/ui';
import { firstValueFrom } from 'rxjs';

export interface SecretData {
  readonly title: string;
  /** What the secret is for ("Tài khoản nguyen.van.a"…). */
  readonly intro: string;
  /** Facts shown above the secret, such as the user name or the client id. */
  readonly facts: readonly { label: string; value: string; testId?: string }[];
  readonly secretLabel: string;
  readonly secret: string;
  /** `initial-password` or `client-secret`. */
  readonly testId: string;
  readonly warning: string;
}

/**
 * A password or client secret the API gives once (only its hash is kept): shown with a copy button and a warning.
 * Only an explicit "Tôi đã lưu" closes it, never a click outside or Escape, so it is not lost by accident.
 */
@Component({
  selector: 'skss-secret-dialog',
  imports: [DIALOG_FRAME, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p class="intro">{{ data.intro }}</p>
      @if (data.facts.length) {
        <dl class="facts">
          @for (fact of data.facts; track fact.label) {
            <div>
              <dt>{{ fact.label }}</dt>
              <dd [attr.data-testid]="fact.testId ?? null">{{ fact.value }}</dd>
            </div>
          }
        </dl>
      }
      <p class="label" id="secret-label">{{ data.secretLabel }}</p>
      <div class="secret">
        <code aria-labelledby="secret-label" [attr.data-testid]="data.testId" [attr.data-secret]="data.secret">{{ data.secret }}</code>
        <button type="button" matButton="tonal" data-testid="secret-copy" (click)="copy()">
          <skss-icon [name]="copied() ? 'check_circle' : 'content_copy'" />
          {{ (copied() ? 'admin.secret.copied' : 'common.copy') | translate }}
        </button>
      </div>
      <p class="warning" role="note"><skss-icon name="error" />{{ data.warning }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button type="button" matButton="filled" [mat-dialog-close]="true" data-testid="secret-done">
        {{ 'admin.secret.done' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .intro {
      margin: 0 0 12px;
    }
    .facts {
      display: grid;
      gap: 4px;
      margin: 0 0 12px;
    }
    .facts div {
      display: flex;
      gap: 8px;
    }
    .facts dt {
      color: var(--mat-sys-on-surface-variant);
    }
    .facts dd {
      margin: 0;
      font-weight: 500;
      word-break: break-all;
    }
    .label {
      margin: 0 0 4px;
      font: var(--mat-sys-label-large);
    }
    .secret {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    code {
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-high);
      font:
        500 1.125rem/1.4 ui-monospace,
        'Cascadia Mono',
        'DejaVu Sans Mono',
        monospace;
      letter-spacing: 0.04em;
      word-break: break-all;
      user-select: all;
    }
    .warning {
      display: flex;
      gap: 8px;
      margin: 16px 0 0;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class SecretDialog {
  private readonly clipboard = inject(Clipboard);
  protected readonly data = inject<SecretData>(MAT_DIALOG_DATA);
  protected readonly copied = signal(false);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.data.secret));
  }
}

/** Shows a secret once; resolves when the user has closed the dialog. */
export async function showSecret(dialog: MatDialog, data: SecretData): Promise<void> {
  const ref = dialog.open(SecretDialog, { data, disableClose: true, autoFocus: 'dialog', maxWidth: '600px' });
  await firstValueFrom(ref.afterClosed());
}
