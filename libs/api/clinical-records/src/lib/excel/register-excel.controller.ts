import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import {
  CurrentUser,
  DomainError,
  ErrorResponseDto,
  FormFile,
  notXlsx,
  RequirePermissions,
  SignedInRoutes,
  UserPrincipal,
  XLSX_CONTENT_TYPE,
} from '@skss/api/core';
import { foldVietnamese } from '@skss/domain';
import { RecordsContext } from '../shared/records-context';
import {
  CommitRegisterImportDto,
  ExcelRegisterParamDto,
  RegisterImportDetailDto,
  RegisterImportPageDto,
  ListRegisterImportsQueryDto,
  RegisterExportQueryDto,
  RegisterImportParamDto,
  RegisterImportQueryDto,
} from './dto/register-excel.dto';
import { excelLayout } from './excel-layout';
import { buildTemplate } from './excel-template';
import { writeImportResult } from './import-result';
import { RegisterExportService } from './register-export.service';
import { IMPORT_LIMITS, RegisterImportService, UploadedFile } from './register-import.service';
import { ExcelUploadInterceptor } from './upload.interceptor';

const attachment = (name: string) => `attachment; filename="${name}"`;

/**
 * Excel for every register (issue 6 §8): the import template, the import (preview, commit,
 * history, result file) and the export of a register view.
 */
@SignedInRoutes()
@ApiTags('clinical-records')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Missing permission, or outside the write scope (OUT_OF_SCOPE)' })
@Controller('clinical-records/:register')
export class RegisterExcelController {
  constructor(
    private readonly imports: RegisterImportService,
    private readonly exports: RegisterExportService,
    private readonly records: RecordsContext,
  ) {}

  @Get('excel-template')
  @RequirePermissions('records.enter')
  @ApiOperation({
    operationId: 'getRegisterExcelTemplate',
    summary: 'The import template of a register: Vietnamese headers, drop-downs for code lists, an instructions sheet',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async template(@Param() { register }: ExcelRegisterParamDto, @Res({ passthrough: true }) res: FastifyReply): Promise<StreamableFile> {
    const file = await buildTemplate(excelLayout(register), (await this.records.catalogs()) ?? {}, IMPORT_LIMITS);
    res.header('Cache-Control', 'no-store');
    return new StreamableFile(file, { type: XLSX_CONTENT_TYPE, disposition: attachment(`mau-nhap-${register}.xlsx`) });
  }

  @Get('export.xlsx')
  @RequirePermissions('records.read')
  @ApiOperation({
    operationId: 'exportRegister',
    summary:
      'The rows of a register view (the list’s filters) as an Excel file, streamed; identifiers masked without data.export; audited (EXPORT)',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async export(
    @Param() { register }: ExcelRegisterParamDto,
    @Query() query: RegisterExportQueryDto,
    @CurrentUser() user: UserPrincipal,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const prepared = await this.exports.prepare(register, query, user);
    const output = new PassThrough();
    prepared.write(output).catch((error: unknown) => output.destroy(error as Error));
    res.header('Cache-Control', 'no-store');
    return new StreamableFile(output, { type: XLSX_CONTENT_TYPE, disposition: attachment(prepared.fileName) });
  }

  @Post('imports')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('records.enter')
  @UseInterceptors(ExcelUploadInterceptor)
  @ApiOperation({
    operationId: 'importRegisterExcel',
    summary:
      'Upload an .xlsx file (≤ 20 MB, ≤ 100,000 rows): every row validated, the file and each row’s outcome kept; preview the problems per row and cell, or commit at once (mode=commit)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: RegisterImportDetailDto })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'FILE_TOO_LARGE' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'IMPORT_HAS_ERRORS (mode=commit with allOrNothing)' })
  @ApiServiceUnavailableResponse({
    type: ErrorResponseDto,
    description: 'IMPORT_BUSY: another file is being imported; try again in a few minutes',
  })
  async upload(
    @Param() { register }: ExcelRegisterParamDto,
    @Query() query: RegisterImportQueryDto,
    @FormFile() file: UploadedFile | undefined,
  ): Promise<RegisterImportDetailDto> {
    if (!file) throw new DomainError('FILE_REQUIRED', 'Chưa có tệp Excel (.xlsx) trong trường "file" của biểu mẫu tải lên', 400);
    // The name must say what the content is (ASVS 5.2.2); the content itself is checked before parsing.
    if (!/\.xlsx$/i.test(file.originalname)) throw notXlsx('tên tệp phải có đuôi .xlsx');
    const preview = await this.imports.preview(register, file, query.facilityCode);
    return query.mode === 'commit' ? this.imports.commit(register, preview.id, query.allOrNothing) : preview;
  }

  @Get('imports')
  @RequirePermissions('records.enter')
  @ApiOperation({ operationId: 'listRegisterImports', summary: 'Excel imports of a register, newest first (within the caller’s scope)' })
  @ApiOkResponse({ type: RegisterImportPageDto })
  list(@Param() { register }: ExcelRegisterParamDto, @Query() query: ListRegisterImportsQueryDto): Promise<RegisterImportPageDto> {
    return this.imports.list(register, query.page, query.pageSize);
  }

  @Get('imports/:id')
  @RequirePermissions('records.enter')
  @ApiOperation({ operationId: 'getRegisterImport', summary: 'One import: its counts and the problems per row and cell' })
  @ApiOkResponse({ type: RegisterImportDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param() { register, id }: RegisterImportParamDto): Promise<RegisterImportDetailDto> {
    return this.imports.detail(register, id);
  }

  @Post('imports/:id/commit')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('records.enter')
  @ApiOperation({
    operationId: 'commitRegisterImport',
    summary:
      'Write the valid rows of a previewed import (set-based, idempotent: rows imported before are updated); allOrNothing: none if any row is bad',
  })
  @ApiOkResponse({ type: RegisterImportDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'IMPORT_NOT_PENDING (committed already), IMPORT_DISCARDED' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'IMPORT_HAS_ERRORS (allOrNothing with rows in error)' })
  @ApiServiceUnavailableResponse({
    type: ErrorResponseDto,
    description: 'IMPORT_BUSY: another file is being imported; try again in a few minutes',
  })
  commit(@Param() { register, id }: RegisterImportParamDto, @Body() body: CommitRegisterImportDto): Promise<RegisterImportDetailDto> {
    return this.imports.commit(register, id, body.allOrNothing ?? false);
  }

  @Post('imports/:id/discard')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('records.enter')
  @ApiOperation({
    operationId: 'discardRegisterImport',
    summary:
      'Discard a previewed import that will not be committed: nothing is written, the stored file and row outcomes are deleted; audited',
  })
  @ApiOkResponse({ type: RegisterImportDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'IMPORT_DISCARDED (discarded already), IMPORT_NOT_PENDING (committed already)',
  })
  discard(@Param() { register, id }: RegisterImportParamDto): Promise<RegisterImportDetailDto> {
    return this.imports.discard(register, id);
  }

  @Get('imports/:id/result.xlsx')
  @RequirePermissions('records.enter')
  @ApiOperation({ operationId: 'getRegisterImportResult', summary: 'The imported file’s rows with each row’s outcome and error messages' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'IMPORT_DISCARDED: the file was deleted when the import was discarded' })
  async result(@Param() { register, id }: RegisterImportParamDto, @Res({ passthrough: true }) res: FastifyReply): Promise<StreamableFile> {
    const { found, file, outcomes } = await this.imports.fileWithOutcomes(register, id);
    const output = new PassThrough();
    writeImportResult(output, excelLayout(register), file, IMPORT_LIMITS, outcomes).catch((error: unknown) =>
      output.destroy(error as Error),
    );
    res.header('Cache-Control', 'no-store');
    // Header values are Latin-1: the stored name is folded to ASCII.
    const name =
      foldVietnamese(found.fileName.replace(/\.xlsx$/i, ''))
        .replace(/[^a-z0-9._-]+/g, '-')
        .slice(0, 80) || 'tep';
    return new StreamableFile(output, { type: XLSX_CONTENT_TYPE, disposition: attachment(`ket-qua-${name}.xlsx`) });
  }
}
