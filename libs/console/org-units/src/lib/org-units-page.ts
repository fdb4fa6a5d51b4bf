import { ChangeDetectionStrategy, Component, computed, DOCUMENT, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import { Notice, TranslatePipe } from '@skss/console/ui';
import { AdminUnitDto } from '@skss/contract';
import { isIsoDate, IsoDate, todayInVietnam } from '@skss/domain';
import { OrgDateBar } from './date-bar/org-date-bar';
import { OrgUnitDetail } from './detail/org-unit-detail';
import { isSearchable, OrgSearch } from './search/org-search';
import { OrgTree } from './tree/org-tree';

/** Matches the breakpoint in org-units-page.scss where the detail goes below the tree. */
const SINGLE_COLUMN = '(max-width: 959.98px)';

/**
 * The org-unit browser. Its state lives in the URL so that a view can be bookmarked or shared:
 * `/org-units?at=2025-06-30&unit=62` (bound to the `at` and `unit` inputs by the router).
 */
@Component({
  selector: 'skss-org-units-page',
  imports: [Notice, OrgDateBar, OrgSearch, OrgTree, OrgUnitDetail, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './org-units-page.html',
  styleUrl: './org-units-page.scss',
})
export class OrgUnitsPage {
  private readonly router = inject(Router);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly detail = viewChild.required<ElementRef<HTMLElement>>('detail');

  /** `?at=YYYY-MM-DD`, the effective date; today in Vietnam when absent or not a day. */
  readonly at = input<string>();
  /** `?unit=CODE`, the selected administrative unit. */
  readonly unit = input<string>();

  protected readonly today = todayInVietnam();
  protected readonly day = computed<IsoDate>(() => {
    const at = this.at();
    return at && isIsoDate(at) ? at : this.today;
  });
  protected readonly query = signal('');
  protected readonly searching = computed(() => isSearchable(this.query()));

  protected changeDay(day: IsoDate): void {
    // Codes are reused across the reform: a selection does not carry over to another day.
    void this.router.navigate([], { queryParams: { at: day, unit: null }, queryParamsHandling: 'merge' });
  }

  protected select(unit: AdminUnitDto): void {
    void this.router.navigate([], { queryParams: { unit: unit.code }, queryParamsHandling: 'merge' }).then(() => {
      // On a phone the detail is below the tree: bring it into view.
      if (this.window?.matchMedia(SINGLE_COLUMN).matches) this.detail().nativeElement.scrollIntoView({ block: 'start' });
    });
  }
}
