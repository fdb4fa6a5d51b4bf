import { ChangeDetectionStrategy, Component, computed, inject, Injector } from '@angular/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { DIALOG_FRAME, Icon } from '@skss/console/ui';
import { IdleTimeout, IdleWarningChoice } from './idle-timeout';

/** "Phiên làm việc sắp hết hạn": a countdown, "Tiếp tục làm việc" and "Đăng xuất". Loaded only when needed. */
@Component({
  selector: 'skss-idle-warning-dialog',
  imports: [DIALOG_FRAME, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'idle-warning' },
  template: `
    <h2 mat-dialog-title>{{ 'idle.title' | translate }}</h2>
    <mat-dialog-content>
      <p class="text">{{ 'idle.text' | translate }}</p>
      <p class="countdown" role="timer" data-testid="idle-countdown"><skss-icon name="schedule" />{{ countdown() }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button type="button" matButton [mat-dialog-close]="signOut" data-testid="idle-sign-out">{{ 'idle.signOut' | translate }}</button>
      <button type="button" matButton="filled" cdkFocusInitial [mat-dialog-close]="continue" data-testid="idle-continue">
        {{ 'idle.continue' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .text {
      margin: 0 0 12px;
    }
    .countdown {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      font: var(--mat-sys-headline-medium);
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-error);
    }
  `,
})
export class IdleWarningDialog {
  private readonly idle = inject(IdleTimeout);
  protected readonly continue: IdleWarningChoice = 'continue';
  protected readonly signOut: IdleWarningChoice = 'signOut';
  /** m:ss until the session ends. */
  protected readonly countdown = computed(() => {
    const seconds = this.idle.secondsLeft() ?? 0;
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  });
}

export function openIdleWarning(injector: Injector): MatDialogRef<IdleWarningDialog, IdleWarningChoice> {
  return injector.get(MatDialog).open<IdleWarningDialog, unknown, IdleWarningChoice>(IdleWarningDialog, {
    role: 'alertdialog',
    width: '460px',
    maxWidth: 'calc(100vw - 32px)',
    autoFocus: 'first-tabbable',
    injector,
  });
}
