import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { NormalizeText, PageQueryDto } from '@skss/api/core';
import {
  EMAIL_MAX_LENGTH,
  FACILITY_CODE_PATTERN,
  FULL_NAME_MAX_LENGTH,
  MAX_ROLES_PER_ACCOUNT,
  normalizeUsername,
  PHONE_PATTERN,
  ROLE_CODE_MESSAGE,
  ROLE_CODE_PATTERN,
  SSO_SUBJECT_PATTERN,
  USERNAME_MESSAGE,
  USERNAME_PATTERN,
} from '../shared/account-formats';

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type AccountStatusValue = (typeof ACCOUNT_STATUSES)[number];

const EMAIL_MESSAGE = 'Địa chỉ email không hợp lệ';
const PHONE_MESSAGE = 'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, ngoặc và dấu + ở đầu (6–30 ký tự)';
const SSO_SUBJECT_MESSAGE = 'Mã liên kết gồm 1–200 ký tự, không có khoảng trắng ở đầu hoặc cuối';
const ROLE_LIST_MESSAGES = {
  array: 'Phải là danh sách mã vai trò',
  min: 'Cần ít nhất một vai trò (để ngừng cho tài khoản sử dụng, hãy vô hiệu hóa tài khoản)',
  max: `Không quá ${MAX_ROLES_PER_ACCOUNT} vai trò`,
  unique: 'Mã vai trò bị lặp',
};

/** Present in the body: validate, and refuse null (the field cannot be cleared). */
const isPresent = (_: object, value: unknown) => value !== undefined;

export class CreateUserDto {
  @ApiProperty({ example: 'tyt.muongnhe.lan', pattern: USERNAME_PATTERN.source, description: 'Stored in lower case' })
  @Transform(({ value }) => normalizeUsername(value))
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username!: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan', maxLength: FULL_NAME_MAX_LENGTH })
  @NormalizeText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(FULL_NAME_MAX_LENGTH)
  fullName!: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email', maxLength: EMAIL_MAX_LENGTH })
  @IsOptional()
  @NormalizeText()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0912 345 678' })
  @IsOptional()
  @NormalizeText()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiProperty({ example: 'TYT.03160.2025', description: 'Code of the health facility the account belongs to (in force today)' })
  @Matches(FACILITY_CODE_PATTERN)
  facilityCode!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['TYT'],
    description: "Roles to grant; default: the default role of the facility's kind (Điều 5)",
  })
  @IsOptional()
  @IsArray({ message: ROLE_LIST_MESSAGES.array })
  @ArrayMinSize(1, { message: ROLE_LIST_MESSAGES.min })
  @ArrayMaxSize(MAX_ROLES_PER_ACCOUNT, { message: ROLE_LIST_MESSAGES.max })
  @ArrayUnique({ message: ROLE_LIST_MESSAGES.unique })
  @Matches(ROLE_CODE_PATTERN, { each: true, message: ROLE_CODE_MESSAGE })
  roleCodes?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    description: 'Value of the single sign-on claim that links this account to the health statistics software',
  })
  @IsOptional()
  @IsString()
  @Matches(SSO_SUBJECT_PATTERN, { message: SSO_SUBJECT_MESSAGE })
  ssoSubject?: string | null;
}

/** Only the fields sent are changed; `null` clears an optional field. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Nguyễn Thị Lan', maxLength: FULL_NAME_MAX_LENGTH })
  @ValidateIf(isPresent)
  @NormalizeText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(FULL_NAME_MAX_LENGTH)
  fullName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email', maxLength: EMAIL_MAX_LENGTH })
  @IsOptional()
  @NormalizeText()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @NormalizeText()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({ example: 'TYT.03127.2025', description: 'Move the account to another facility (in force today)' })
  @ValidateIf(isPresent)
  @Matches(FACILITY_CODE_PATTERN)
  facilityCode?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Matches(SSO_SUBJECT_PATTERN, { message: SSO_SUBJECT_MESSAGE })
  ssoSubject?: string | null;
}

export class SetUserRolesDto {
  @ApiProperty({ type: [String], example: ['TYT'], description: 'The complete list of roles the account will hold' })
  @IsArray({ message: ROLE_LIST_MESSAGES.array })
  @ArrayMinSize(1, { message: ROLE_LIST_MESSAGES.min })
  @ArrayMaxSize(MAX_ROLES_PER_ACCOUNT, { message: ROLE_LIST_MESSAGES.max })
  @ArrayUnique({ message: ROLE_LIST_MESSAGES.unique })
  @Matches(ROLE_CODE_PATTERN, { each: true, message: ROLE_CODE_MESSAGE })
  roleCodes!: string[];
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Username or full name; diacritics and case are ignored', maxLength: 100, example: 'muong nhe' })
  @IsOptional()
  @IsString()
  @NormalizeText()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Only accounts of this facility (code)', example: 'TYT.03160.2025' })
  @IsOptional()
  @Matches(FACILITY_CODE_PATTERN)
  facility?: string;

  @ApiPropertyOptional({ description: 'Only accounts holding this role (code)', example: 'TYT' })
  @IsOptional()
  @Matches(ROLE_CODE_PATTERN, { message: ROLE_CODE_MESSAGE })
  role?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES, enumName: 'AccountStatus' })
  @IsOptional()
  @IsEnum(ACCOUNT_STATUSES)
  status?: AccountStatusValue;
}

export class UserIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Mã tài khoản không hợp lệ' })
  id!: string;
}
