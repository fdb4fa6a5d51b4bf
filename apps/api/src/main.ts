import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadAppConfig } from '@skss/api/core';
import { AppModule } from './app/app.module';
import { API_PREFIX, buildOpenApiDocument, configureApp, createHttpAdapter, serveOpenApi } from './app/configure-app';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(config), { bodyParser: false });
  await configureApp(app);
  serveOpenApi(app, buildOpenApiDocument(app));
  // All interfaces, as in a container (Fastify's own default is the loopback only).
  await app.listen(config.port, '0.0.0.0');
  Logger.log(`API ready at http://localhost:${config.port}/${API_PREFIX}`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  // Start-up failures (bad configuration, unreachable database) end the process with a reason.
  Logger.error(error instanceof Error ? error.message : String(error), 'Bootstrap');
  process.exit(1);
});
