import { PrismaService } from '@skss/api/core';
import { VisibleRecords } from './cell-rows';

type FindMany = (args: { where: { id: { in: string[] } }; select: Record<string, boolean> }) => Promise<Record<string, unknown>[]>;

/** The Prisma model delegate of each register table a statement lists. */
const DELEGATE_OF: Readonly<Record<string, string>> = {
  pregnancy_episode: 'pregnancyEpisode',
  anc_visit: 'ancVisit',
  delivery: 'delivery',
  postnatal_visit: 'postnatalVisit',
  complication: 'complication',
  death: 'death',
  gynaecology_visit: 'gynaecologyVisit',
  hpv_vaccination: 'hpvVaccination',
  contraception_service: 'contraceptionService',
  abortion: 'abortion',
};

/**
 * What the caller of the request may see, read through the scoped client: the model delegates
 * filter every read to the caller's scope (scoped-prisma.ts), so a row or a person outside it is
 * simply not returned. Death rows carry the deceased's name themselves.
 */
export function scopedRecords(prisma: PrismaService): VisibleRecords {
  return {
    async rows(register, ids) {
      const delegate = DELEGATE_OF[register];
      if (!delegate || ids.length === 0) return new Map();
      const model = (prisma as unknown as Record<string, { findMany: FindMany }>)[delegate];
      const select: Record<string, boolean> = register === 'death' ? { id: true, fullName: true } : { id: true };
      const found = await model.findMany({ where: { id: { in: [...ids] } }, select });
      return new Map(found.map((r) => [String(r['id']), { name: typeof r['fullName'] === 'string' ? r['fullName'] : null }]));
    },
    async persons(ids) {
      if (ids.length === 0) return new Map();
      const found = await prisma.person.findMany({ where: { id: { in: [...ids] } }, select: { id: true, fullName: true } });
      return new Map(found.map((p) => [p.id, p.fullName]));
    },
  };
}
