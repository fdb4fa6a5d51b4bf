import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { APP_CONFIG, loadAppConfig } from './config/app-config';
import { ErrorFilter } from './errors/error.filter';
import { HealthController } from './health/health.controller';
import { PrismaService } from './prisma/prisma.service';

/** Cross-cutting parts every subsystem module relies on: configuration, database, errors, health. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [{ provide: APP_CONFIG, useFactory: () => loadAppConfig() }, PrismaService, { provide: APP_FILTER, useClass: ErrorFilter }],
  exports: [APP_CONFIG, PrismaService],
})
export class CoreModule {}
