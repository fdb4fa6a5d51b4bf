import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { formatDay } from '@skss/console/i18n';
import { I18n } from '@skss/console/ui';
import type { DayCountDto } from '@skss/contract';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { dailySeries } from '../shared/monitoring-figures';

const ACCEPTED_COLOUR = '#2e7d32';
const REJECTED_COLOUR = '#ba1a1a';

/**
 * A source's records per day, accepted and rejected as stacked bars. echarts is fetched with the first chart drawn
 * (its own lazy chunk), never with the console; the numbers are in the table beside it for screen readers.
 */
@Component({
  selector: 'skss-daily-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts: () => import('./echarts').then((m) => m.echarts) })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'img', '[attr.aria-label]': 'label()' },
  template: `<div echarts class="chart" [options]="options()" [initOpts]="{ renderer: 'svg' }"></div>`,
  styles: `
    :host {
      display: block;
      min-width: 200px;
    }
    .chart {
      height: 72px;
    }
  `,
})
export class DailyChart {
  private readonly i18n = inject(I18n);

  readonly days = input.required<readonly DayCountDto[]>();
  /** How many days up to today the chart spans. */
  readonly window = input.required<number>();
  readonly label = input.required<string>();

  protected readonly options = computed<EChartsCoreOption>(() => {
    // The API counts per calendar day of its clock (UTC), so today is taken the same way.
    const series = dailySeries(this.days(), this.window(), new Date().toISOString().slice(0, 10));
    const bar = (name: string, colour: string, values: number[]) => ({
      type: 'bar',
      name,
      stack: 'records',
      data: values,
      itemStyle: { color: colour },
      barMaxWidth: 12,
    });
    return {
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 2, containLabel: false },
      tooltip: { trigger: 'axis', confine: true },
      xAxis: { type: 'category', data: series.map((d) => formatDay(d.day)), show: false },
      yAxis: { type: 'value', show: false, minInterval: 1 },
      series: [
        bar(
          this.i18n.t('integration.inbound.accepted'),
          ACCEPTED_COLOUR,
          series.map((d) => d.accepted),
        ),
        bar(
          this.i18n.t('integration.inbound.rejected'),
          REJECTED_COLOUR,
          series.map((d) => d.rejected),
        ),
      ],
    };
  });
}
