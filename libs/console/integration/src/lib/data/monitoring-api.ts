import { inject, Injectable } from '@angular/core';
import {
  Api,
  getInboundMonitoring,
  getOutboundMonitoring,
  InboundMonitoringDto,
  listOutboxItems,
  OutboundMonitoringDto,
  OutboxDestination,
  OutboxItemDto,
  OutboxItemPageDto,
  OutboxStatus,
  resendDeadOutboxItems,
  resendOutboxItem,
  ResendResultDto,
} from '@skss/contract';
import { Observable } from 'rxjs';

/** What the inbound page asks for: the days of per-day counts, and after how many days a facility counts as silent. */
export interface InboundQuery {
  readonly days: number;
  /** Null: the deployment's default (MONITORING_SILENT_DAYS), which the answer states. */
  readonly silentDays: number | null;
}

/** A page of the outbox, filtered by destination and status (null: all). */
export interface OutboxQuery {
  /** 1-based, as the API counts. */
  readonly page: number;
  readonly pageSize: number;
  readonly destination: OutboxDestination | null;
  readonly status: OutboxStatus | null;
}

/** The monitoring screens' calls, all through the generated client (`@skss/contract`). */
@Injectable({ providedIn: 'root' })
export class MonitoringApi {
  private readonly api = inject(Api);

  inbound(query: InboundQuery): Observable<InboundMonitoringDto> {
    return this.api.invoke(getInboundMonitoring, { days: query.days, silentDays: query.silentDays ?? undefined });
  }

  outbound(): Observable<OutboundMonitoringDto> {
    return this.api.invoke(getOutboundMonitoring);
  }

  outbox(query: OutboxQuery): Observable<OutboxItemPageDto> {
    return this.api.invoke(listOutboxItems, {
      page: query.page,
      pageSize: query.pageSize,
      destination: query.destination ?? undefined,
      status: query.status ?? undefined,
    });
  }

  resend(id: string): Observable<OutboxItemDto> {
    return this.api.invoke(resendOutboxItem, { id });
  }

  resendDead(destination: OutboxDestination): Observable<ResendResultDto> {
    return this.api.invoke(resendDeadOutboxItems, { body: { destination } });
  }
}
