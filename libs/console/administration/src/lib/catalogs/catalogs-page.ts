import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { ApiErrorMessage, I18n, remote, SearchBox, TranslatePipe } from '@skss/console/ui';
import { Api, CatalogDto, listCatalogs } from '@skss/contract';
import { foldVietnamese, IsoDate, isIsoDate, todayInVietnam } from '@skss/domain';
import { DayField } from '../shared/day-field';

/** A catalog's name in the console's language (the English name when there is one). */
export function catalogName(catalog: Pick<CatalogDto, 'name' | 'nameEn'>, language: string): string {
  return language === 'en' && catalog.nameEn ? catalog.nameEn : catalog.name;
}

/**
 * "Danh mục dùng chung": every catalog (ethnicities, occupations, nationalities, the registers' code lists, ICD-10…) with
 * the number of codes valid on a day (`?at=`, today by default), filtered in the browser by name or code without
 * diacritics. A catalog opens its codes. Test hooks: `catalogs-search`, `catalogs-day`, `catalogs-row` (`data-code`).
 */
@Component({
  selector: 'skss-catalogs-page',
  imports: [MatTableModule, MatProgressBar, ApiErrorMessage, DayField, SearchBox, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './catalogs-page.html',
  styleUrl: './catalogs-page.scss',
})
export class CatalogsPage {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);

  /** `?at=YYYY-MM-DD`: the day the codes are counted for. */
  readonly at = input<string>();

  protected readonly columns = ['catalog', 'items', 'kind', 'description'];
  protected readonly day = linkedSignal<IsoDate>(() => {
    const at = this.at();
    return at && isIsoDate(at) ? at : todayInVietnam();
  });
  protected readonly search = signal('');
  protected readonly catalogs = remote(
    () => this.day(),
    (at) => this.api.invoke(listCatalogs, { at }),
  );
  protected readonly shown = computed(() => {
    const folded = foldVietnamese(this.search());
    const all = this.catalogs.value()?.catalogs ?? [];
    if (!folded) return all;
    return all.filter((catalog) =>
      [catalog.code, catalog.name, catalog.nameEn ?? ''].some((text) => foldVietnamese(text).includes(folded)),
    );
  });

  protected setDay(day: IsoDate): void {
    this.day.set(day);
    void this.router.navigate([], {
      queryParams: { at: day === todayInVietnam() ? null : day },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected open(catalog: CatalogDto): void {
    const at = this.day();
    void this.router.navigate(['/catalogs', catalog.code], { queryParams: at === todayInVietnam() ? {} : { at } });
  }

  protected name(catalog: CatalogDto): string {
    return catalogName(catalog, this.i18n.language());
  }
}
