import { ApiProperty } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'at' })
  field!: string;

  @ApiProperty({ example: 'INVALID_DATE' })
  code!: string;

  @ApiProperty({ example: 'Ngày phải có dạng YYYY-MM-DD' })
  message!: string;
}

/** The body of every error answer of the API. */
export class ErrorResponseDto {
  @ApiProperty({ description: 'Machine-readable error code', example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiProperty({ description: 'Human-readable message (Vietnamese)', example: 'Dữ liệu gửi lên không hợp lệ' })
  message!: string;

  @ApiProperty({ type: [FieldErrorDto], required: false })
  details?: FieldErrorDto[];
}
