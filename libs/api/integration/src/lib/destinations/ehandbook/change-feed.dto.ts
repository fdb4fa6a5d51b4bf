import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class ChangeFeedQueryDto {
  @ApiPropertyOptional({ example: '75410.1294', description: 'The `next` of the previous page; absent: from the beginning' })
  @Matches(/^\d{1,19}\.\d{1,19}$/, { message: 'Con trỏ không hợp lệ' })
  @IsOptional()
  since?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 200 })
  @Max(1000)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  @IsOptional()
  limit = 200;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this person's changes" })
  @IsUUID()
  @IsOptional()
  personId?: string;
}

export class ChangeDto {
  @ApiProperty({ example: '75410.1294', description: 'Position of this change (a `since` value)' })
  cursor!: string;

  @ApiProperty({ example: 'anc-visits', description: 'persons, episodes or a register code' })
  register!: string;

  @ApiProperty({ format: 'uuid' })
  recordId!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  personId!: string | null;

  @ApiProperty({ enum: ['INSERT', 'UPDATE', 'DELETE'] })
  op!: string;

  @ApiProperty({ format: 'date-time' })
  changedAt!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The record (or person) as it is now, in the registers API representation; null when it no longer exists',
  })
  record!: Record<string, unknown> | null;
}

export class ChangePageDto {
  @ApiProperty({ type: [ChangeDto] })
  items!: ChangeDto[];

  @ApiProperty({ example: '75433.9223372036854775807', description: 'Pass as `since` to read on; never skips a change committed later' })
  next!: string;

  @ApiProperty({ description: 'More changes are ready now (the page was full)' })
  hasMore!: boolean;
}

export class PutWebhookDto {
  @ApiProperty({ example: 'https://handbook.example.vn/hooks/skss', maxLength: 500 })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'Phải là địa chỉ http(s)' })
  @MaxLength(500)
  url!: string;

  @ApiProperty({ minLength: 16, maxLength: 200, description: 'Key of the HMAC-SHA256 signature sent in X-SKSS-Signature' })
  @MaxLength(200)
  @MinLength(16)
  @IsString()
  secret!: string;
}

export class WebhookDto {
  @ApiProperty()
  url!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Feed position last announced to the webhook' })
  notifiedCursor!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
