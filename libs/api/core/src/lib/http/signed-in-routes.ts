import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto';

/**
 * The OpenAPI side of a controller whose routes a signed-in user calls: with the console's session
 * cookie or a bearer token, else answered 401. The global guard enforces it; this documents it.
 */
export const SignedInRoutes = () =>
  applyDecorators(
    // In the order the document has always listed them (class decorators apply bottom-up).
    ApiBearerAuth(),
    ApiCookieAuth(),
    ApiUnauthorizedResponse({
      type: ErrorResponseDto,
      description: 'UNAUTHENTICATED without a session, SESSION_EXPIRED with an ended one',
    }),
  );
