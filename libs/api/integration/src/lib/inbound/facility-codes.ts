import { PrismaService } from '@skss/api/core';

/**
 * The facility each code sent by an external system names: this system's facility code
 * (TYT.03127.2025), else a facility's KCB code (mã cơ sở KCB BHYT, 11001) — what HIS packages carry
 * in MA_CSKCB/MACSKCB, so a vendor switches to this API by its base URL only. The one resolver of
 * the JSON and the national XML endpoints; codes that name no facility are absent from the map.
 */
export async function resolveFacilityCodes(prisma: PrismaService, codes: readonly string[]): Promise<Map<string, number>> {
  if (!codes.length) return new Map();
  const sent = [...codes];
  const facilities = await prisma.raw.facility.findMany({
    where: { OR: [{ code: { in: sent } }, { kcbCode: { in: sent } }] },
    select: { id: true, code: true, kcbCode: true },
  });
  const ids = new Map<string, number>();
  for (const f of facilities) if (f.kcbCode) ids.set(f.kcbCode, f.id);
  // Facility codes first: a facility's own code wins over another's KCB code (administration refuses that pair).
  for (const f of facilities) ids.set(f.code, f.id);
  return new Map(sent.flatMap((code) => (ids.has(code) ? [[code, ids.get(code) as number] as const] : [])));
}
