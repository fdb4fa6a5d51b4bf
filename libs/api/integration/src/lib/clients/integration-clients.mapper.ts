import { isIntegrationOperation } from '@skss/domain';
import type { IntegrationClientDto, IntegrationClientSummaryDto } from '../dto/integration-client.response.dto';
import type { ClientDetailRow, ClientSummaryRow } from './integration-clients.repository';

type ClientRow = Omit<ClientSummaryRow, '_count'>;

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** Never copies the secret hash: answers carry the secret only once, at creation or rotation. */
function toBase(row: ClientRow, facilityCount: number): IntegrationClientSummaryDto {
  return {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    system: row.system,
    operations: row.operations.filter(isIntegrationOperation),
    status: row.status,
    facilityCount,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    rotatedAt: iso(row.rotatedAt),
    revokedAt: iso(row.revokedAt),
  };
}

export function toClientSummaryDto(row: ClientSummaryRow): IntegrationClientSummaryDto {
  return toBase(row, row._count.facilities);
}

export function toClientDto(row: ClientDetailRow): IntegrationClientDto {
  const facilities = row.facilities
    .map((f) => ({ code: f.facility.code, name: f.facility.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { ...toBase(row, facilities.length), facilities };
}

/** What the audit trail keeps of an account: its configuration, without the list of facility rows. */
export function toAuditState(row: ClientDetailRow): Record<string, unknown> {
  const client: Partial<ClientDetailRow> = { ...row };
  delete client.facilities;
  return { ...client, facilityCodes: facilityCodesOf(row) };
}

export function facilityCodesOf(row: ClientDetailRow): string[] {
  return row.facilities.map((f) => f.facility.code).sort();
}
