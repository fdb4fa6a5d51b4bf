import { Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuditService } from './audit/audit.service';
import { APP_CONFIG, AppConfig, loadAppConfig } from './config/app-config';
import { ErrorFilter } from './errors/error.filter';
import { HealthController } from './health/health.controller';
import { Metrics } from './metrics/metrics';
import { createPrismaService, PrismaLifecycle, PrismaService } from './prisma/prisma.service';
import { RetentionJob } from './retention/retention';

/** Cross-cutting parts every subsystem module relies on: configuration, database, scope, audit, retention, metrics, errors, health. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadAppConfig() },
    { provide: PrismaService, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createPrismaService(config) },
    PrismaLifecycle,
    AuditService,
    RetentionJob,
    Metrics,
    { provide: APP_FILTER, useClass: ErrorFilter },
  ],
  exports: [APP_CONFIG, PrismaService, AuditService, RetentionJob, Metrics],
})
export class CoreModule {}
