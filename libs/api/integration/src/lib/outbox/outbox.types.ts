import type { OutboxDestination } from '@skss/api/core';

/** Destinations of the outbox: the database enum outbox_destination. */
export const OUTBOX_DESTINATIONS = ['DHIS2', 'FHIR', 'EHANDBOOK'] as const satisfies readonly OutboxDestination[];

/** The kinds of item, each delivered by the sender of its destination. */
export const OUTBOX_KINDS = {
  /** An approved report's values → DHIS2 POST /api/dataValueSets. */
  dhis2DataValueSet: 'dhis2.dataValueSet',
  /** A person or register row changed → the EHR repository as a FHIR R4 transaction bundle (written by triggers). */
  fhirRecord: 'fhir.record',
  /** The e-handbook's change feed has new data → its webhook. */
  ehandbookNotify: 'ehandbook.notify',
} as const;

/** What the scheduler hands a sender: the newest due item of one subject (older ones of the subject ride along). */
export interface OutboxItemRow {
  id: string;
  destination: OutboxDestination;
  kind: string;
  subject: string;
  facilityId: number | null;
  payload: Record<string, unknown>;
  attempts: number;
}

/** The outcome of one delivery. `permanent`: retrying the same item cannot succeed (dead-letter at once). */
export type DeliveryOutcome = { ok: true; response?: unknown } | { ok: false; error: string; permanent?: boolean; response?: unknown };

/** Delivers the items of one destination. */
export interface OutboxSender {
  readonly destination: OutboxDestination;
  /** The destination is configured; unconfigured destinations keep their items pending. */
  configured(): boolean;
  /** When newly announced items are released to delivery (cron, Vietnam time). */
  schedule(): string;
  deliver(item: OutboxItemRow, idempotencyKey: string): Promise<DeliveryOutcome>;
}

export const OUTBOX_SENDERS = Symbol('OUTBOX_SENDERS');
