import { Module } from '@nestjs/common';
import { RecordsContext } from '../shared/records-context';
import { RegisterBulkModule } from './register-bulk.module';
import { RegisterExcelController } from './register-excel.controller';
import { RegisterExportService } from './register-export.service';
import { RegisterImportService } from './register-import.service';
import { ExcelUploadInterceptor } from './upload.interceptor';

/**
 * Excel for the clinical registers: template, import (preview, commit, history, result file) and
 * export. Imported before ClinicalRecordsModule by the application, so that its literal paths
 * (`{register}/imports`, `{register}/excel-template`) are routed before `{register}/{id}`.
 */
@Module({
  imports: [RegisterBulkModule],
  controllers: [RegisterExcelController],
  providers: [RecordsContext, RegisterImportService, RegisterExportService, ExcelUploadInterceptor],
})
export class RegisterExcelModule {}
