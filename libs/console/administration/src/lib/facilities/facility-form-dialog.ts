import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatSelect } from '@angular/material/select';
import {
  DAY_FIELD,
  DIALOG_FRAME,
  FacilityOption,
  FacilityPicker,
  fieldMessage,
  FORM_FIELDS,
  FormSubmission,
  I18n,
  provideConsoleDatepickerIntl,
} from '@skss/console/ui';
import { AdministeredFacilityKind, Api, createFacility, FacilityOwnership, FacilityRecordDetailDto, updateFacility } from '@skss/contract';
import { FACILITY_OWNERSHIPS, KCB_CODE_PATTERN, todayInVietnam } from '@skss/domain';
import { firstValueFrom, Observable } from 'rxjs';
import { dayControl, dayOf } from '../shared/day-field';
import { AdminUnitPicker } from './admin-unit-picker';
import { FacilityLabels } from './facility-labels';
import {
  ADDRESS_MAX_LENGTH,
  ADMINISTERED_KINDS,
  createBody,
  FACILITY_CODE_PATTERN,
  FACILITY_NAME_MAX_LENGTH,
  isAdministeredKind,
  normaliseCode,
  normaliseKcbCode,
  ownershipProblem,
  proposedOwnership,
  UnitChoice,
  unitFits,
  unitLevelsOf,
  updateBody,
} from './facility-form';

export type FacilityFormData = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly facility: FacilityRecordDetailDto };

/** API field names that are not controls of the form, shown by their own pickers. */
const PICKER_FIELDS = ['adminUnitCode', 'reportsToCode'];

/**
 * "Thêm cơ sở y tế" / "Sửa thông tin cơ sở": code (fixed once created), name, kind (central or sector hospital, provincial
 * or district facility, private clinic, public-health units), ownership (proposed from the kind, conflicts flagged),
 * maternal and child services, address, KCB code (what HIS packages name it by), the administrative unit it is located
 * in (units of the levels the kind allows, in force on its first day), and on creation its first day and who checks its
 * reports. The API's problems show on their fields. Closes with the facility as saved.
 */
@Component({
  selector: 'skss-facility-form-dialog',
  imports: [
    DIALOG_FRAME,
    FORM_FIELDS,
    DAY_FIELD,
    MatCheckbox,
    MatOption,
    MatRadioButton,
    MatRadioGroup,
    MatSelect,
    AdminUnitPicker,
    FacilityPicker,
  ],
  providers: [provideConsoleDatepickerIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './facility-form-dialog.html',
  styleUrl: './facility-form-dialog.scss',
})
export class FacilityFormDialog {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<FacilityFormDialog, FacilityRecordDetailDto>>(MatDialogRef);
  protected readonly labels = inject(FacilityLabels);
  protected readonly data = inject<FacilityFormData>(MAT_DIALOG_DATA);

  protected readonly editing = this.data.mode === 'edit' ? this.data.facility : null;
  protected readonly kinds = ADMINISTERED_KINDS;
  protected readonly ownerships = FACILITY_OWNERSHIPS;
  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(FACILITY_CODE_PATTERN)] }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(FACILITY_NAME_MAX_LENGTH)] }),
    kind: new FormControl<AdministeredFacilityKind | null>(null, { validators: [Validators.required] }),
    ownership: new FormControl<FacilityOwnership>('PUBLIC', { nonNullable: true }),
    maternalServices: new FormControl(true, { nonNullable: true }),
    childServices: new FormControl(true, { nonNullable: true }),
    address: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(ADDRESS_MAX_LENGTH)] }),
    kcbCode: new FormControl('', { nonNullable: true, validators: [Validators.pattern(KCB_CODE_PATTERN)] }),
    validFrom: dayControl(todayInVietnam()),
  });
  protected readonly unit = signal<UnitChoice | null>(null);
  protected readonly reportsTo = signal<FacilityOption | null>(null);
  protected readonly submitted = signal(false);
  protected readonly submission = new FormSubmission(this.form, { shownElsewhere: PICKER_FIELDS });

  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });
  private readonly ownership = toSignal(this.form.controls.ownership.valueChanges, { initialValue: this.form.controls.ownership.value });
  private readonly validFrom = toSignal(this.form.controls.validFrom.valueChanges, { initialValue: this.form.controls.validFrom.value });
  protected readonly levels = computed(() => unitLevelsOf(this.kind()));
  /** Units are searched among those in force on the facility's first day (today while that day is not valid). */
  protected readonly unitDay = computed(() => this.editing?.validFrom ?? dayOf(this.validFrom()) ?? todayInVietnam());
  protected readonly ownershipConflict = computed(() => ownershipProblem(this.kind(), this.ownership()));
  /** The API's problems with fields that are not controls, each until that field changes. */
  protected readonly ownershipError = signal<string | null>(null);
  private readonly unitProblem = signal<string | null>(null);
  private readonly reportsToProblem = signal<string | null>(null);
  protected readonly unitError = computed(() => {
    const unit = this.unit();
    if (!unitFits(this.kind(), unit)) return this.i18n.t('admin.facilities.form.unitLevel');
    if (this.submitted() && !unit) return this.i18n.t('admin.facilities.form.unitRequired');
    return this.unitProblem();
  });
  protected readonly reportsToError = this.reportsToProblem.asReadonly();

  constructor() {
    const facility = this.editing;
    if (facility) {
      this.form.patchValue({
        code: facility.code,
        name: facility.name,
        kind: isAdministeredKind(facility.kind) ? facility.kind : null,
        ownership: facility.ownership,
        maternalServices: facility.maternalServices,
        childServices: facility.childServices,
        address: facility.address ?? '',
        kcbCode: facility.kcbCode ?? '',
      });
      this.form.controls.code.disable();
      this.form.controls.validFrom.disable();
      this.unit.set(facility.adminUnit);
    }
    this.form.controls.ownership.valueChanges.subscribe(() => this.ownershipError.set(null));
    // The ownership follows the kind until the user picks one (a private clinic is private).
    this.form.controls.kind.valueChanges.subscribe((kind) => {
      const ownership = this.form.controls.ownership;
      if (kind && !ownership.dirty) ownership.setValue(proposedOwnership(kind));
    });
  }

  protected pickUnit(unit: UnitChoice | null): void {
    this.unit.set(unit);
    this.unitProblem.set(null);
  }

  protected pickReportsTo(facility: FacilityOption | null): void {
    this.reportsTo.set(facility);
    this.reportsToProblem.set(null);
  }

  protected upperCaseCode(): void {
    const control = this.form.controls.code;
    const code = normaliseCode(control.value);
    if (code !== control.value) control.setValue(code);
  }

  protected compactKcbCode(): void {
    const control = this.form.controls.kcbCode;
    const kcbCode = normaliseKcbCode(control.value);
    if (kcbCode !== control.value) control.setValue(kcbCode);
  }

  protected async submit(): Promise<void> {
    if (!this.submission.begin()) return;
    this.submitted.set(true);
    const value = this.form.getRawValue();
    const unit = this.unit();
    const validFrom = dayOf(value.validFrom);
    if (
      this.form.invalid ||
      !value.kind ||
      !unit ||
      !unitFits(value.kind, unit) ||
      this.ownershipConflict() ||
      (!this.editing && !validFrom)
    ) {
      this.form.markAllAsTouched();
      return;
    }
    const values = {
      ...value,
      kind: value.kind,
      adminUnit: unit,
      validFrom: validFrom ?? '',
      reportsToCode: this.reportsTo()?.code ?? null,
    };
    let call: Observable<FacilityRecordDetailDto>;
    if (this.editing) {
      const body = updateBody(this.editing, values);
      if (!body) {
        this.ref.close();
        return;
      }
      call = this.api.invoke(updateFacility, { code: this.editing.code, body });
    } else {
      call = this.api.invoke(createFacility, { body: createBody(values) });
    }
    await this.submission.send(
      () => firstValueFrom(call),
      (facility) => this.ref.close(facility),
      (failure) => {
        this.ownershipError.set(fieldMessage(failure, 'ownership'));
        this.unitProblem.set(fieldMessage(failure, 'adminUnitCode'));
        this.reportsToProblem.set(fieldMessage(failure, 'reportsToCode'));
      },
    );
  }
}
