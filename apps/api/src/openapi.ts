import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { AppModule } from './app/app.module';
import { buildOpenApiDocument, configureRouting, createHttpAdapter } from './app/configure-app';

/**
 * Writes the OpenAPI document of the application without listening or touching the database:
 * `node dist/apps/api/openapi.js <file>`. The contract library commits its output.
 */
async function writeOpenApi(target: string): Promise<void> {
  const app = await NestFactory.create(AppModule, createHttpAdapter({ trustProxy: false }), { logger: ['error'], preview: true });
  configureRouting(app);
  const document = buildOpenApiDocument(app);
  writeFileSync(target, JSON.stringify(document, null, 2) + '\n');
  await app.close();
}

const target = process.argv[2];
if (!target) {
  console.error('usage: node dist/apps/api/openapi.js <output.json>');
  process.exit(2);
}
writeOpenApi(target).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
