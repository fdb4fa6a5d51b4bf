import { HttpContext, HttpResponse } from '@angular/common/http';
import { DOCUMENT, inject, Injectable } from '@angular/core';
import {
  Api,
  commitRegisterImport,
  discardRegisterImport,
  exportRegister,
  getRegisterExcelTemplate,
  getRegisterImport,
  getRegisterImportResult,
  RegisterImportDetailDto,
  importRegisterExcel,
  RegisterImportPageDto,
  listRegisterImports,
  RecordRegister,
} from '@skss/contract';
import { firstValueFrom, Observable } from 'rxjs';

export type ImportDetail = RegisterImportDetailDto;
export type ImportPage = RegisterImportPageDto;

/** The filters of a register view, as the export takes them. */
export interface ExportFilters {
  readonly month?: string;
  readonly facilityCode?: string;
  readonly q?: string;
}

/** The file name a download announces (`attachment; filename="…"`), or null. */
export function fileNameOf(disposition: string | null): string | null {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * Excel for the registers through the generated client: the template, the import (preview, commit or discard,
 * history, result file) and the export of a register view. Files come back as Blobs and are saved under the name the API gives them.
 */
@Injectable({ providedIn: 'root' })
export class ExcelApi {
  private readonly api = inject(Api);
  private readonly document = inject(DOCUMENT);

  async downloadTemplate(register: RecordRegister): Promise<void> {
    this.save(await firstValueFrom(this.api.invoke$Response(getRegisterExcelTemplate, { register })), `mau-nhap-${register}.xlsx`);
  }

  async downloadExport(register: RecordRegister, filters: ExportFilters): Promise<void> {
    this.save(await firstValueFrom(this.api.invoke$Response(exportRegister, { register, ...filters })), `${register}.xlsx`);
  }

  async downloadResult(register: RecordRegister, id: string): Promise<void> {
    this.save(await firstValueFrom(this.api.invoke$Response(getRegisterImportResult, { register, id })), `ket-qua-${register}.xlsx`);
  }

  /** Sends a file for checking (nothing is written yet); `context` reports the upload's progress. */
  preview(register: RecordRegister, file: File, context: HttpContext): Observable<ImportDetail> {
    return this.api.invoke(importRegisterExcel, { register, mode: 'preview', body: { file } }, context);
  }

  commit(register: RecordRegister, id: string, allOrNothing: boolean): Observable<ImportDetail> {
    return this.api.invoke(commitRegisterImport, { register, id, body: { allOrNothing } });
  }

  /** Discards a previewed import: nothing is written, the uploaded file is deleted. */
  discard(register: RecordRegister, id: string): Observable<ImportDetail> {
    return this.api.invoke(discardRegisterImport, { register, id });
  }

  get(register: RecordRegister, id: string): Observable<ImportDetail> {
    return this.api.invoke(getRegisterImport, { register, id });
  }

  history(register: RecordRegister, page: number, pageSize: number): Observable<ImportPage> {
    return this.api.invoke(listRegisterImports, { register, page, pageSize });
  }

  private save(response: HttpResponse<Blob>, fallback: string): void {
    const name = fileNameOf(response.headers.get('content-disposition')) ?? fallback;
    const blob = response.body;
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
