import { Module } from '@nestjs/common';
import { CatalogImportService } from './catalog-import.service';
import { CatalogsController } from './catalogs.controller';
import { CatalogsRepository } from './catalogs.repository';
import { CatalogsService } from './catalogs.service';

/** Catalogs (subsystem c): versioned code lists, read by everyone, kept by administrators. */
@Module({
  controllers: [CatalogsController],
  providers: [CatalogsRepository, CatalogsService, CatalogImportService],
})
export class CatalogsModule {}
