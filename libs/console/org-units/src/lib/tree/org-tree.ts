import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, linkedSignal, output, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTree, MatTreeNode, MatTreeNodeDef, MatTreeNodePadding, MatTreeNodeToggle } from '@angular/material/tree';
import { formatDay } from '@skss/console/i18n';
import { ApiErrorMessage, Icon, Notice, TranslatePipe, remote } from '@skss/console/ui';
import { AdminUnitDto } from '@skss/contract';
import { IsoDate } from '@skss/domain';
import { finalize } from 'rxjs';
import { OrgUnitsData } from '../data/org-units.data';

/**
 * Provinces → (districts →) communes in force on a day. Children are fetched when a node is first
 * expanded (`parent=CODE`); `childCount` tells which nodes can expand. Arrow keys move and expand,
 * Enter or Space selects, typing jumps to a name (mat-tree's keyboard support).
 */
@Component({
  selector: 'skss-org-tree',
  imports: [
    MatIconButton,
    MatProgressBar,
    MatTree,
    MatTreeNode,
    MatTreeNodeDef,
    MatTreeNodePadding,
    MatTreeNodeToggle,
    ApiErrorMessage,
    Icon,
    Notice,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './org-tree.html',
  styleUrl: './org-tree.scss',
})
export class OrgTree {
  private readonly data = inject(OrgUnitsData);
  private readonly destroyRef = inject(DestroyRef);

  readonly day = input.required<IsoDate>();
  readonly selectedCode = input<string>();
  readonly selected = output<AdminUnitDto>();

  protected readonly roots = remote(
    () => this.day(),
    (day) => this.data.provinces(day),
    { keepPrevious: false },
  );
  /** Children fetched so far, by parent code; forgotten when the day changes. */
  private readonly children = linkedSignal<IsoDate, ReadonlyMap<string, AdminUnitDto[]>>({
    source: this.day,
    computation: () => new Map(),
  });
  private readonly pending = linkedSignal<IsoDate, ReadonlySet<string>>({ source: this.day, computation: () => new Set() });
  protected readonly loadingChildren = computed(() => this.pending().size > 0);
  protected readonly childrenError = linkedSignal<IsoDate, { unit: AdminUnitDto; error: unknown } | undefined>({
    source: this.day,
    computation: () => undefined,
  });

  /** A new array whenever children arrive, so that mat-tree flattens the expanded nodes again. */
  protected readonly treeData = computed(() => {
    this.children();
    return [...(this.roots.value() ?? [])];
  });
  protected readonly dateLabel = computed(() => formatDay(this.day()));

  protected readonly childrenAccessor = (unit: AdminUnitDto): AdminUnitDto[] => untracked(() => this.children().get(unit.code)) ?? [];
  protected readonly expansionKey = (unit: AdminUnitDto): string => `${unit.level}:${unit.code}`;

  protected onExpandedChange(unit: AdminUnitDto, expanded: boolean): void {
    if (expanded) this.loadChildren(unit);
  }

  protected select(unit: AdminUnitDto): void {
    this.selected.emit(unit);
  }

  protected retryChildren(): void {
    const failed = this.childrenError();
    if (failed) this.loadChildren(failed.unit);
  }

  private loadChildren(unit: AdminUnitDto): void {
    const day = this.day();
    if (unit.childCount === 0 || this.children().has(unit.code) || this.pending().has(unit.code)) return;
    this.pending.update((codes) => new Set(codes).add(unit.code));
    this.childrenError.set(undefined);
    this.data
      .children(unit.code, day)
      .pipe(
        finalize(() => {
          if (this.day() !== day) return;
          this.pending.update((codes) => {
            const rest = new Set(codes);
            rest.delete(unit.code);
            return rest;
          });
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (units) => {
          if (this.day() === day) this.children.update((known) => new Map(known).set(unit.code, units));
        },
        error: (error: unknown) => {
          if (this.day() === day) this.childrenError.set({ unit, error });
        },
      });
  }
}
