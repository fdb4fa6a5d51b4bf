import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { FormArray } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { I18n, Icon, TranslatePipe } from '@skss/console/ui';
import { CatalogName, CodeEntry, CollectionDefinition, FieldDefinition, fieldOptions, inputFields } from '@skss/domain';
import { FormShape } from './form-values';
import { FormOptions, itemGroup, RecordFormGroup } from './record-form-group';
import { RecordField } from './record-field';

/** Fields a direct entry never shows: the id of the row in a sending system is for Excel files and integrations. */
const NOT_ENTERED = new Set(['sourceRecordId']);

export function enteredFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return inputFields(fields).filter((field) => !NOT_ENTERED.has(field.key));
}

/**
 * The fields of a register in the paper register's order, then each of its lists (a delivery's newborns, home visits,
 * complications) with one block per item, added and removed by buttons: twins are two newborns. Everything is generated
 * from the register's definition; Tab follows that order. Test hooks: `<testId>-<field>`,
 * `<testId>-<list>-<i>-<field>`, `<testId>-<list>-add`, `<testId>-<list>-<i>-remove`.
 */
@Component({
  selector: 'skss-record-form',
  imports: [MatButton, MatIconButton, Icon, TranslatePipe, RecordField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './record-form.html',
  styleUrl: './record-form.scss',
})
export class RecordForm {
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** The fields and lists to render: a register's definition, or a person's fields. */
  readonly definition = input.required<FormShape>();
  readonly form = input.required<RecordFormGroup>();
  readonly options = input.required<FormOptions>();
  readonly catalogs = input<Partial<Record<CatalogName, readonly CodeEntry[]>>>({});
  readonly readOnly = input(false);
  readonly testId = input('record');

  protected readonly fields = computed(() => enteredFields(this.definition().fields));
  /** Bumped when items are added or removed (a FormArray is not a signal). */
  private readonly itemChanges = signal(0);

  protected choices(field: FieldDefinition): readonly CodeEntry[] {
    return fieldOptions(field, this.catalogs());
  }

  protected items(collection: CollectionDefinition): RecordFormGroup[] {
    this.itemChanges();
    return this.array(collection).controls;
  }

  protected title(collection: CollectionDefinition): string {
    return this.i18n.label(collection.label);
  }

  protected help(collection: CollectionDefinition): string {
    return collection.help ? this.i18n.label(collection.help) : '';
  }

  protected itemTitle(collection: CollectionDefinition, index: number): string {
    return this.i18n.t('records.form.item', { item: this.i18n.label(collection.itemLabel), number: index + 1 });
  }

  protected collectionFields(collection: CollectionDefinition): FieldDefinition[] {
    return enteredFields(collection.fields);
  }

  protected canAdd(collection: CollectionDefinition): boolean {
    this.itemChanges();
    return !this.readOnly() && this.array(collection).length < collection.maxItems;
  }

  protected canRemove(collection: CollectionDefinition): boolean {
    this.itemChanges();
    return !this.readOnly() && this.array(collection).length > collection.minItems;
  }

  protected add(collection: CollectionDefinition): void {
    const array = this.array(collection);
    array.push(itemGroup(collection, this.options()));
    array.markAsDirty();
    this.itemChanges.update((n) => n + 1);
    // The keyboard carries on in the new item's first field.
    const first = this.collectionFields(collection)[0];
    const selector = `[data-testid="${this.testId()}-${collection.key}-${array.length - 1}-${first?.key}"]`;
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }

  protected remove(collection: CollectionDefinition, index: number): void {
    const array = this.array(collection);
    array.removeAt(index);
    array.markAsDirty();
    this.itemChanges.update((n) => n + 1);
  }

  private array(collection: CollectionDefinition): FormArray<RecordFormGroup> {
    return this.form().get(collection.key) as FormArray<RecordFormGroup>;
  }
}
