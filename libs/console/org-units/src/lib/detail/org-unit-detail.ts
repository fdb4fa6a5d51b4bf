import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { adminLevelKey, facilityKindName, formatDay, TranslationKey } from '@skss/console/i18n';
import { ApiErrorMessage, DayPipe, I18n, Icon, Notice, TranslatePipe, remote } from '@skss/console/ui';
import { FacilityKind, FacilityPageDto, LineageLinkDto } from '@skss/contract';
import { addDays, IsoDate } from '@skss/domain';
import { concatMap, finalize, scan, startWith, Subject } from 'rxjs';
import { OrgUnitsData } from '../data/org-units.data';

/** Where a lineage link leads: the predecessor on its last day, the successor on its first. */
interface LineageLinkView {
  link: LineageLinkDto;
  day: IsoDate;
}

interface LineageGroup {
  titleKey: TranslationKey;
  testId: string;
  links: LineageLinkView[];
}

/**
 * An administrative unit on the chosen day: what it is, what it was formed from and went into
 * (each link opens the other unit on the day it existed) and the health facilities located in it.
 */
@Component({
  selector: 'skss-org-unit-detail',
  imports: [MatButton, MatProgressBar, RouterLink, ApiErrorMessage, DayPipe, Icon, Notice, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './org-unit-detail.html',
  styleUrl: './org-unit-detail.scss',
})
export class OrgUnitDetail {
  private readonly data = inject(OrgUnitsData);
  private readonly i18n = inject(I18n);

  readonly code = input.required<string>();
  readonly day = input.required<IsoDate>();

  protected readonly lineage = remote(
    () => ({ code: this.code(), day: this.day() }),
    ({ code, day }) => this.data.lineage(code, day),
    { keepPrevious: false },
  );
  protected readonly unit = computed(() => this.lineage.value()?.versions[0]?.unit);
  /** Per version of the unit (usually one on a given day): "Hình thành từ" then "Sáp nhập vào", empty groups left out. */
  protected readonly versions = computed(() =>
    (this.lineage.value()?.versions ?? []).map((version): LineageGroup[] =>
      [
        {
          titleKey: 'org.lineage.predecessors' as const,
          testId: 'org-lineage-predecessors',
          links: version.predecessors.map((link) => ({ link, day: addDays(link.effectiveOn, -1) })),
        },
        {
          titleKey: 'org.lineage.successors' as const,
          testId: 'org-lineage-successors',
          links: version.successors.map((link) => ({ link, day: link.effectiveOn })),
        },
      ].filter((group) => group.links.length > 0),
    ),
  );

  private readonly moreFacilities = new Subject<void>();
  protected readonly loadingMoreFacilities = signal(false);
  protected readonly facilities = remote(
    () => ({ code: this.code(), day: this.day() }),
    ({ code, day }) =>
      this.moreFacilities.pipe(
        startWith(undefined),
        concatMap((_, index) => this.data.facilities(code, day, index + 1).pipe(finalize(() => this.loadingMoreFacilities.set(false)))),
        scan((all: FacilityPageDto, page) => ({ ...page, items: [...all.items, ...page.items] })),
      ),
    { keepPrevious: false },
  );
  protected readonly hasMoreFacilities = computed(() => {
    const page = this.facilities.value();
    return !!page && page.items.length < page.total;
  });

  protected readonly levelKey = adminLevelKey;
  protected readonly formatDay = formatDay;

  protected kindName(kind: FacilityKind): string {
    return facilityKindName(kind, this.i18n.language());
  }

  protected showMoreFacilities(): void {
    this.loadingMoreFacilities.set(true);
    this.moreFacilities.next();
  }
}
