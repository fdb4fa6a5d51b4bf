import { Controller, Get, HttpCode, HttpStatus, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../access/access.decorators';
import { PrismaService } from '../prisma/prisma.service';

class DatabaseHealthDto {
  @ApiProperty({ enum: ['up', 'down'], enumName: 'DatabaseState' })
  status!: 'up' | 'down';

  @ApiProperty({ type: 'integer', required: false, description: 'Round-trip time of a trivial query' })
  latencyMs?: number;

  @ApiProperty({ type: 'integer', required: false, description: 'Migrations recorded as applied' })
  migrations?: number;
}

class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'], enumName: 'HealthStatus' })
  status!: 'ok' | 'degraded';

  @ApiProperty({ type: DatabaseHealthDto })
  database!: DatabaseHealthDto;
}

@Public()
@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  @Get()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'getHealth', summary: 'Liveness and database state (for monitoring)' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async check(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthDto> {
    const started = Date.now();
    try {
      const rows = await this.prisma.$queryRaw<
        { count: bigint }[]
      >`SELECT count(*) AS count FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
      return { status: 'ok', database: { status: 'up', latencyMs: Date.now() - started, migrations: Number(rows[0]?.count ?? 0) } };
    } catch {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'degraded', database: { status: 'down' } };
    }
  }
}
