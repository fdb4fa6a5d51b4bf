/** Prisma filter for rows valid on a day (both bounds inclusive, null = open-ended). */
export function validOn(day: Date) {
  return {
    AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ validTo: null }, { validTo: { gte: day } }] }],
  };
}
