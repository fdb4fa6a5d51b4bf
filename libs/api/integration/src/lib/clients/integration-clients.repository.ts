import { Injectable } from '@nestjs/common';
import { ExternalSystem, findPage, Page, Prisma, PrismaService } from '@skss/api/core';

export interface FacilityRef {
  id: number;
  code: string;
  name: string;
}

export interface ClientFilter {
  system?: ExternalSystem;
  status?: 'active' | 'disabled';
}

export interface NewClient {
  clientId: string;
  name: string;
  system: ExternalSystem;
  secretHash: string;
  operations: string[];
}

export interface ClientChanges {
  name?: string;
  operations?: string[];
  /** Replaces the facilities when given. */
  facilityIds?: number[];
}

const clientDetail = {
  facilities: { include: { facility: { select: { id: true, code: true, name: true } } } },
} satisfies Prisma.IntegrationClientInclude;

const clientSummary = { _count: { select: { facilities: true } } } satisfies Prisma.IntegrationClientInclude;

export type ClientDetailRow = Prisma.IntegrationClientGetPayload<{ include: typeof clientDetail }>;
export type ClientSummaryRow = Prisma.IntegrationClientGetPayload<{ include: typeof clientSummary }>;

/** Rows in force on a day (both bounds inclusive, null = open-ended). */
const validOn = (day: Date) => ({
  AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ validTo: null }, { validTo: { gte: day } }] }],
});

/**
 * The only place that reads and writes integration_client and integration_client_facility
 * (reads of facility and admin_unit are for resolving the facilities an account may send for).
 * Writes go through the audited client, except the secret rotation, which the service records
 * as its own SECRET_ROTATED event.
 */
@Injectable()
export class IntegrationClientsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findPage(filter: ClientFilter, skip: number, take: number): Promise<Page<ClientSummaryRow>> {
    const where: Prisma.IntegrationClientWhereInput = {
      ...(filter.system ? { system: filter.system } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    return findPage(
      { skip, take },
      (range) =>
        this.prisma.integrationClient.findMany({
          where,
          include: clientSummary,
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          ...range,
        }),
      () => this.prisma.integrationClient.count({ where }),
    );
  }

  findByClientId(clientId: string): Promise<ClientDetailRow | null> {
    return this.prisma.integrationClient.findUnique({ where: { clientId }, include: clientDetail });
  }

  create(client: NewClient, facilityIds: number[]): Promise<ClientDetailRow> {
    return this.prisma.integrationClient.create({
      data: { ...client, facilities: { create: facilityIds.map((facilityId) => ({ facilityId })) } },
      include: clientDetail,
    });
  }

  update(id: string, changes: ClientChanges): Promise<ClientDetailRow> {
    return this.prisma.integrationClient.update({
      where: { id },
      data: {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.operations !== undefined ? { operations: changes.operations } : {}),
        ...(changes.facilityIds !== undefined
          ? { facilities: { deleteMany: {}, create: changes.facilityIds.map((facilityId) => ({ facilityId })) } }
          : {}),
      },
      include: clientDetail,
    });
  }

  revoke(id: string, at: Date): Promise<ClientDetailRow> {
    return this.prisma.integrationClient.update({ where: { id }, data: { status: 'disabled', revokedAt: at }, include: clientDetail });
  }

  /** Replaces the secret hash; the old secret stops working with this write. */
  rotateSecret(id: string, secretHash: string, at: Date): Promise<ClientDetailRow> {
    return this.prisma.raw.integrationClient.update({ where: { id }, data: { secretHash, rotatedAt: at }, include: clientDetail });
  }

  findFacilitiesByCodesOn(codes: string[], day: Date): Promise<FacilityRef[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.prisma.facility.findMany({ where: { code: { in: codes }, ...validOn(day) }, select: { id: true, code: true, name: true } });
  }

  /** The province in force on a day with this code, or null. */
  findProvinceOn(code: string, day: Date): Promise<{ id: number } | null> {
    return this.prisma.adminUnit.findFirst({ where: { code, level: 'province', ...validOn(day) }, select: { id: true } });
  }

  /** Facilities in force on a day located in the province or any unit below it. */
  findFacilitiesInProvinceOn(provinceId: number, day: Date): Promise<FacilityRef[]> {
    return this.prisma.facility.findMany({
      where: {
        ...validOn(day),
        adminUnit: { OR: [{ id: provinceId }, { parentId: provinceId }, { parent: { parentId: provinceId } }] },
      },
      select: { id: true, code: true, name: true },
    });
  }
}
