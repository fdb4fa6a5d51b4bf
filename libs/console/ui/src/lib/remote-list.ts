import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, contentChild, input, TemplateRef } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { TranslationKey } from '@skss/console/i18n';
import { ApiErrorMessage } from './api-error';
import { Notice } from './notice';
import type { RemoteRef } from './remote';
import { TranslatePipe } from './translate.pipe';

/**
 * A list fetched from the API as every section shows one: its failure with a retry, a progress bar until it first
 * arrives, a notice when it is empty, else the section's own template (which reads the list from the same ref):
 *
 * `<skss-remote-list [of]="episodes" empty="records.episodes.empty" emptyTestId="episodes-empty">`
 * `  <ng-template>…@for (episode of episodes.value() ?? []; …)…</ng-template>`
 * `</skss-remote-list>`
 */
@Component({
  selector: 'skss-remote-list',
  imports: [NgTemplateOutlet, MatProgressBar, ApiErrorMessage, Notice, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (shown()) {
      @case ('error') {
        <skss-api-error [error]="of().error()" (retry)="of().reload()" />
      }
      @case ('loading') {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
      }
      @case ('empty') {
        <skss-notice [attr.data-testid]="emptyTestId() ?? null">{{ empty() | translate }}</skss-notice>
      }
      @case ('items') {
        <ng-container [ngTemplateOutlet]="items()" />
      }
    }
  `,
})
export class RemoteList {
  readonly of = input.required<RemoteRef<readonly unknown[]>>();
  /** The notice of an empty list. */
  readonly empty = input.required<TranslationKey>();
  /** The empty notice's test hook. */
  readonly emptyTestId = input<string>();
  protected readonly items = contentChild.required(TemplateRef);

  protected readonly shown = computed(() => remoteListView(this.of()));
}

/** What a fetched list shows now: its failure, a progress bar until it first arrives, an empty notice, or its items. */
export function remoteListView(list: RemoteRef<readonly unknown[]>): 'error' | 'loading' | 'empty' | 'items' {
  if (list.state().status === 'error') return 'error';
  // A reload keeps the list on screen (the ref keeps its last value) rather than blinking to a progress bar.
  const value = list.value();
  if (value === undefined) return list.loading() ? 'loading' : 'empty';
  return value.length === 0 ? 'empty' : 'items';
}
