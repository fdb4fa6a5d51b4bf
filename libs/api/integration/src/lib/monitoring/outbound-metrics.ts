import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { Metrics, PrismaService } from '@skss/api/core';

/**
 * The outbound integration's metrics, in the instance's registry (core's Metrics, GET /api/metrics): delivery counters kept in memory, and
 * gauges of the outbox, the feed and the inbound flows read from the database at each scrape (the
 * same for every instance: alert on them once, not per instance).
 */
@Injectable()
export class OutboundMetrics {
  private readonly deliveries: Counter<'destination' | 'outcome'>;
  private readonly deathPulls: Counter<'outcome'>;

  constructor(
    private readonly prisma: PrismaService,
    metrics: Metrics,
  ) {
    const registry = metrics.registry;
    this.deliveries = new Counter({
      name: 'skss_outbox_deliveries_total',
      help: 'Outbox items this instance delivered or failed to deliver, by destination and outcome',
      labelNames: ['destination', 'outcome'] as const,
      registers: [registry],
    });
    this.deathPulls = new Counter({
      name: 'skss_dhis2_death_events_total',
      help: 'Death events pulled from DHIS2 by this instance, by outcome',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    const items = new Gauge({
      name: 'skss_outbox_items',
      help: 'Outbox items by destination and status (pending includes those waiting for a retry)',
      labelNames: ['destination', 'status'] as const,
      registers: [registry],
      collect: () => refresh(),
    });
    const retrying = new Gauge({
      name: 'skss_outbox_retrying_items',
      help: 'Pending outbox items that failed at least once',
      labelNames: ['destination'] as const,
      registers: [registry],
      collect: () => refresh(),
    });
    const oldest = new Gauge({
      name: 'skss_outbox_oldest_pending_seconds',
      help: 'Age of the oldest pending outbox item',
      labelNames: ['destination'] as const,
      registers: [registry],
      collect: () => refresh(),
    });
    const lastSuccess = new Gauge({
      name: 'skss_outbox_last_success_timestamp_seconds',
      help: 'When an item of the destination was last delivered (Unix time)',
      labelNames: ['destination'] as const,
      registers: [registry],
      collect: () => refresh(),
    });
    const inbound = new Gauge({
      name: 'skss_inbound_last_received_timestamp_seconds',
      help: 'When each inbound source last delivered data (Unix time)',
      labelNames: ['source'] as const,
      registers: [registry],
      collect: () => refresh(),
    });
    const db = this.prisma.raw;
    // Every database gauge collects through one shared read per scrape (prom-client collects them concurrently).
    let reading: Promise<void> | null = null;
    const refresh = (): Promise<void> => (reading ??= readDatabase().finally(() => (reading = null)));
    const readDatabase = async () => {
      const [counts, sources] = await Promise.all([
        db.$queryRaw<
          { destination: string; status: string; n: number; retrying: number; oldest: number | null; delivered: number | null }[]
        >`
          SELECT destination::text, status::text, count(*)::int AS n,
                 count(*) FILTER (WHERE attempts > 0)::int AS retrying,
                 extract(epoch FROM now() - min(created_at))::float8 AS oldest,
                 extract(epoch FROM max(delivered_at))::float8 AS delivered
          FROM outbox_item GROUP BY 1, 2`,
        db.$queryRaw<{ source: string; at: number | null }[]>`
          SELECT 'dhis2-deaths' AS source, extract(epoch FROM last_success_at)::float8 AS at FROM integration_sync_state WHERE key = 'dhis2.deaths'`,
      ]);
      items.reset();
      retrying.reset();
      oldest.reset();
      lastSuccess.reset();
      for (const row of counts) {
        items.set({ destination: row.destination, status: row.status }, row.n);
        if (row.status === 'PENDING') {
          retrying.set({ destination: row.destination }, row.retrying);
          oldest.set({ destination: row.destination }, row.oldest ?? 0);
        }
        if (row.status === 'DELIVERED' && row.delivered) lastSuccess.set({ destination: row.destination }, row.delivered);
      }
      for (const row of sources) if (row.at) inbound.set({ source: row.source }, row.at);
    };
  }

  delivered(destination: string, count: number): void {
    this.deliveries.inc({ destination, outcome: 'delivered' }, count);
  }

  failed(destination: string, count: number, dead: boolean): void {
    this.deliveries.inc({ destination, outcome: dead ? 'dead' : 'failed' }, count);
  }

  deathEvents(outcome: string, count: number): void {
    if (count > 0) this.deathPulls.inc({ outcome }, count);
  }
}
