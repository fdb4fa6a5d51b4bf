import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { FieldErrorDto } from '@skss/api/core';

/*
 * Shapes of the national endpoint (docs/national-endpoint.md). Its names are Vietnamese, as the
 * HIS vendors' configuration for the national "liên thông" API already uses them.
 */

/** The login form (application/x-www-form-urlencoded). */
export class NationalLoginDto {
  @ApiProperty({ example: 'his-3f9a0c5d7e21b4a6', description: 'Tên đăng nhập: the client id of the integration account' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  tenDangNhap!: string;

  @ApiProperty({ example: 'secret-shown-once', description: 'Mật khẩu: the secret of the integration account' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  matKhau!: string;
}

export class NationalTokenDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>` on tiep-nhan and ket-qua' })
  token!: string;

  @ApiProperty({ example: 'Bearer' })
  loaiToken!: string;

  @ApiProperty({ type: 'integer', example: 3600, description: 'Seconds the token stays valid' })
  thoiHanGiay!: number;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T11:00:00.000+07:00', description: 'When the token expires (Vietnam time)' })
  hetHanLuc!: string;
}

export const NATIONAL_STATUSES = ['DA_TIEP_NHAN', 'DA_XU_LY', 'LOI_XU_LY'] as const;
export type NationalStatus = (typeof NATIONAL_STATUSES)[number];

export class NationalReceiptDto {
  @ApiProperty({ example: 'LT20261201K7M2Q9XA', description: 'Mã giao dịch: fetch the review result with it' })
  maGiaoDich!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T10:15:30.123+07:00', description: 'Thời gian tiếp nhận (Vietnam time)' })
  thoiGianTiepNhan!: string;

  @ApiProperty({ enum: NATIONAL_STATUSES, enumName: 'NationalStatus', example: 'DA_XU_LY' })
  trangThai!: NationalStatus;

  @ApiProperty({ type: 'integer', example: 2, description: 'Số hồ sơ (HOSO) trong gói' })
  soHoSo!: number;
}

export const NATIONAL_VERDICTS = ['CHAP_NHAN', 'TU_CHOI', 'BO_QUA'] as const;
export type NationalVerdict = (typeof NATIONAL_VERDICTS)[number];

export class NationalRecordResultDto {
  @ApiProperty({ type: 'integer', example: 1, description: 'Thứ tự của HOSO trong gói, từ 1' })
  hoSo!: number;

  @ApiProperty({ type: String, nullable: true, example: 'XML9', description: 'Bảng XML đã tạo ra bản ghi' })
  bang!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'BV11-2026-0001' })
  maLk!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'deliveries', description: 'Sổ: deliveries (sổ đẻ), abortions (sổ phá thai)' })
  so!: string | null;

  @ApiProperty({
    enum: NATIONAL_VERDICTS,
    enumName: 'NationalVerdict',
    description: 'CHAP_NHAN: đã ghi sổ; TU_CHOI: bị từ chối (xem loi); BO_QUA: không có dữ liệu cần ghi sổ',
  })
  ketQua!: NationalVerdict;

  @ApiProperty({ example: 'created', description: 'created, updated, unchanged, rejected or ignored' })
  chiTiet!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Id of the register record written' })
  id?: string | null;

  @ApiProperty({ type: [FieldErrorDto], description: 'Lỗi: trường (XML or register field), mã, thông báo' })
  loi!: FieldErrorDto[];
}

export class NationalCountsDto {
  @ApiProperty({ type: 'integer' })
  chapNhan!: number;

  @ApiProperty({ type: 'integer' })
  tuChoi!: number;

  @ApiProperty({ type: 'integer' })
  boQua!: number;
}

export class NationalResultDto extends NationalReceiptDto {
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Thời gian xử lý xong (Vietnam time)' })
  thoiGianXuLy!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '11001', description: 'THONGTINDONVI/MACSKCB của gói' })
  maCskcb!: string | null;

  @ApiProperty({ type: NationalCountsDto })
  tongHop!: NationalCountsDto;

  @ApiProperty({ type: [NationalRecordResultDto], description: 'Kết quả duyệt của từng bản ghi' })
  ketQua!: NationalRecordResultDto[];
}
