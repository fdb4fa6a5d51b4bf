import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, FileUpload, FormFile, RequirePermissions, SignedInRoutes } from '@skss/api/core';
import { CatalogImportService, UploadedCatalogFile } from './catalog-import.service';
import { CatalogsService } from './catalogs.service';
import {
  AddCatalogItemDto,
  CatalogCodeParamDto,
  CatalogItemParamDto,
  CatalogsQueryDto,
  ImportCatalogDto,
  ListCatalogItemsQueryDto,
  RelabelCatalogItemDto,
  RetireCatalogItemDto,
} from './dto/catalog.request.dto';
import {
  CatalogImportResultDto,
  CatalogItemHistoryDto,
  CatalogItemPageDto,
  CatalogListDto,
  IMPORT_BODY_SCHEMA,
} from './dto/catalog.response.dto';
import { CATALOG_IMPORT_LIMITS, fileTooLarge, uploadInvalid } from './import/catalog-file';

/** The file of a catalog import, with `validFrom` beside it; a larger file is refused while it streams in. */
const CatalogFileUpload = FileUpload({
  limits: { fileSize: CATALOG_IMPORT_LIMITS.maxFileBytes + 1, fields: 5, parts: 6 },
  tooLarge: fileTooLarge,
  badUpload: uploadInvalid,
});

/**
 * Catalogs (subsystem c). Reading is open to every signed-in user: the lists are reference data
 * that entry forms, imports and reports all need. Changes need catalogs.manage.
 */
@SignedInRoutes()
@ApiTags('catalogs')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Changes: missing catalogs.manage' })
@Controller('catalogs')
export class CatalogsController {
  constructor(
    private readonly catalogs: CatalogsService,
    private readonly imports: CatalogImportService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listCatalogs', summary: 'Every catalog, with the number of items valid on a day' })
  @ApiOkResponse({ type: CatalogListDto })
  listCatalogs(@Query() { at }: CatalogsQueryDto): Promise<CatalogListDto> {
    return this.catalogs.listCatalogs(at);
  }

  @Get(':code/items')
  @ApiOperation({ operationId: 'listCatalogItems', summary: 'Items of a catalog valid on a day, searchable without diacritics, paginated' })
  @ApiOkResponse({ type: CatalogItemPageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CATALOG_NOT_FOUND' })
  listCatalogItems(@Param() { code }: CatalogCodeParamDto, @Query() query: ListCatalogItemsQueryDto): Promise<CatalogItemPageDto> {
    return this.catalogs.listItems(code, query);
  }

  @Get(':code/items/:itemCode/history')
  @ApiOperation({ operationId: 'getCatalogItemHistory', summary: 'Every version of an item, with the days each was valid' })
  @ApiOkResponse({ type: CatalogItemHistoryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CATALOG_NOT_FOUND, CATALOG_ITEM_NOT_FOUND' })
  getCatalogItemHistory(@Param() { code, itemCode }: CatalogItemParamDto): Promise<CatalogItemHistoryDto> {
    return this.catalogs.history(code, itemCode);
  }

  @Post(':code/items')
  @RequirePermissions('catalogs.manage')
  @ApiOperation({ operationId: 'addCatalogItem', summary: 'Add a code, valid from a day' })
  @ApiCreatedResponse({ type: CatalogItemHistoryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CATALOG_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CATALOG_FIXED, CATALOG_ITEM_EXISTS' })
  addCatalogItem(@Param() { code }: CatalogCodeParamDto, @Body() dto: AddCatalogItemDto): Promise<CatalogItemHistoryDto> {
    return this.catalogs.addItem(code, dto);
  }

  @Post(':code/items/:itemCode/relabel')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('catalogs.manage')
  @ApiOperation({
    operationId: 'relabelCatalogItem',
    summary: 'Change an item’s label from a day: the version in force ends the day before, a new one opens',
  })
  @ApiOkResponse({ type: CatalogItemHistoryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CATALOG_NOT_FOUND, CATALOG_ITEM_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CATALOG_ITEM_NOT_IN_FORCE' })
  relabelCatalogItem(@Param() { code, itemCode }: CatalogItemParamDto, @Body() dto: RelabelCatalogItemDto): Promise<CatalogItemHistoryDto> {
    return this.catalogs.relabelItem(code, itemCode, dto);
  }

  @Post(':code/items/:itemCode/retire')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('catalogs.manage')
  @ApiOperation({ operationId: 'retireCatalogItem', summary: 'Stop using a code from a day (earlier days keep it)' })
  @ApiOkResponse({ type: CatalogItemHistoryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CATALOG_NOT_FOUND, CATALOG_ITEM_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CATALOG_FIXED, CATALOG_ITEM_RETIRED' })
  retireCatalogItem(@Param() { code, itemCode }: CatalogItemParamDto, @Body() dto: RetireCatalogItemDto): Promise<CatalogItemHistoryDto> {
    return this.catalogs.retireItem(code, itemCode, dto);
  }

  @Post(':code/import')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('catalogs.manage')
  @UseInterceptors(CatalogFileUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: IMPORT_BODY_SCHEMA })
  @ApiOperation({
    operationId: 'importCatalogItems',
    summary: 'Import a catalog’s items from an .xlsx or .csv, all or nothing: new codes are added, changed labels versioned',
    description:
      'Every row is validated first; one problem refuses the whole file (400 IMPORT_INVALID) with each problem as ' +
      '`details[]` (`field` = `rows.<row number>.<column>`). Codes the file does not list are left as they are. ' +
      'A fixed catalog only takes new labels.',
  })
  @ApiOkResponse({ type: CatalogImportResultDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CATALOG_NOT_FOUND' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'FILE_TOO_LARGE' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'IMPORT_FILE_TYPE' })
  importCatalogItems(
    @Param() { code }: CatalogCodeParamDto,
    @Body() { validFrom }: ImportCatalogDto,
    @FormFile() file: UploadedCatalogFile | undefined,
  ): Promise<CatalogImportResultDto> {
    return this.imports.importItems(code, validFrom, file);
  }
}
