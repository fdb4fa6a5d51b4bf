import { AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { createPrismaService } from './prisma.service';

describe('createPrismaService', () => {
  // No statement reaches the database: the argument is refused while the query is built.
  const prisma = createPrismaService({
    databaseUrl: 'postgresql://localhost:1/unused',
    databasePoolSize: 1,
    logQueries: false,
  } as AppConfig);
  afterAll(() => prisma.$disconnect());

  it('does not capture the calling line of each query (no stack trace per query)', async () => {
    const failure = await RequestContext.asSystem(() =>
      prisma.adminUnit.findMany({ where: { noSuchField: 1 } as never }).then(
        () => null,
        (error: Error) => error,
      ),
    );
    expect(failure?.name).toBe('PrismaClientValidationError');
    // With call sites on, the message starts "Invalid `prisma.adminUnit.findMany()` invocation in
    // <this file>:<line>", read from a stack trace taken before every query.
    expect(failure?.message).not.toContain(__filename);
    expect(failure?.message).not.toContain('invocation in');
  });
});
