import { Controller, Get, Headers, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig, DomainError, InjectAppConfig, Metrics, Public } from '@skss/api/core';

/**
 * GET /api/metrics: Prometheus text format for operations (docs/operations/integration.md). Off
 * unless METRICS_TOKEN is set; the scraper sends it as a bearer token. Not versioned and not in the
 * OpenAPI document: it is for the monitoring system, not for API clients.
 */
@ApiExcludeController()
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  async getMetrics(@Headers('authorization') authorization: string | undefined, @Res() res: FastifyReply): Promise<void> {
    const token = this.config.outbound.metricsToken;
    if (!token) throw new DomainError('METRICS_DISABLED', 'Chưa bật số liệu giám sát (METRICS_TOKEN)', 404);
    const presented = Buffer.from(authorization?.replace(/^Bearer\s+/i, '') ?? '');
    const expected = Buffer.from(token);
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      res.header('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new DomainError('UNAUTHORIZED', 'Thiếu hoặc sai mã truy cập số liệu giám sát', 401);
    }
    const { contentType, body } = await this.metrics.text();
    res.header('content-type', contentType);
    void res.send(body);
  }
}
