import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { describeFailure, I18n, Icon, ListQuery, TranslatePipe, withBlobErrorBody } from '@skss/console/ui';
import type { RecordRegister } from '@skss/contract';
import { ExcelApi } from '../data/excel-api';

/**
 * The Excel actions of a register's list: its import template, an import (checked row by row before anything is
 * written), and the export of the rows in view (the list's month, facility and search). A failure shows the API's
 * message. Test hooks: `excel-menu`, `excel-template`, `excel-import`, `excel-export`.
 */
@Component({
  selector: 'skss-excel-menu',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger, RouterLink, Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" matButton="outlined" data-testid="excel-menu" [disabled]="busy()" [matMenuTriggerFor]="menu">
      <skss-icon name="table" />{{ (busy() ? 'records.list.exporting' : 'records.list.excel') | translate }}
    </button>
    <mat-menu #menu="matMenu">
      <button type="button" mat-menu-item data-testid="excel-export" (click)="export()">
        <skss-icon name="download" />{{ 'records.list.export' | translate }}
      </button>
      @if (canEnter()) {
        <button type="button" mat-menu-item data-testid="excel-template" (click)="template()">
          <skss-icon name="download" />{{ 'records.list.template' | translate }}
        </button>
        <a mat-menu-item data-testid="excel-import" [routerLink]="['/records', register(), 'imports']">
          <skss-icon name="table" />{{ 'records.list.import' | translate }}
        </a>
      }
    </mat-menu>
  `,
})
export class ExcelMenu {
  private readonly excel = inject(ExcelApi);
  private readonly i18n = inject(I18n);
  private readonly snackBar = inject(MatSnackBar);

  readonly register = input.required<RecordRegister>();
  /** The list's filters: the export is the view. */
  readonly query = input.required<ListQuery>();
  readonly canEnter = input(false);
  protected readonly busy = signal(false);

  protected export(): Promise<void> {
    const query = this.query();
    return this.run(() =>
      this.excel.downloadExport(this.register(), {
        month: query.month ?? undefined,
        facilityCode: query.facility?.code,
        q: query.search || undefined,
      }),
    );
  }

  protected template(): Promise<void> {
    return this.run(() => this.excel.downloadTemplate(this.register()));
  }

  private async run(download: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    try {
      await download();
    } catch (error) {
      const failure = describeFailure(await withBlobErrorBody(error), (key, params) => this.i18n.t(key, params));
      this.snackBar.open(failure.message, this.i18n.t('common.close'), { duration: 8000 });
    } finally {
      this.busy.set(false);
    }
  }
}
