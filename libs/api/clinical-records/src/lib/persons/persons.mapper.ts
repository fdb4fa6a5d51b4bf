import { Prisma } from '@skss/api/core';
import { dayFromDb } from '../shared/days';
import { maskCitizenId, maskInsuranceCard, maskPhone } from '../shared/masking';
import { PersonDto, PersonLinkDto, PersonRefDto, PersonSummaryDto } from './dto/person.response.dto';

export const PERSON_REF_SELECT = {
  id: true,
  fullName: true,
  dateOfBirth: true,
  sex: true,
  citizenId: true,
  insuranceCard: true,
} satisfies Prisma.PersonSelect;

export type PersonRefRow = Prisma.PersonGetPayload<{ select: typeof PERSON_REF_SELECT }>;

export function toPersonRef(row: PersonRefRow): PersonRefDto {
  return {
    id: row.id,
    fullName: row.fullName,
    dateOfBirth: dayFromDb(row.dateOfBirth),
    sex: row.sex,
    maskedCitizenId: maskCitizenId(row.citizenId),
    maskedInsuranceCard: maskInsuranceCard(row.insuranceCard),
  };
}

export const CURRENT_RESIDENCE = {
  where: { validTo: null },
  orderBy: { validFrom: 'desc' },
  take: 1,
  include: { commune: { select: { code: true, name: true } } },
} satisfies Prisma.Person$residencesArgs;

export const PERSON_SUMMARY_INCLUDE = { residences: CURRENT_RESIDENCE } satisfies Prisma.PersonInclude;
export type PersonSummaryRow = Prisma.PersonGetPayload<{ include: typeof PERSON_SUMMARY_INCLUDE }>;

export function toPersonSummary(row: PersonSummaryRow): PersonSummaryDto {
  const residence = row.residences[0];
  return {
    ...toPersonRef(row),
    ethnicityCode: row.ethnicityCode,
    maskedPhone: maskPhone(row.phone),
    commune: residence ? { code: residence.commune.code, name: residence.commune.name } : null,
    address: residence?.address ?? null,
  };
}

const LINK_SELECT = { id: true, fullName: true, dateOfBirth: true, sex: true } satisfies Prisma.PersonSelect;

export const PERSON_DETAIL_INCLUDE = {
  residences: { orderBy: { validFrom: 'desc' }, include: { commune: { select: { code: true, name: true } } } },
  sourceIds: { orderBy: [{ sourceSystem: 'asc' }, { sourceRecordId: 'asc' }] },
  children: { where: { mergedIntoId: null }, select: LINK_SELECT, orderBy: { dateOfBirth: 'asc' } },
} satisfies Prisma.PersonInclude;
export type PersonDetailRow = Prisma.PersonGetPayload<{ include: typeof PERSON_DETAIL_INCLUDE }>;
export type PersonLinkRow = Prisma.PersonGetPayload<{ select: typeof LINK_SELECT }>;
export { LINK_SELECT };

export const toPersonLink = (row: PersonLinkRow): PersonLinkDto => ({
  id: row.id,
  fullName: row.fullName,
  dateOfBirth: dayFromDb(row.dateOfBirth),
  sex: row.sex,
});

export function toPersonDto(row: PersonDetailRow, mother: PersonLinkRow | null, facility: { code: string; name: string }): PersonDto {
  return {
    id: row.id,
    fullName: row.fullName,
    dateOfBirth: dayFromDb(row.dateOfBirth),
    sex: row.sex,
    citizenId: row.citizenId,
    insuranceCard: row.insuranceCard,
    ethnicityCode: row.ethnicityCode,
    nationalityCode: row.nationalityCode,
    occupationCode: row.occupationCode,
    phone: row.phone,
    mother: mother ? toPersonLink(mother) : null,
    children: row.children.map(toPersonLink),
    residences: row.residences.map((r) => ({
      commune: { code: r.commune.code, name: r.commune.name },
      address: r.address,
      validFrom: dayFromDb(r.validFrom),
      validTo: dayFromDb(r.validTo),
    })),
    sourceIds: row.sourceIds.map((s) => ({ sourceSystem: s.sourceSystem, sourceRecordId: s.sourceRecordId })),
    mergedIntoId: row.mergedIntoId,
    facility,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
