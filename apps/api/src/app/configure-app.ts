import { INestApplication, VersioningType } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import {
  APP_CONFIG,
  AppConfig,
  createValidationPipe,
  MAX_BODY_BYTES,
  MAX_URL_LENGTH,
  openRequestContext,
  registerBodyParsers,
  rejectLongUrls,
} from '@skss/api/core';
import { serveConsole } from './console-files';

export const API_PREFIX = 'api';

/** The HTTP server: Fastify (a fifth of the CPU per request of Express under NestJS; see docs/operations/sizing.md). */
export function createHttpAdapter(config: Pick<AppConfig, 'trustProxy'>): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: MAX_BODY_BYTES,
    routerOptions: {
      // As before the move from Express: a trailing slash names the same route, and long
      // parameters are refused by their own validation (or by the URL limit), not by a 404.
      ignoreTrailingSlash: true,
      maxParamLength: MAX_URL_LENGTH,
    },
  });
}

/** Paths and versions: all the OpenAPI document needs. */
export function configureRouting(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}

/** Everything about the HTTP surface that is not a module: prefix, versions, pipes, headers, bodies, the console. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get<AppConfig>(APP_CONFIG);
  configureRouting(app);
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  // Helmet's headers first, so they are on every answer (including refusals below). Its middleware
  // is built once (@fastify/helmet builds it again for every request, which showed in the own
  // profile's CPU profile).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        // Angular Material injects component styles at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
      },
    },
  });
  fastify.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, () => done()));
  fastify.addHook('onRequest', rejectLongUrls);
  registerBodyParsers(fastify);
  // Files (Excel imports, catalog uploads): each route sets its own limits when it reads the file.
  await app.register(fastifyMultipart);
  await app.register(fastifyCookie);
  fastify.addHook('preHandler', openRequestContext);
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: true });
  await serveConsole(app, config.consoleDir, API_PREFIX);
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
