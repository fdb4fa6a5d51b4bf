import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { DAY_FIELD, DIALOG_FRAME, FORM_FIELDS, FormSubmission, I18n, Icon, provideConsoleDatepickerIntl } from '@skss/console/ui';
import { addCatalogItem, Api, CatalogDto, CatalogItemDto, CatalogItemHistoryDto, relabelCatalogItem } from '@skss/contract';
import { IsoDate } from '@skss/domain';
import { firstValueFrom, Observable } from 'rxjs';
import { dayControl, dayOf } from '../shared/day-field';
import { catalogName } from './catalogs-page';
import { itemBody, ITEM_CODE_PATTERN, ITEM_NAME_MAX_LENGTH, SORT_ORDER_MAX } from './catalog-item-form';

export type CatalogItemDialogData =
  | { readonly mode: 'add'; readonly catalog: CatalogDto; readonly day: IsoDate }
  | { readonly mode: 'relabel'; readonly catalog: CatalogDto; readonly item: CatalogItemDto; readonly day: IsoDate };

/**
 * "Thêm mã" (code, label, English label, position, first day) or "Đổi tên từ ngày" (new label from a day: the version in
 * force then ends the day before, so earlier records keep the old label). The API's problems show on their fields.
 * Closes with the code's history. Test hooks: `item-form-code|-name|-name-en|-order|-from|-submit|-error`.
 */
@Component({
  selector: 'skss-catalog-item-dialog',
  imports: [DIALOG_FRAME, FORM_FIELDS, DAY_FIELD, Icon],
  providers: [provideConsoleDatepickerIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './catalog-item-dialog.html',
  styleUrl: './catalog-item-dialog.scss',
})
export class CatalogItemDialog {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<CatalogItemDialog, CatalogItemHistoryDto>>(MatDialogRef);
  protected readonly data = inject<CatalogItemDialogData>(MAT_DIALOG_DATA);

  protected readonly relabelling = this.data.mode === 'relabel' ? this.data.item : null;
  protected readonly catalogTitle = catalogName(this.data.catalog, this.i18n.language());
  protected readonly form = new FormGroup({
    code: new FormControl(this.relabelling?.code ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(ITEM_CODE_PATTERN)],
    }),
    name: new FormControl(this.relabelling?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(ITEM_NAME_MAX_LENGTH)],
    }),
    nameEn: new FormControl(this.relabelling?.nameEn ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(ITEM_NAME_MAX_LENGTH)],
    }),
    sortOrder: new FormControl<number | null>(this.relabelling?.sortOrder ?? null, {
      validators: [Validators.min(0), Validators.max(SORT_ORDER_MAX), Validators.pattern(/^\d+$/)],
    }),
    validFrom: dayControl(this.data.day),
  });
  protected readonly submission = new FormSubmission(this.form);

  constructor() {
    if (this.relabelling) this.form.controls.code.disable();
  }

  protected async submit(): Promise<void> {
    if (!this.submission.begin()) return;
    const value = this.form.getRawValue();
    const validFrom = dayOf(value.validFrom);
    if (this.form.invalid || !validFrom) {
      this.form.markAllAsTouched();
      return;
    }
    const body = itemBody({ ...value, validFrom }, this.relabelling);
    const catalog = this.data.catalog.code;
    const call: Observable<CatalogItemHistoryDto> = this.relabelling
      ? this.api.invoke(relabelCatalogItem, { code: catalog, itemCode: this.relabelling.code, body })
      : this.api.invoke(addCatalogItem, { code: catalog, body: { ...body, code: value.code.trim() } });
    await this.submission.send(
      () => firstValueFrom(call),
      (item) => this.ref.close(item),
    );
  }
}
