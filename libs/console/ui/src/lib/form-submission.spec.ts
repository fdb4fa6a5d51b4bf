import { HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, Injector, runInInjectionContext } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { CONSOLE_LOADERS } from '@skss/console/i18n';
import { FormSubmission, FormSubmissionOptions } from './form-submission';
import { I18n, TRANSLATION_LOADERS } from './i18n.service';

function setUp(options?: FormSubmissionOptions) {
  const injector = Injector.create({
    providers: [
      { provide: DOCUMENT, useValue: { documentElement: { lang: '' }, defaultView: null } },
      { provide: TRANSLATION_LOADERS, useValue: CONSOLE_LOADERS },
      { provide: I18n, useClass: I18n },
    ],
  });
  const form = new FormGroup({ closedOn: new FormControl<string | null>(null), facilityCode: new FormControl<string | null>(null) });
  const submission = runInInjectionContext(injector, () => new FormSubmission(form, options));
  return { form, submission };
}

const refused = {
  code: 'VALIDATION_FAILED',
  message: 'Dữ liệu chưa hợp lệ',
  details: [
    {
      field: 'closedOn',
      code: 'CLOSED_BEFORE_REGISTRATION',
      message: 'Ngày chuyển đi (05/01/2026) trước ngày đăng ký quản lý thai (12/01/2026)',
    },
    { field: 'facilityCode', code: 'OUT_OF_SCOPE', message: 'Cơ sở ngoài phạm vi' },
    { field: 'person', code: 'REQUIRED', message: 'Chọn người' },
  ],
};

describe('FormSubmission', () => {
  it('shows a failure found before sending as the API’s would be: on its controls, the rest for the banner', () => {
    const { form, submission } = setUp({ shownElsewhere: ['facilityCode'] });
    expect(submission.begin()).toBe(true);
    submission.refuse(refused);
    expect(submission.failure()).toBe(refused);
    expect(form.controls.closedOn.errors).toEqual({ api: refused.details[0].message });
    expect(form.controls.closedOn.touched).toBe(true);
    // Shown by the screen itself: neither on the form nor in the banner.
    expect(form.controls.facilityCode.errors).toBeNull();
    expect(submission.unplaced()).toEqual(['Chọn người']);
    expect(submission.begin()).toBe(true);
    expect([submission.failure(), submission.unplaced()]).toEqual([null, []]);
  });

  it('places the API’s refusal the same way and hands it to the screen', async () => {
    const { form, submission } = setUp();
    const failed = jest.fn();
    const done = jest.fn();
    const answer = new HttpErrorResponse({
      status: 400,
      error: { code: 'VALIDATION_FAILED', message: refused.message, details: refused.details },
    });
    await submission.send(() => Promise.reject(answer), done, failed);
    expect(done).not.toHaveBeenCalled();
    expect(failed).toHaveBeenCalledWith(expect.objectContaining({ code: 'VALIDATION_FAILED', message: refused.message }));
    expect(form.controls.closedOn.errors).toEqual({ api: refused.details[0].message });
    expect(form.controls.facilityCode.errors).toEqual({ api: 'Cơ sở ngoài phạm vi' });
    expect(submission.unplaced()).toEqual(['Chọn người']);
    expect(submission.submitting()).toBe(false);
  });
});
