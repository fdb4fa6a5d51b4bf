import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCell, MatCellDef, MatColumnDef, MatHeaderCell, MatHeaderCellDef } from '@angular/material/table';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import { Session } from '@skss/console/auth';
import { isIsoMonth, IsoMonth, monthOf } from '@skss/console/i18n';
import { I18n, Icon, listQuery, ListQuery, PagedTable, remote, TranslatePipe } from '@skss/console/ui';
import type { RecordRegister } from '@skss/contract';
import { FieldDefinition, registerDefinition, todayInVietnam } from '@skss/domain';
import { RecordsApi, RegisterRow } from '../data/records-api';
import { cellText, CONSOLE_REGISTERS, listFields, rowListParams } from '../registers';
import { ExcelMenu } from '../excel/excel-menu';

/**
 * One register's rows: the month (this month by default, or `?month=`), a facility within the user's scope, a search
 * by name or identifier without diacritics, paged on the server; identifiers masked as the API returns them, days
 * dd/MM/yyyy. A row opens its entry form (read-only without `records.enter`). Tabs switch between the registers.
 * Test hooks: `register-tab` (`data-register`), `records-search|-month|-facility|-row` (`data-key`), `records-new`.
 */
@Component({
  selector: 'skss-register-list-page',
  imports: [
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatTabLink,
    MatTabNav,
    MatTabNavPanel,
    RouterLink,
    ExcelMenu,
    PagedTable,
    Icon,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './register-list-page.html',
  styleUrl: './register-list-page.scss',
})
export class RegisterListPage {
  private readonly records = inject(RecordsApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  protected readonly i18n = inject(I18n);

  /** Route parameter: the register. */
  readonly register = input.required<RecordRegister>();
  /** `?month=YYYY-MM`: the month to show (after saving a row of another month). */
  readonly month = input<string>();

  protected readonly registers = CONSOLE_REGISTERS;
  protected readonly definition = computed(() => registerDefinition(this.register()));
  protected readonly fields = computed(() => listFields(this.register()));
  protected readonly columns = computed(() => ['person', ...this.fields().map((field) => field.key), 'facility']);
  protected readonly canEnter = computed(() => this.session.hasPermission('records.enter'));
  protected readonly maxMonth = monthOf(todayInVietnam());

  protected readonly query = linkedSignal<ListQuery>(() => {
    const month = this.month();
    return listQuery({ month: month && isIsoMonth(month) ? month : monthOf(todayInVietnam()) });
  });
  protected readonly rows = remote(
    () => ({ register: this.register(), params: rowListParams(this.query()) }),
    ({ register, params }) => this.records.list(register, params),
  );
  protected readonly rowKey = (row: RegisterRow) => row.id;

  constructor() {
    // Another register: same month and facility, first page, no search.
    effect(() => {
      this.register();
      untracked(() => this.query.update((query) => ({ ...query, page: 0, search: '' })));
    });
  }

  protected title(code: RecordRegister): string {
    return this.i18n.label(registerDefinition(code).title);
  }

  protected cell(row: RegisterRow, field: FieldDefinition): string {
    const yesNo = { yes: this.i18n.t('records.yes'), no: this.i18n.t('records.no') };
    return cellText(field, row[field.key], this.i18n.language(), yesNo);
  }

  /** The person's name, or a death register row's own name when the deceased is no known person. */
  protected personName(row: RegisterRow): string {
    const own = row['fullName'];
    return row.person?.fullName ?? (typeof own === 'string' ? own : this.i18n.t('records.list.unknownPerson'));
  }

  protected identifiers(row: RegisterRow): string {
    return [row.person?.maskedCitizenId, row.person?.maskedInsuranceCard].filter(Boolean).join(' · ') || '—';
  }

  protected currentMonth(): IsoMonth | null {
    return this.query().month;
  }

  protected open(row: RegisterRow): void {
    void this.router.navigate(['/records', this.register(), row.id]);
  }
}
