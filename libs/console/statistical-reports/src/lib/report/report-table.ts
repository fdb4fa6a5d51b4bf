import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { I18n, TranslatePipe } from '@skss/console/ui';
import type { CellChangeDto } from '@skss/contract';
import { FormLayout, headerRowsOf, LayoutCell, LayoutLine } from '../shared/form-layout';

/** A cell the user opened for its register rows. */
export interface DrillRequest {
  readonly row: string;
  readonly column: string;
  /** The row and column as the form prints them, for the panel's title. */
  readonly rowText: string;
  readonly columnText: string;
  readonly value: number;
}

/**
 * The report's table as on paper: TT, the indicator (or the unit), the value columns under their printed headers, the
 * column numbers row; grey cells where a cell does not apply. A cell that differs from the values sent shows
 * "old → new" and is highlighted. With `drillable`, a number is a button that opens its register rows.
 * Test hooks: `report-cell` (`data-cell`, `data-changed`), `report-line` (`data-line`).
 */
@Component({
  selector: 'skss-report-table',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-table.html',
  styleUrl: './report-table.scss',
})
export class ReportTable {
  protected readonly i18n = inject(I18n);

  readonly layout = input.required<FormLayout>();
  /** The values shown, by cell key; null when there are none (a form not computed yet). */
  readonly values = input.required<Readonly<Record<string, number>> | null>();
  readonly changes = input<readonly CellChangeDto[]>([]);
  /** The facility's name: the label of a Biểu 4–8 line. */
  readonly unitName = input('');
  readonly drillable = input(false);
  readonly caption = input('');
  readonly drill = output<DrillRequest>();

  protected readonly headerRows = computed(() => headerRowsOf(this.layout()));
  protected readonly changed = computed(() => new Map(this.changes().map((change) => [change.cell, change])));

  protected text(label: { vi: string; en: string }): string {
    return this.i18n.label(label);
  }

  protected lineLabel(line: LayoutLine): string {
    if (this.layout().kind === 'units') return this.unitName();
    const label = this.text(line.label);
    return line.part ? `${label} – ${this.text(line.part)}` : label;
  }

  protected value(cell: LayoutCell): number | null {
    const values = this.values();
    return cell.key && values ? (values[cell.key] ?? 0) : null;
  }

  protected columnText(index: number): string {
    const layout = this.layout();
    const number = layout.numbers[index] ?? '';
    const own = layout.header.filter((h) => h.col <= index && index < h.col + h.colSpan).sort((a, b) => a.row - b.row);
    return [...own.map((h) => this.text(h.label)), `(${number})`].join(' – ');
  }

  protected open(line: LayoutLine, cell: LayoutCell, index: number): void {
    const value = this.value(cell);
    if (!this.drillable() || !cell.row || !cell.column || value === null) return;
    this.drill.emit({
      row: cell.row,
      column: cell.column,
      rowText: `${cell.row} ${this.lineLabel(line)}`,
      columnText: this.columnText(index),
      value,
    });
  }
}
