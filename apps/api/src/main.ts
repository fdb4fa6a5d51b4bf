import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadAppConfig } from '@skss/api/core';
import { AppModule } from './app/app.module';
import { API_PREFIX, buildOpenApiDocument, configureApp, serveOpenApi } from './app/configure-app';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await NestFactory.create(AppModule, { bodyParser: false });
  configureApp(app);
  serveOpenApi(app, buildOpenApiDocument(app));
  await app.listen(config.port);
  Logger.log(`API ready at http://localhost:${config.port}/${API_PREFIX}`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  // Start-up failures (bad configuration, unreachable database) end the process with a reason.
  Logger.error(error instanceof Error ? error.message : String(error), 'Bootstrap');
  process.exit(1);
});
