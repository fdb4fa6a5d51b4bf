import { INestApplication, VersioningType } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { createValidationPipe, rejectLongUrls } from '@skss/api/core';

export const API_PREFIX = 'api';

/** Everything about the HTTP surface that is not a module: prefix, versions, pipes, headers. */
export function configureApp(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.use(rejectLongUrls);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Angular Material injects component styles at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  app.enableShutdownHooks();
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('SKBMTE/SKSS API')
    .setDescription(
      'API of the information system for maternal-child health and reproductive health ' +
        '(Hệ thống thông tin lĩnh vực sức khỏe bà mẹ - trẻ em, sức khỏe sinh sản). ' +
        'Errors are answered as `{ code, message, details? }` with a stable machine-readable `code`.',
    )
    .setVersion('1')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
  });
}

export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/openapi.json`,
    yamlDocumentUrl: `${API_PREFIX}/openapi.yaml`,
  });
}
