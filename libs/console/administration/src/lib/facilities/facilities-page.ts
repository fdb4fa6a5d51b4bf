import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatSelect } from '@angular/material/select';
import { MatCell, MatCellDef, MatColumnDef, MatHeaderCell, MatHeaderCellDef } from '@angular/material/table';
import { Router } from '@angular/router';
import { Session } from '@skss/console/auth';
import { Icon, listParams, listQuery, ListQuery, PagedTable, remote, TranslatePipe, withFilters } from '@skss/console/ui';
import { Api, FacilityOwnership, FacilityRecordDetailDto, FacilityRecordDto, listFacilityRecords, ReportingGroup } from '@skss/contract';
import { FACILITY_KINDS, FACILITY_OWNERSHIPS, FacilityKind, IsoDate, REPORTING_GROUPS, todayInVietnam } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { DayField } from '../shared/day-field';
import { revealOnNarrowScreens } from '../shared/reveal';
import { FacilityDetail } from './facility-detail';
import { FacilityFormData, FacilityFormDialog } from './facility-form-dialog';
import { FacilityLabels } from './facility-labels';

/**
 * "Cơ sở y tế": the facilities in force on a day (today by default) with their kind, ownership, row group of the
 * provincial forms and who checks their reports; searched by name or code without diacritics, filtered by kind,
 * ownership and row group, paged on the server. The selected facility's panel is beside the list (`?code=`). With
 * `facilities.manage`: create a facility (hospitals, clinics…), edit, close, change its reporting line.
 * Test hooks: `facilities-search|-row` (`data-key` = code), `facilities-create`, `facilities-filter-*`, `facilities-day`.
 */
@Component({
  selector: 'skss-facilities-page',
  imports: [
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatFormField,
    MatHeaderCell,
    MatHeaderCellDef,
    MatLabel,
    MatOption,
    MatSelect,
    Icon,
    DayField,
    FacilityDetail,
    PagedTable,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './facilities-page.html',
  styleUrl: './facilities-page.scss',
})
export class FacilitiesPage {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(Session);
  protected readonly labels = inject(FacilityLabels);

  /** `?code=`: the selected facility. */
  readonly code = input<string>();

  private readonly detail = viewChild<ElementRef<HTMLElement>>('detail');
  private readonly reveal = revealOnNarrowScreens(this.detail);

  protected readonly canManage = computed(() => this.session.hasPermission('facilities.manage'));
  protected readonly kinds = FACILITY_KINDS;
  protected readonly ownerships = FACILITY_OWNERSHIPS;
  protected readonly groups = REPORTING_GROUPS;
  protected readonly columns = computed(() =>
    this.code() ? ['facility', 'kind', 'reportsTo'] : ['facility', 'kind', 'ownership', 'reportingGroup', 'adminUnit', 'reportsTo'],
  );

  protected readonly query = signal<ListQuery>(listQuery());
  protected readonly day = signal<IsoDate>(todayInVietnam());
  protected readonly kind = signal<FacilityKind | ''>('');
  protected readonly ownership = signal<FacilityOwnership | ''>('');
  protected readonly group = signal<ReportingGroup | ''>('');
  protected readonly filtered = computed(() => !!(this.query().search || this.kind() || this.ownership() || this.group()));
  protected readonly facilities = remote(
    () => {
      const { page, pageSize, q } = listParams(this.query());
      return {
        page,
        pageSize,
        q,
        at: this.day(),
        kind: this.kind() || undefined,
        ownership: this.ownership() || undefined,
        reportingGroup: this.group() || undefined,
      };
    },
    (params) => this.api.invoke(listFacilityRecords, params),
  );
  protected readonly rowKey = (facility: FacilityRecordDto) => facility.code;

  /** A filter of this page changed: back to the first page. */
  protected setFilter<T>(filter: { set(value: T): void }, value: T): void {
    filter.set(value);
    this.query.update((query) => withFilters(query, {}));
  }

  protected select(code: string | null): void {
    void this.router.navigate([], { queryParams: { code }, queryParamsHandling: 'merge' }).then(() => code && this.reveal());
  }

  protected async create(): Promise<void> {
    const ref = this.dialog.open<FacilityFormDialog, FacilityFormData, FacilityRecordDetailDto>(FacilityFormDialog, {
      data: { mode: 'create' },
      width: '760px',
      maxWidth: '96vw',
      autoFocus: 'first-tabbable',
    });
    const created = await firstValueFrom(ref.afterClosed());
    if (!created) return;
    this.facilities.reload();
    this.select(created.code);
  }
}
