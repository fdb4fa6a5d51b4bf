import { HttpContext, HttpEvent, HttpEventType, HttpHandlerFn, HttpRequest, HttpResponse, HttpXhrBackend } from '@angular/common/http';
import { Injector, runInInjectionContext } from '@angular/core';
import { formatFileSize } from '@skss/console/i18n';
import { firstValueFrom, from, of, toArray } from 'rxjs';
import { checkFile, extensionOf } from './file-check';
import { percentOf, UploadProgress, uploadProgressContext, uploadProgressInterceptor } from './upload-progress';

const size = (bytes: number) => formatFileSize(bytes, 'vi');
const MB = 1024 * 1024;

describe('checkFile', () => {
  it('accepts an Excel workbook within the limit, whatever the case of its extension', () => {
    expect(checkFile({ name: 'So-kham-thai-T3.XLSX', size: 200_000 }, ['.xlsx'], 10 * MB, size)).toBeNull();
    expect(extensionOf('bao-cao.thang.3.xlsx')).toBe('.xlsx');
    expect(extensionOf('.xlsx')).toBe('');
  });

  it('refuses another type, an empty file and a file over the limit, saying why', () => {
    expect(checkFile({ name: 'so.xls', size: 10 }, ['.xlsx'], MB, size)).toEqual({
      key: 'upload.wrongType',
      params: { name: 'so.xls', types: '.xlsx' },
    });
    expect(checkFile({ name: 'so.xlsx', size: 0 }, ['.xlsx'], MB, size)?.key).toBe('upload.empty');
    expect(checkFile({ name: 'so.xlsx', size: 15 * MB }, ['.xlsx'], 10 * MB, size)).toEqual({
      key: 'upload.tooLarge',
      params: { name: 'so.xlsx', size: '15 MB', max: '10 MB' },
    });
  });
});

describe('upload progress', () => {
  it('is a percentage once the size is known', () => {
    expect(percentOf({ loaded: 512, total: 2048 })).toBe(25);
    expect(percentOf({ loaded: 10, total: null })).toBeNull();
    expect(percentOf({ loaded: 3000, total: 2048 })).toBe(100);
  });

  /** An XMLHttpRequest backend that sends the body in two steps, then answers. */
  function fakeXhr() {
    const requests: HttpRequest<unknown>[] = [];
    const backend = {
      handle: (request: HttpRequest<unknown>) => {
        requests.push(request);
        const events: HttpEvent<unknown>[] = [
          { type: HttpEventType.Sent },
          { type: HttpEventType.UploadProgress, loaded: 50, total: 100 },
          { type: HttpEventType.UploadProgress, loaded: 100, total: 100 },
          new HttpResponse({ status: 201, body: { imported: 12 } }),
        ];
        return from(events);
      },
    };
    const injector = Injector.create({ providers: [{ provide: HttpXhrBackend, useValue: backend }] });
    return { injector, requests };
  }

  it('is reported for requests that ask for it, sent through XMLHttpRequest', async () => {
    const { injector, requests } = fakeXhr();
    const reports: UploadProgress[] = [];
    const request = new HttpRequest('POST', '/api/v1/imports', new FormData(), { context: uploadProgressContext((p) => reports.push(p)) });
    const next: HttpHandlerFn = () => {
      throw new Error('fetch cannot report upload progress');
    };
    const events = await firstValueFrom(runInInjectionContext(injector, () => uploadProgressInterceptor(request, next)).pipe(toArray()));
    expect(requests[0].reportProgress).toBe(true);
    expect(reports).toEqual([
      { loaded: 50, total: 100 },
      { loaded: 100, total: 100 },
    ]);
    expect(events.at(-1)).toBeInstanceOf(HttpResponse);
  });

  it('leaves every other request to the usual chain', async () => {
    const { injector, requests } = fakeXhr();
    const request = new HttpRequest('GET', '/api/v1/users', { context: new HttpContext() });
    const next: HttpHandlerFn = () => of(new HttpResponse({ status: 200 }));
    await firstValueFrom(runInInjectionContext(injector, () => uploadProgressInterceptor(request, next)));
    expect(requests).toEqual([]);
  });
});
