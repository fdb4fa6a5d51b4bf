import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatDialogRef } from '@angular/material/dialog';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatSelect } from '@angular/material/select';
import {
  apiFieldError,
  DIALOG_FRAME,
  FacilityOption,
  FacilityPicker,
  fieldMessage,
  FORM_FIELDS,
  FormSubmission,
  I18n,
  Icon,
  remote,
} from '@skss/console/ui';
import {
  Api,
  createIntegrationClient,
  ExternalSystem,
  IntegrationClientSecretDto,
  IntegrationOperation,
  listAdminUnits,
} from '@skss/contract';
import { EXTERNAL_SYSTEMS, INTEGRATION_OPERATIONS, todayInVietnam } from '@skss/domain';
import { firstValueFrom } from 'rxjs';
import { AdminLabels } from '../shared/admin-labels';

/** What each system usually does (Điều 11-14), ticked when the system is chosen and the operations were not touched. */
const SUGGESTED_OPERATIONS: Readonly<Record<ExternalSystem, readonly IntegrationOperation[]>> = {
  HIS: ['records.push'],
  YTCS: ['records.push'],
  HEALTH_STATISTICS: ['deaths.push', 'reports.pull'],
  E_HANDBOOK: ['handbook.read'],
  EHR_REPOSITORY: [],
};

type Scope = 'province' | 'facilities';

/**
 * "Tạo tài khoản tích hợp": which external system, its name, the facilities it may send data for (a whole province,
 * or facilities chosen one by one) and its operations. Closes with the client and its secret, shown once by the page.
 */
@Component({
  selector: 'skss-client-create-dialog',
  imports: [
    DIALOG_FRAME,
    FORM_FIELDS,
    MatCheckbox,
    MatIconButton,
    MatOption,
    MatRadioButton,
    MatRadioGroup,
    MatSelect,
    Icon,
    FacilityPicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-create-dialog.html',
  styleUrl: './client-create-dialog.scss',
})
export class ClientCreateDialog {
  private readonly api = inject(Api);
  private readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<ClientCreateDialog, IntegrationClientSecretDto>>(MatDialogRef);
  protected readonly labels = inject(AdminLabels);

  protected readonly systems = EXTERNAL_SYSTEMS;
  protected readonly operations = INTEGRATION_OPERATIONS;
  protected readonly form = new FormGroup({
    system: new FormControl<ExternalSystem | null>(null, { validators: [Validators.required] }),
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(120)] }),
    scope: new FormControl<Scope>('province', { nonNullable: true }),
    provinceCode: new FormControl('', { nonNullable: true }),
    operations: new FormControl<IntegrationOperation[]>([], { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly scope = toSignal(this.form.controls.scope.valueChanges, { initialValue: 'province' as Scope });
  private readonly chosenOperations = toSignal(this.form.controls.operations.valueChanges, { initialValue: [] as IntegrationOperation[] });
  protected readonly chosen = computed(() => new Set(this.chosenOperations()));
  protected readonly facilities = signal<FacilityOption[]>([]);
  protected readonly provinces = remote(
    () => todayInVietnam(),
    (at) => this.api.invoke(listAdminUnits, { at, level: 'province', page: 1, pageSize: 200 }),
  );
  protected readonly submitted = signal(false);
  protected readonly submission = new FormSubmission(this.form);
  protected readonly scopeError = computed(() => {
    const failure = this.submission.failure();
    const fromApi = fieldMessage(failure, 'facilityCodes') ?? fieldMessage(failure, 'provinceCode');
    if (fromApi) return fromApi;
    if (!this.submitted()) return null;
    if (this.scope() === 'facilities' && this.facilities().length === 0) return this.i18n.t('admin.clients.form.facilitiesRequired');
    return null;
  });
  protected readonly apiError = apiFieldError;

  constructor() {
    this.form.controls.scope.valueChanges.subscribe((scope) => {
      const province = this.form.controls.provinceCode;
      province.setValidators(scope === 'province' ? [Validators.required] : []);
      province.updateValueAndValidity();
    });
    this.form.controls.provinceCode.setValidators([Validators.required]);
    this.form.controls.system.valueChanges.subscribe((system) => {
      const operations = this.form.controls.operations;
      if (system && !operations.dirty) operations.setValue([...SUGGESTED_OPERATIONS[system]]);
    });
  }

  protected toggleOperation(operation: IntegrationOperation, on: boolean): void {
    const control = this.form.controls.operations;
    const next = on ? [...new Set([...control.value, operation])] : control.value.filter((o) => o !== operation);
    control.setValue(INTEGRATION_OPERATIONS.filter((o) => next.includes(o)));
    control.markAsDirty();
    control.markAsTouched();
  }

  protected addFacility(facility: FacilityOption): void {
    this.facilities.update((list) => (list.some((f) => f.code === facility.code) ? list : [...list, facility]));
  }

  protected removeFacility(code: string): void {
    this.facilities.update((list) => list.filter((f) => f.code !== code));
  }

  protected async submit(): Promise<void> {
    if (!this.submission.begin()) return;
    this.submitted.set(true);
    const value = this.form.getRawValue();
    const byFacilities = value.scope === 'facilities';
    const system = value.system;
    if (this.form.invalid || !system || (byFacilities && this.facilities().length === 0)) {
      this.form.markAllAsTouched();
      return;
    }
    await this.submission.send(
      () =>
        firstValueFrom(
          this.api.invoke(createIntegrationClient, {
            body: {
              system,
              name: value.name.trim(),
              operations: value.operations,
              ...(byFacilities ? { facilityCodes: this.facilities().map((f) => f.code) } : { provinceCode: value.provinceCode }),
            },
          }),
        ),
      (created) => this.ref.close(created),
    );
  }
}
