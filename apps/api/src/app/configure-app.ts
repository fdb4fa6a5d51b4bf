import { INestApplication, VersioningType } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { json, NextFunction, Request, Response, urlencoded } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { APP_CONFIG, AppConfig, createValidationPipe, rejectLongUrls, requestContextMiddleware } from '@skss/api/core';
import { INBOUND_RECORDS_PATH, inboundBodyParser } from '@skss/api/integration';

export const API_PREFIX = 'api';
const MAX_BODY = '100kb';

function bodyParserErrors(error: { status?: number; type?: string } | undefined, _req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  if (error.type === 'entity.too.large') {
    res.status(413).json({ code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn (tối đa 100 kB)' });
  } else if (error.type === 'entity.parse.failed') {
    res.status(400).json({ code: 'MALFORMED_BODY', message: 'Nội dung yêu cầu không đọc được (JSON không hợp lệ)' });
  } else if (error.status && error.status >= 400 && error.status < 500) {
    res.status(error.status).json({ code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ' });
  } else {
    next(error);
  }
}

/** Paths and versions: all the OpenAPI document needs. */
export function configureRouting(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}

/** Everything about the HTTP surface that is not a module: prefix, versions, pipes, headers. */
export function configureApp(app: INestApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  configureRouting(app);
  app.useGlobalPipes(createValidationPipe());
  // Helmet first, so its headers are on every answer (including refusals below).
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
  app.use(rejectLongUrls);
  // Body parsing is ours (NestFactory is created with bodyParser: false) so that its failures
  // (malformed JSON, oversized bodies) get the same { code, message } answers as everything else.
  // Batches of register records from external systems are larger (up to 1,000 records): parsed first, with their own limit.
  app.use(INBOUND_RECORDS_PATH, ...inboundBodyParser());
  app.use(json({ limit: MAX_BODY }), urlencoded({ limit: MAX_BODY, extended: false }), bodyParserErrors);
  (app as NestExpressApplication).set('trust proxy', config.trustProxy);
  app.use(cookieParser());
  app.use(requestContextMiddleware);
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: true });
  app.enableShutdownHooks();
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .addCookieAuth('skss_session')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
      description: 'Token from POST /api/v1/auth/login with {"session": "bearer"}',
    })
    .addBasicAuth({ type: 'http', scheme: 'basic', description: 'Client id and secret of an integration account (external systems)' })
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
