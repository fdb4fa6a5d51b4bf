import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, UseGuards, UseInterceptors, VERSION_NEUTRAL } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { RequireClientOperation } from '@skss/api/auth';
import { ClientPrincipal, CurrentPrincipal, ErrorResponseDto, Public, UnreadBody } from '@skss/api/core';
import { InboundRateLimitGuard } from '../inbound/rate-limiter';
import { NationalTokenService, NATIONAL_TOKEN_TTL_MINUTES } from './auth/national-token.service';
import { NATIONAL_TOKEN } from './auth/national-token.strategy';
import { NationalLoginDto, NationalReceiptDto, NationalResultDto, NationalTokenDto } from './dto/national.dto';
import { NationalReceiptService, vietnamIso } from './receipt/national-receipt.service';
import { XmlBodyInterceptor } from './xml/xml-body.interceptor';

/**
 * The national "liên thông" paths (docs/national-endpoint.md), unversioned so that an HIS
 * configured for the national portal switches by changing only the base URL:
 * log in with the integration account, send an XML package, fetch its review result.
 */
@ApiTags('lien-thong')
@Controller({ path: 'lien-thong', version: VERSION_NEUTRAL })
export class NationalController {
  constructor(
    private readonly tokens: NationalTokenService,
    private readonly receipts: NationalReceiptService,
  ) {}

  @Public()
  @Post('tai-khoan/dang-nhap')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'nationalLogin',
    summary: 'Đăng nhập liên thông: the integration account (tenDangNhap = client id, matKhau = secret) gets a bearer token',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({ type: NationalTokenDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'INVALID_CLIENT_CREDENTIALS' })
  async nationalLogin(@Body() body: NationalLoginDto): Promise<NationalTokenDto> {
    const issued = await this.tokens.login(body.tenDangNhap, body.matKhau);
    return {
      token: issued.token,
      loaiToken: 'Bearer',
      thoiHanGiay: NATIONAL_TOKEN_TTL_MINUTES * 60,
      hetHanLuc: vietnamIso(issued.expiresAt),
    };
  }

  @RequireClientOperation('records.push', { strategy: NATIONAL_TOKEN })
  @UseGuards(InboundRateLimitGuard)
  @Post('tiep-nhan')
  @HttpCode(HttpStatus.OK)
  // The body is read by the interceptor, after the guard, within the package limits.
  @UnreadBody()
  @UseInterceptors(XmlBodyInterceptor)
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'nationalReceive',
    summary: 'Tiếp nhận: an XML package (GIAMDINHHS with XML1, XML7, XML9, XML11) → mã giao dịch and thời gian tiếp nhận',
  })
  @ApiConsumes('application/xml')
  @ApiBody({ schema: { type: 'string', format: 'xml', description: 'The GIAMDINHHS package, UTF-8, at most 10 MB' } })
  @ApiOkResponse({ type: NationalReceiptDto })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'NATIONAL_TOKEN_INVALID, NATIONAL_TOKEN_EXPIRED, INVALID_CLIENT_CREDENTIALS',
  })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'XML_PAYLOAD_TOO_LARGE, XML_TABLE_TOO_LARGE' })
  nationalReceive(@CurrentPrincipal() principal: ClientPrincipal, @Body() body: Buffer): Promise<NationalReceiptDto> {
    return this.receipts.receive(principal, body);
  }

  @RequireClientOperation('records.push', { strategy: NATIONAL_TOKEN })
  @Get('ket-qua/:maGiaoDich')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'nationalResult', summary: 'Kết quả: the review result of each record of a package, by its mã giao dịch' })
  @ApiOkResponse({ type: NationalResultDto })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'NATIONAL_TOKEN_INVALID, NATIONAL_TOKEN_EXPIRED, INVALID_CLIENT_CREDENTIALS',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'TRANSACTION_NOT_FOUND (also for another account’s transaction)' })
  nationalResult(@CurrentPrincipal() principal: ClientPrincipal, @Param('maGiaoDich') maGiaoDich: string): Promise<NationalResultDto> {
    return this.receipts.result(principal, maGiaoDich);
  }
}
