import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@skss/console/ui';
import { AuditEventDto } from '@skss/contract';

type Json = AuditEventDto['before'];

/** The fields whose values differ between two versions of a record. */
export function changedFields(before: Json, after: Json): string[] {
  if (!before || !after) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

const pretty = (value: Json): string | null => (value ? JSON.stringify(value, null, 2) : null);

/** An audit event's record before and after the change (secrets already redacted by the API), and its details. */
@Component({
  selector: 'skss-change-view',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (changed().length) {
      <p class="changed">
        <span class="label">{{ 'admin.change.fields' | translate }}:</span>
        @for (field of changed(); track field) {
          <code class="field">{{ field }}</code>
        }
      </p>
    }
    <div class="columns">
      @if (before(); as before) {
        <section>
          <h4 class="title">{{ 'admin.change.before' | translate }}</h4>
          <pre data-testid="audit-before">{{ before }}</pre>
        </section>
      }
      @if (after(); as after) {
        <section>
          <h4 class="title">{{ 'admin.change.after' | translate }}</h4>
          <pre data-testid="audit-after">{{ after }}</pre>
        </section>
      }
      @if (details(); as details) {
        <section>
          <h4 class="title">{{ 'admin.change.details' | translate }}</h4>
          <pre data-testid="audit-details">{{ details }}</pre>
        </section>
      }
    </div>
    @if (!before() && !after() && !details()) {
      <p class="none">{{ 'admin.change.none' | translate }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .changed {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      margin: 0 0 8px;
    }
    .label {
      color: var(--mat-sys-on-surface-variant);
    }
    .field {
      padding: 0 6px;
      border-radius: var(--mat-sys-corner-extra-small);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
      gap: 12px;
    }
    .title {
      margin: 0 0 4px;
      font: var(--mat-sys-label-large);
    }
    pre {
      margin: 0;
      max-height: 320px;
      overflow: auto;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
      font:
        0.8125rem/1.45 ui-monospace,
        'Cascadia Mono',
        'DejaVu Sans Mono',
        monospace;
      white-space: pre-wrap;
      word-break: break-word;
    }
    .none {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ChangeView {
  readonly event = input.required<AuditEventDto>();
  protected readonly before = computed(() => pretty(this.event().before));
  protected readonly after = computed(() => pretty(this.event().after));
  protected readonly details = computed(() => pretty(this.event().details));
  protected readonly changed = computed(() => changedFields(this.event().before, this.event().after));
}
