import { Injectable } from '@nestjs/common';
import { AuditService, ClientPrincipal, DomainError, FieldError, NotFoundError } from '@skss/api/core';
import { isIntegrationOperation, parseIsoDate, todayInVietnam } from '@skss/domain';
import {
  CreateIntegrationClientDto,
  ListIntegrationClientsQueryDto,
  UpdateIntegrationClientDto,
} from '../dto/integration-client.request.dto';
import {
  IntegrationClientDto,
  IntegrationClientPageDto,
  IntegrationClientSecretDto,
  IntegrationWhoamiDto,
} from '../dto/integration-client.response.dto';
import { newClientId, newClientSecret } from './client-secret';
import { facilityCodesOf, toAuditState, toClientDto, toClientSummaryDto } from './integration-clients.mapper';
import { ClientDetailRow, FacilityRef, IntegrationClientsRepository } from './integration-clients.repository';

const notFound = (clientId: string) => new NotFoundError('INTEGRATION_CLIENT_NOT_FOUND', `Không tìm thấy tài khoản tích hợp ${clientId}`);

/**
 * Integration accounts of external systems (Điều 5, 11-14), configured by NCHI: which system,
 * which operations, for which facilities; the secret is shown once and stored hashed.
 */
@Injectable()
export class IntegrationClientsService {
  constructor(
    private readonly clients: IntegrationClientsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListIntegrationClientsQueryDto): Promise<IntegrationClientPageDto> {
    const { rows, total } = await this.clients.findPage(
      { system: query.system, status: query.status },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return { items: rows.map(toClientSummaryDto), page: query.page, pageSize: query.pageSize, total };
  }

  async get(clientId: string): Promise<IntegrationClientDto> {
    return toClientDto(await this.require(clientId));
  }

  async create(dto: CreateIntegrationClientDto): Promise<IntegrationClientSecretDto> {
    const facilities = await this.resolveFacilities(dto.facilityCodes, dto.provinceCode);
    const { secret, hash } = newClientSecret();
    const row = await this.clients.create(
      { clientId: newClientId(dto.system), name: dto.name, system: dto.system, secretHash: hash, operations: dto.operations },
      facilities.map((f) => f.id),
    );
    return { client: toClientDto(row), clientSecret: secret };
  }

  async update(clientId: string, dto: UpdateIntegrationClientDto): Promise<IntegrationClientDto> {
    const current = this.requireActive(await this.require(clientId));
    const replacesFacilities = dto.facilityCodes !== undefined || dto.provinceCode !== undefined;
    const facilities = replacesFacilities ? await this.resolveFacilities(dto.facilityCodes, dto.provinceCode) : undefined;
    const updated = await this.clients.update(current.id, {
      name: dto.name,
      operations: dto.operations,
      facilityIds: facilities?.map((f) => f.id),
    });
    const before = facilityCodesOf(current);
    const after = facilityCodesOf(updated);
    if (before.join() !== after.join()) {
      await this.audit.record({
        action: 'SCOPE_CHANGE',
        entityType: 'IntegrationClient',
        entityId: current.id,
        before: { facilityCodes: before },
        after: { facilityCodes: after },
        details: { clientId },
      });
    }
    return toClientDto(updated);
  }

  /** A new secret, shown once; the old one stops working at once. */
  async rotateSecret(clientId: string): Promise<IntegrationClientSecretDto> {
    const current = this.requireActive(await this.require(clientId));
    const { secret, hash } = newClientSecret();
    const rotated = await this.clients.rotateSecret(current.id, hash, new Date());
    await this.audit.record({
      action: 'SECRET_ROTATED',
      entityType: 'IntegrationClient',
      entityId: current.id,
      before: toAuditState(current),
      after: toAuditState(rotated),
      details: { clientId },
    });
    return { client: toClientDto(rotated), clientSecret: secret };
  }

  /** Disables the account for good: it cannot authenticate any more. */
  async revoke(clientId: string): Promise<IntegrationClientDto> {
    const current = this.requireActive(await this.require(clientId));
    return toClientDto(await this.clients.revoke(current.id, new Date()));
  }

  /** What the calling integration account is allowed, as it authenticated. */
  async whoami(principal: ClientPrincipal): Promise<IntegrationWhoamiDto> {
    const row = await this.require(principal.clientId);
    return {
      clientId: row.clientId,
      system: row.system,
      operations: [...principal.operations].filter(isIntegrationOperation).sort(),
      facilityCodes: facilityCodesOf(row),
    };
  }

  private async require(clientId: string): Promise<ClientDetailRow> {
    const row = await this.clients.findByClientId(clientId);
    if (!row) throw notFound(clientId);
    return row;
  }

  private requireActive(row: ClientDetailRow): ClientDetailRow {
    if (row.status !== 'active' || row.revokedAt) {
      throw new DomainError('INTEGRATION_CLIENT_REVOKED', `Tài khoản tích hợp ${row.clientId} đã bị thu hồi, không thể thay đổi`, 409);
    }
    return row;
  }

  /** The facilities listed and those of the province, all in force today; unknown codes are refused. */
  private async resolveFacilities(codes: string[] | undefined, provinceCode: string | undefined): Promise<FacilityRef[]> {
    const today = todayInVietnam();
    const day = parseIsoDate(today);
    if (!day) throw new RangeError(`Not a calendar day: ${today}`);
    const errors: FieldError[] = [];
    const listed = await this.clients.findFacilitiesByCodesOn(codes ?? [], day);
    const known = new Set(listed.map((f) => f.code));
    (codes ?? []).forEach((code, index) => {
      if (!known.has(code)) {
        errors.push({
          field: `facilityCodes.${index}`,
          code: 'UNKNOWN_FACILITY',
          message: `Không có cơ sở mã ${code} đang hoạt động vào ngày ${today}`,
        });
      }
    });
    let inProvince: FacilityRef[] = [];
    if (provinceCode !== undefined) {
      const province = await this.clients.findProvinceOn(provinceCode, day);
      if (province) inProvince = await this.clients.findFacilitiesInProvinceOn(province.id, day);
      else errors.push({ field: 'provinceCode', code: 'UNKNOWN_PROVINCE', message: `Không có tỉnh mã ${provinceCode} vào ngày ${today}` });
    }
    if (errors.length) {
      const code = errors.every((e) => e.code === errors[0].code) ? errors[0].code : 'UNKNOWN_FACILITY';
      throw new DomainError(code, 'Có mã cơ sở hoặc mã tỉnh không tồn tại', 400, errors);
    }
    const facilities = new Map([...listed, ...inProvince].map((f) => [f.id, f]));
    if (facilities.size === 0) {
      throw new DomainError('FACILITIES_REQUIRED', 'Cần chỉ định ít nhất một cơ sở (danh sách mã cơ sở hoặc mã tỉnh)', 400, [
        { field: 'facilityCodes', code: 'FACILITIES_REQUIRED', message: 'Cần ít nhất một cơ sở y tế' },
      ]);
    }
    return [...facilities.values()];
  }
}
