import { ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDateRangeInput, MatDateRangePicker, MatDatepickerToggle, MatEndDate, MatStartDate } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { Session } from '@skss/console/auth';
import { localDateToDay } from '@skss/console/i18n';
import {
  ApiErrorMessage,
  ApiFailure,
  DateTimePipe,
  describeFailure,
  FacilityOption,
  FacilityPicker,
  I18n,
  Icon,
  provideConsoleDatepickerIntl,
  provideConsolePaginatorIntl,
  remote,
  TranslatePipe,
  withBlobErrorBody,
} from '@skss/console/ui';
import { Api, AuditAction, AuditEventDto, exportAuditEvents, listAuditEvents, ListAuditEvents$Params } from '@skss/contract';
import { debounceTime, distinctUntilChanged, firstValueFrom, map } from 'rxjs';
import { ChangeView } from '../shared/change-view';
import { AUDIT_ACTIONS, AdminLabels, ENTITY_TYPES } from '../shared/admin-labels';

const PAGE_SIZES = [50, 100, 200];
const TEXT_DEBOUNCE_MS = 400;

type Filters = Omit<ListAuditEvents$Params, 'page' | 'pageSize'>;

/** `attachment; filename="nhat-ky-….xlsx"` → the file name. */
function fileNameOf(disposition: string | null): string | null {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * "Nhật ký hệ thống" (`audit.read`): who did what, when, from where, on which record; central units see everything,
 * others their units. Filters by action, account, unit, period (dd/MM/yyyy) and record; each row opens the record's
 * values before and after the change. "Xuất Excel" downloads the filtered trail (the export is itself recorded).
 */
@Component({
  selector: 'skss-audit-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatTableModule,
    MatDateRangeInput,
    MatDateRangePicker,
    MatDatepickerToggle,
    MatEndDate,
    MatError,
    MatFormField,
    MatHint,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
    MatStartDate,
    MatSuffix,
    ApiErrorMessage,
    Icon,
    TranslatePipe,
    ChangeView,
    DateTimePipe,
    FacilityPicker,
  ],
  providers: [provideConsolePaginatorIntl(), provideConsoleDatepickerIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
})
export class AuditPage {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  private readonly session = inject(Session);
  protected readonly labels = inject(AdminLabels);

  protected readonly actions = AUDIT_ACTIONS;
  protected readonly entityTypes = ENTITY_TYPES;
  protected readonly columns = ['expand', 'at', 'action', 'actor', 'facility', 'entity', 'ip'];
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly canReadUsers = computed(() => this.session.hasPermission('users.read'));

  protected readonly form = new FormGroup({
    action: new FormControl<AuditAction | ''>('', { nonNullable: true }),
    actor: new FormControl('', { nonNullable: true }),
    entityType: new FormControl('', { nonNullable: true }),
    entityId: new FormControl('', { nonNullable: true }),
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });
  protected readonly facility = signal<FacilityOption | null>(null);
  private readonly formValue = toSignal(
    this.form.valueChanges.pipe(
      debounceTime(TEXT_DEBOUNCE_MS),
      map(() => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() },
  );
  protected readonly filters = computed<Filters>(() => {
    const value = this.formValue();
    const day = (date: Date | null) => (date && !Number.isNaN(date.getTime()) ? localDateToDay(date) : undefined);
    return {
      action: value.action || undefined,
      actor: value.actor.trim().toLowerCase() || undefined,
      facility: this.facility()?.code,
      entityType: value.entityType || undefined,
      entityId: value.entityId.trim() || undefined,
      from: day(value.from),
      to: day(value.to),
    };
  });
  private readonly settledFilters = toSignal(
    toObservable(this.filters).pipe(distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b))),
    { initialValue: this.filters() },
  );
  /** Back to the first page whenever the filters change. */
  protected readonly pageIndex = linkedSignal({ source: this.settledFilters, computation: () => 0 });
  protected readonly pageSize = signal(PAGE_SIZES[0]);
  protected readonly events = remote(
    () => ({ ...this.settledFilters(), page: this.pageIndex() + 1, pageSize: this.pageSize() }),
    (params) => this.api.invoke(listAuditEvents, params),
  );
  protected readonly filtered = computed(() => Object.values(this.filters()).some((value) => value !== undefined));
  protected readonly expanded = linkedSignal<unknown, string | null>({ source: this.settledFilters, computation: () => null });
  protected readonly exporting = signal(false);
  protected readonly exportFailure = linkedSignal<unknown, ApiFailure | null>({ source: this.settledFilters, computation: () => null });

  protected setFacility(facility: FacilityOption | null): void {
    this.facility.set(facility);
  }

  protected clearFilters(): void {
    this.form.reset();
    this.facility.set(null);
  }

  protected page(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.expanded.set(null);
  }

  protected toggle(event: AuditEventDto): void {
    this.expanded.update((id) => (id === event.id ? null : event.id));
  }

  protected async export(): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.exportFailure.set(null);
    try {
      const response = await firstValueFrom(this.api.invoke$Response(exportAuditEvents, this.settledFilters()));
      const name = fileNameOf(response.headers.get('content-disposition')) ?? 'nhat-ky-he-thong.xlsx';
      this.download(response.body, name);
      this.events.reload();
    } catch (error) {
      this.exportFailure.set(describeFailure(await withBlobErrorBody(error), (key, params) => this.i18n.t(key, params)));
    } finally {
      this.exporting.set(false);
    }
  }

  private download(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
