import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client';
import { AppConfig } from '../config/app-config';
import { extendWithScopeAndAudit } from './scoped-prisma';

/**
 * The database client every repository injects. It is a Prisma client extended with the scope
 * and audit mechanism (scoped-prisma.ts); query extensions keep the client's types, so it is
 * typed as a PrismaClient. `raw` is the unextended client, for the mechanism itself and for
 * security records (sessions, sign-in attempts) that have no facility owner.
 */
export abstract class PrismaService extends PrismaClient {
  abstract readonly raw: PrismaClient;
}

export function createPrismaService(config: AppConfig): PrismaService {
  const raw = new PrismaClient({
    adapter: new PrismaPg({ connectionString: config.databaseUrl }),
    log: config.logQueries ? ['query', 'warn', 'error'] : ['warn', 'error'],
  });
  const extended = extendWithScopeAndAudit(raw) as unknown as PrismaService;
  Object.defineProperty(extended, 'raw', { value: raw });
  return extended;
}

/** Closes the connection pool when the application shuts down. */
@Injectable()
export class PrismaLifecycle implements OnModuleDestroy {
  constructor(private readonly prisma: PrismaService) {}

  async onModuleDestroy(): Promise<void> {
    await this.prisma.raw.$disconnect();
  }
}
