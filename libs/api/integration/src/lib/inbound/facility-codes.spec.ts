import { PrismaService } from '@skss/api/core';
import { resolveFacilityCodes } from './facility-codes';

const FACILITIES = [
  { id: 1, code: 'TYT.03127.2025', kcbCode: null },
  { id: 2, code: 'BV.SANNHI.11', kcbCode: '11001' },
  { id: 3, code: '11002', kcbCode: null },
  { id: 4, code: 'BV.CU.11', kcbCode: '11002' },
];

function prismaWith(rows: typeof FACILITIES) {
  const findMany = jest.fn(async () => rows);
  return { prisma: { raw: { facility: { findMany } } } as unknown as PrismaService, findMany };
}

describe('resolveFacilityCodes', () => {
  it('finds facilities by their code or their KCB code, and leaves unknown codes out', async () => {
    const { prisma, findMany } = prismaWith(FACILITIES);
    const ids = await resolveFacilityCodes(prisma, ['TYT.03127.2025', '11001', '99999']);
    expect([...ids]).toEqual([
      ['TYT.03127.2025', 1],
      ['11001', 2],
    ]);
    expect(findMany).toHaveBeenCalledWith(
      expect.objectContaining({
        where: { OR: [{ code: { in: ['TYT.03127.2025', '11001', '99999'] } }, { kcbCode: { in: ['TYT.03127.2025', '11001', '99999'] } }] },
      }),
    );
  });

  it('reads a code as a facility code before a KCB code', async () => {
    const { prisma } = prismaWith(FACILITIES);
    expect((await resolveFacilityCodes(prisma, ['11002'])).get('11002')).toBe(3);
  });

  it('asks nothing for no codes', async () => {
    const { prisma, findMany } = prismaWith(FACILITIES);
    expect((await resolveFacilityCodes(prisma, [])).size).toBe(0);
    expect(findMany).not.toHaveBeenCalled();
  });
});
