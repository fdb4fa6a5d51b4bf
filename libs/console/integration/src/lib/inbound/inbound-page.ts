import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { ApiErrorMessage, DateTimePipe, I18n, Notice, remote, TranslatePipe } from '@skss/console/ui';
import type { InboundFacilityDto, InboundSourceDto } from '@skss/contract';
import { MonitoringApi } from '../data/monitoring-api';
import { channelKey, periodTotals, PeriodTotals, reasonCounts } from '../shared/monitoring-figures';
import { ReasonList } from '../shared/reason-list';
import { DailyChart } from './daily-chart';

const PERIODS = [7, 14, 30, 90];
const MAX_SILENT_DAYS = 365;
/** Rows drawn at once: a province has thousands of facilities, and a commune's computer is slow. */
const MAX_FACILITY_ROWS = 300;

/** A source row with its period totals, computed once per answer. */
interface SourceRow {
  readonly source: InboundSourceDto;
  readonly totals: PeriodTotals;
}

/**
 * "Dữ liệu nhận về" (`monitoring.read`): per source system (integration account, national XML channel, the DHIS2 death
 * pull) the last batch, the records accepted and rejected over the period with the reasons and a daily chart; per
 * facility an account sends for, its last record, accepted and rejected with reasons, and whether it went silent for
 * more than N days. Scope is the API's: NCHI and the MCH Department see all, other units the facilities under them.
 * Test hooks: `inbound-days`, `inbound-silent-days`, `inbound-source` (`data-source`, `data-channel`),
 * `inbound-facility` (`data-facility`, `data-source`, `data-silent`), `inbound-silent-only`.
 */
@Component({
  selector: 'skss-inbound-page',
  imports: [
    MatCheckbox,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ApiErrorMessage,
    DailyChart,
    DateTimePipe,
    Notice,
    ReasonList,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbound-page.html',
  styleUrl: './inbound-page.scss',
})
export class InboundPage {
  private readonly api = inject(MonitoringApi);
  protected readonly i18n = inject(I18n);

  protected readonly periods = PERIODS;
  protected readonly maxSilentDays = MAX_SILENT_DAYS;
  protected readonly days = signal(PERIODS[1]);
  /** Null until the user sets it: the deployment's default then, as the answer states. */
  protected readonly silentDays = signal<number | null>(null);
  protected readonly silentOnly = signal(false);

  protected readonly monitoring = remote(
    () => ({ days: this.days(), silentDays: this.silentDays() }),
    (query) => this.api.inbound(query),
  );
  protected readonly sources = computed<SourceRow[]>(() =>
    (this.monitoring.value()?.sources ?? []).map((source) => ({ source, totals: periodTotals(source.days) })),
  );
  protected readonly silentCount = computed(() => (this.monitoring.value()?.facilities ?? []).filter((f) => f.silent).length);
  private readonly shownFacilities = computed(() => {
    const all = this.monitoring.value()?.facilities ?? [];
    return this.silentOnly() ? all.filter((f) => f.silent) : all;
  });
  protected readonly facilities = computed(() => this.shownFacilities().slice(0, MAX_FACILITY_ROWS));
  protected readonly truncated = computed(() => this.shownFacilities().length > MAX_FACILITY_ROWS);
  protected readonly maxRows = MAX_FACILITY_ROWS;

  protected readonly channelKey = channelKey;
  protected readonly reasonCounts = reasonCounts;

  protected setSilentDays(text: string): void {
    const value = Number(text);
    if (Number.isInteger(value) && value >= 1 && value <= MAX_SILENT_DAYS) this.silentDays.set(value);
  }

  protected sourceKey(row: SourceRow): string {
    return `${row.source.channel}:${row.source.source}`;
  }

  protected facilityKey(row: InboundFacilityDto): string {
    return `${row.source}:${row.facilityCode}`;
  }
}
