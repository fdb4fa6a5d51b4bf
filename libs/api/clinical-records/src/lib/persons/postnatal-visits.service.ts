import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError, PrismaService } from '@skss/api/core';
import { daysBetween, formatDateVi, IsoDate, vietnamLocalDate } from '@skss/domain';
import { RegisterLockService } from '../period-lock/register-lock.service';
import { dayFromDb, dayToDb } from '../shared/days';
import { badReference } from '../shared/problems';
import { RecordsContext } from '../shared/records-context';
import { CreatePostnatalVisitDto, PostnatalVisitDto } from './dto/postnatal-visit.dto';
import { personNotFound } from './persons.service';

const DELIVERY_SELECT = {
  id: true,
  personId: true,
  deliveryDate: true,
  dischargedAt: true,
  place: true,
  facility: { select: { name: true } },
} as const;

interface VisitedDelivery {
  id: string;
  personId: string;
  deliveryDate: Date;
  dischargedAt: Date | null;
  facility: { name: string };
}

const visitNotFound = () => new NotFoundError('POSTNATAL_VISIT_NOT_FOUND', 'Không tìm thấy lần chăm sóc sau sinh này');

/**
 * Postnatal home visits made by a facility after a delivery that another facility may have
 * recorded: the commune station visits a mother who gave birth at the district hospital (row I.7
 * of the commune report counts the station's visits whatever the place of the birth). The station
 * does not see the hospital's delivery; it names the mother, and the visit is attached to her
 * latest delivery on or before the visit day.
 */
@Injectable()
export class PostnatalVisitsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly context: RecordsContext,
    private readonly locks: RegisterLockService,
  ) {}

  async list(personId: string): Promise<PostnatalVisitDto[]> {
    await this.visiblePerson(personId);
    const deliveries = await this.deliveriesOf(personId);
    if (deliveries.length === 0) return [];
    // The visits the caller may see: those recorded by facilities in its scope (the scoped client).
    const visits = await this.prisma.postnatalVisit.findMany({
      where: { deliveryId: { in: deliveries.map((d) => d.id) } },
      include: { facility: { select: { code: true, name: true } } },
      orderBy: [{ visitDate: 'asc' }, { id: 'asc' }],
    });
    const byId = new Map(deliveries.map((d) => [d.id, d]));
    return visits.map((visit) => toDto(visit, visit.facility, byId.get(visit.deliveryId) as VisitedDelivery));
  }

  async create(personId: string, dto: CreatePostnatalVisitDto): Promise<PostnatalVisitDto> {
    await this.visiblePerson(personId);
    const facility = await this.context.facilityForWrite(dto.facilityCode);
    if (dto.visitDate > this.context.today()) {
      throw badReference('DATE_IN_FUTURE', 'visitDate', 'Ngày chăm sóc sau sinh không được sau ngày hôm nay');
    }
    const delivery = await this.deliveryVisited(personId, dto);
    const after = leftFacilityOn(delivery);
    if (dto.visitDate < after) {
      const what = delivery.dischargedAt ? 'ngày ra viện' : 'ngày đẻ';
      throw badReference('POSTNATAL_BEFORE_DISCHARGE', 'visitDate', `Ngày chăm sóc sau sinh trước ${what} (${formatDateVi(after)})`);
    }
    const visit = await this.prisma.$transaction(async (tx) => {
      await this.locks.assertOpen(facility.id, dto.visitDate);
      const created = await tx.postnatalVisit.create({
        data: {
          deliveryId: delivery.id,
          facilityId: facility.id,
          visitDate: dayToDb(dto.visitDate),
          notes: dto.notes ?? null,
          source: 'ENTRY',
        },
      });
      await tx.personFacility.createMany({ data: [{ personId, facilityId: facility.id }], skipDuplicates: true });
      return created;
    });
    return toDto(visit, facility, delivery);
  }

  async remove(personId: string, visitId: string): Promise<void> {
    await this.visiblePerson(personId);
    const visit = await this.prisma.postnatalVisit.findUnique({
      where: { id: visitId },
      select: { id: true, facilityId: true, visitDate: true, deliveryId: true },
    });
    const deliveries = await this.deliveriesOf(personId);
    if (!visit || !deliveries.some((d) => d.id === visit.deliveryId)) throw visitNotFound();
    this.context.assertWritable(visit.facilityId);
    await this.prisma.$transaction(async (tx) => {
      await this.locks.assertOpen(visit.facilityId, visit.visitDate);
      await tx.postnatalVisit.delete({ where: { id: visit.id } });
    });
  }

  /** 404 unless the caller may see the person (a person is visible to the facilities that recorded something for her). */
  private async visiblePerson(personId: string): Promise<void> {
    const person = await this.prisma.person.findUnique({ where: { id: personId }, select: { id: true, mergedIntoId: true } });
    if (!person) throw personNotFound();
    if (person.mergedIntoId) throw new DomainError('PERSON_MERGED', 'Người này đã được gộp vào một người khác', 409);
  }

  /** Her deliveries at any facility: only their days and the facility's name leave this service. */
  private deliveriesOf(personId: string): Promise<VisitedDelivery[]> {
    return this.prisma.raw.delivery.findMany({ where: { personId }, select: DELIVERY_SELECT, orderBy: { deliveryDate: 'desc' } });
  }

  private async deliveryVisited(personId: string, dto: CreatePostnatalVisitDto): Promise<VisitedDelivery> {
    const deliveries = await this.deliveriesOf(personId);
    if (dto.deliveryId) {
      const named = deliveries.find((d) => d.id === dto.deliveryId);
      if (!named) throw badReference('DELIVERY_NOT_FOUND', 'deliveryId', 'Không tìm thấy lần đẻ này của người được chăm sóc');
      return named;
    }
    const latest = deliveries.find((d) => dayFromDb(d.deliveryDate) <= dto.visitDate);
    if (!latest) {
      throw badReference('DELIVERY_NOT_FOUND', 'visitDate', `Không có lần đẻ nào được ghi sổ trước ngày ${formatDateVi(dto.visitDate)}`);
    }
    return latest;
  }
}

/** The local day she left the facility, or the birth day for a birth outside a facility (report-rules row I.7). */
function leftFacilityOn(delivery: VisitedDelivery): IsoDate {
  return delivery.dischargedAt ? vietnamLocalDate(delivery.dischargedAt) : dayFromDb(delivery.deliveryDate);
}

function toDto(
  visit: { id: string; visitDate: Date; notes: string | null },
  facility: { code: string; name: string },
  delivery: VisitedDelivery,
): PostnatalVisitDto {
  const visitDate = dayFromDb(visit.visitDate);
  return {
    id: visit.id,
    visitDate,
    facilityCode: facility.code,
    facilityName: facility.name,
    delivery: {
      id: delivery.id,
      deliveryDate: dayFromDb(delivery.deliveryDate),
      dischargeDate: delivery.dischargedAt ? vietnamLocalDate(delivery.dischargedAt) : null,
      facilityName: delivery.facility.name,
    },
    daysAfter: daysBetween(leftFacilityOn(delivery), visitDate),
    notes: visit.notes,
  };
}
