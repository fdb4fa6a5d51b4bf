import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { TranslationKey, TranslationParams, Translations } from '@skss/console/i18n';
import { applyFieldErrors, controlError, describeFailure, fieldMessage, withBlobErrorBody } from './api-problems';

const translations = new Translations();
const t = (key: TranslationKey, params?: TranslationParams) => translations.text('vi', key, params);

const badRequest = new HttpErrorResponse({
  status: 400,
  error: {
    code: 'VALIDATION_FAILED',
    message: 'Dữ liệu không hợp lệ',
    details: [
      { field: 'fullName', code: 'REQUIRED', message: 'Nhập họ và tên' },
      { field: 'visits[1].weight', code: 'OUT_OF_RANGE', message: 'Cân nặng phải từ 30 đến 200 kg' },
      { field: 'facilityCode', code: 'NOT_FOUND', message: 'Không tìm thấy cơ sở' },
      { field: 'rows', code: 'X' },
    ],
  },
});

describe('describeFailure', () => {
  it('keeps the API’s code, message and well-formed field problems', () => {
    const failure = describeFailure(badRequest, t);
    expect(failure.code).toBe('VALIDATION_FAILED');
    expect(failure.message).toBe('Dữ liệu không hợp lệ');
    expect(failure.details.map((detail) => detail.field)).toEqual(['fullName', 'visits[1].weight', 'facilityCode']);
    expect(fieldMessage(failure, 'facilityCode')).toBe('Không tìm thấy cơ sở');
    expect(fieldMessage(null, 'facilityCode')).toBeNull();
  });

  it('says the server cannot be reached, or failed, in the console’s words', () => {
    expect(describeFailure(new HttpErrorResponse({ status: 0 }), t).message).toBe('Không kết nối được máy chủ');
    expect(describeFailure(new HttpErrorResponse({ status: 500, error: 'boom' }), t)).toEqual({
      code: null,
      message: 'Máy chủ gặp lỗi (mã 500)',
      details: [],
    });
    expect(describeFailure(new Error('bug'), t).message).toBe('Đã xảy ra lỗi không mong muốn');
  });
});

describe('applyFieldErrors', () => {
  it('puts each problem on its control, nested ones too, and returns the others for a banner', () => {
    const form = new FormGroup({
      fullName: new FormControl('', { validators: [Validators.required] }),
      visits: new FormArray([new FormGroup({ weight: new FormControl(40) }), new FormGroup({ weight: new FormControl(250) })]),
    });
    const unplaced = applyFieldErrors(form, describeFailure(badRequest, t));
    expect(unplaced).toEqual(['Không tìm thấy cơ sở']);
    const weight = form.controls.visits.at(1).controls.weight;
    expect(controlError(weight, {}, t)).toBe('Cân nặng phải từ 30 đến 200 kg');
    expect(weight.touched).toBe(true);
    // The API's message wins over the validator's; editing the field clears it.
    const fullName = form.controls.fullName;
    expect(controlError(fullName, { required: 'common.required' }, t)).toBe('Nhập họ và tên');
    fullName.setValue('');
    expect(controlError(fullName, { required: 'common.required' }, t)).toBe('Trường này là bắt buộc');
    fullName.setValue('Lò Thị Hương');
    expect(controlError(fullName, { required: 'common.required' }, t)).toBe('');
  });

  it('maps API field names to controls through aliases', () => {
    const form = new FormGroup({ facility: new FormControl('') });
    expect(applyFieldErrors(form, describeFailure(badRequest, t), { facilityCode: 'facility' })).toHaveLength(2);
    expect(controlError(form.controls.facility, {}, t)).toBe('Không tìm thấy cơ sở');
  });
});

describe('withBlobErrorBody', () => {
  it('reads the JSON error body of a failed download', async () => {
    const blob = new Blob([JSON.stringify({ code: 'TOO_MANY_ROWS', message: 'Quá nhiều dòng để xuất' })], { type: 'application/json' });
    const error = await withBlobErrorBody(new HttpErrorResponse({ status: 422, error: blob, headers: new HttpHeaders() }));
    expect(describeFailure(error, t).message).toBe('Quá nhiều dòng để xuất');
  });
});
