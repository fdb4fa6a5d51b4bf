import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorResponseDto, RequirePermissions, SignedInRoutes } from '@skss/api/core';
import { Dhis2DeathPull } from './dhis2-death-pull';

class DeathRejectionDto {
  @ApiProperty({ example: 'Hq3Kc4Vx9Lm' })
  event!: string;

  @ApiProperty({ example: 'UNKNOWN_ORG_UNIT' })
  code!: string;

  @ApiProperty()
  message!: string;
}

export class DeathPullSummaryDto {
  @ApiProperty({ type: 'integer', description: 'Events read' })
  events!: number;

  @ApiProperty({ type: 'integer' })
  created!: number;

  @ApiProperty({ type: 'integer' })
  updated!: number;

  @ApiProperty({ type: 'integer' })
  unchanged!: number;

  @ApiProperty({ type: 'integer' })
  rejected!: number;

  @ApiProperty({ type: [DeathRejectionDto], description: 'The first 100 rejections and why' })
  rejections!: DeathRejectionDto[];

  @ApiProperty({ nullable: true, type: String, description: 'updatedAt of the newest event read: the next pull starts after it' })
  cursor!: string | null;
}

@RequirePermissions('integration.manage')
@SignedInRoutes()
@ApiTags('integration-outbound')
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('integration/dhis2/deaths')
export class Dhis2DeathsController {
  constructor(private readonly pull: Dhis2DeathPull) {}

  @Post('pull')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'pullDhis2Deaths',
    summary: 'Pull the maternal and child death events updated since the last pull now (the daily job does the same)',
  })
  @ApiOkResponse({ type: DeathPullSummaryDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'NOT_CONFIGURED, or PULL_RUNNING on another instance' })
  async pullDhis2Deaths(): Promise<DeathPullSummaryDto> {
    const summary = await this.pull.run();
    if (!summary) throw new DomainError('PULL_RUNNING', 'Một lần lấy dữ liệu khác đang chạy', 409);
    return summary;
  }
}
