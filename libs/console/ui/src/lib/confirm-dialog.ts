import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialog } from '@angular/material/dialog';
import { Icon } from './icon';
import { firstValueFrom } from 'rxjs';
import { DIALOG_FRAME } from './dialog-imports';

export interface ConfirmData {
  readonly title: string;
  readonly text: string;
  readonly confirm: string;
  /** Destructive actions get an error-coloured button. */
  readonly destructive?: boolean;
}

/** "Are you sure?" before an action that cannot be taken back; answers true only on the confirm button. */
@Component({
  selector: 'skss-confirm-dialog',
  imports: [DIALOG_FRAME, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title class="title">
      @if (data.destructive) {
        <skss-icon name="error" class="warn" />
      }
      {{ data.title }}
    </h2>
    <mat-dialog-content>
      <p class="text">{{ data.text }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button type="button" matButton [mat-dialog-close]="false" data-testid="confirm-cancel">{{ 'common.cancel' | translate }}</button>
      <button
        type="button"
        matButton="filled"
        [class.destructive]="data.destructive"
        [mat-dialog-close]="true"
        cdkFocusInitial
        data-testid="confirm-ok"
      >
        {{ data.confirm }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .title {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .warn {
      color: var(--mat-sys-error);
    }
    .text {
      margin: 0;
      max-width: 56ch;
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmData>(MAT_DIALOG_DATA);
}

/** Opens the confirmation and resolves to true when the user confirmed. */
export async function confirmAction(dialog: MatDialog, data: ConfirmData): Promise<boolean> {
  const ref = dialog.open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data, autoFocus: 'dialog', maxWidth: '560px' });
  return (await firstValueFrom(ref.afterClosed())) === true;
}
