import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { NormalizeText } from '@skss/api/core';
import { PERMISSIONS, Permission } from '@skss/domain';
import { ROLE_CODE_MESSAGE, ROLE_CODE_PATTERN } from '../shared/account-formats';

const NAME_MAX_LENGTH = 200;
const DESCRIPTION_MAX_LENGTH = 500;
const PERMISSION_LIST_MESSAGES = {
  array: 'Phải là danh sách quyền',
  max: `Không quá ${PERMISSIONS.length} quyền`,
  unique: 'Quyền bị lặp',
};
const BOOLEAN_MESSAGE = 'Phải là true hoặc false';

const isPresent = (_: object, value: unknown) => value !== undefined;

export class CreateRoleDto {
  @ApiProperty({ example: 'SYT_QUAN_TRI', pattern: ROLE_CODE_PATTERN.source, description: 'Cannot be changed later' })
  @Matches(ROLE_CODE_PATTERN, { message: ROLE_CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Quản trị tài khoản tuyến tỉnh', maxLength: NAME_MAX_LENGTH })
  @NormalizeText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DESCRIPTION_MAX_LENGTH })
  @IsOptional()
  @NormalizeText()
  @IsString()
  @MaxLength(DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  @IsArray({ message: PERMISSION_LIST_MESSAGES.array })
  @ArrayMaxSize(PERMISSIONS.length, { message: PERMISSION_LIST_MESSAGES.max })
  @ArrayUnique({ message: PERMISSION_LIST_MESSAGES.unique })
  @IsEnum(PERMISSIONS, { each: true })
  permissions!: Permission[];

  @ApiPropertyOptional({ default: false, description: 'Members must enrol and use two-factor sign-in (TOTP)' })
  @IsOptional()
  @IsBoolean({ message: BOOLEAN_MESSAGE })
  requireTotp?: boolean;
}

/** Only the fields sent are changed; the code of a role never changes. */
export class UpdateRoleDto {
  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH })
  @ValidateIf(isPresent)
  @NormalizeText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DESCRIPTION_MAX_LENGTH })
  @IsOptional()
  @NormalizeText()
  @IsString()
  @MaxLength(DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @ApiPropertyOptional({ enum: PERMISSIONS, enumName: 'Permission', isArray: true, description: 'The complete new list' })
  @ValidateIf(isPresent)
  @IsArray({ message: PERMISSION_LIST_MESSAGES.array })
  @ArrayMaxSize(PERMISSIONS.length, { message: PERMISSION_LIST_MESSAGES.max })
  @ArrayUnique({ message: PERMISSION_LIST_MESSAGES.unique })
  @IsEnum(PERMISSIONS, { each: true })
  permissions?: Permission[];

  @ApiPropertyOptional()
  @ValidateIf(isPresent)
  @IsBoolean({ message: BOOLEAN_MESSAGE })
  requireTotp?: boolean;
}

export class RoleCodeParamDto {
  @ApiProperty({ example: 'TYT' })
  @Matches(ROLE_CODE_PATTERN, { message: ROLE_CODE_MESSAGE })
  code!: string;
}

export class RoleDto {
  @ApiProperty({ example: 'TYT' })
  code!: string;

  @ApiProperty({ example: 'Trạm Y tế' })
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  permissions!: Permission[];

  @ApiProperty({ description: 'Members must use two-factor sign-in' })
  requireTotp!: boolean;

  @ApiProperty({ description: 'A default role of a facility kind (Điều 5): editable, never deleted' })
  isSystem!: boolean;

  @ApiProperty({ type: 'integer', description: 'Accounts holding the role (all units, whatever the caller’s scope)' })
  memberCount!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

export class PermissionDto {
  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission' })
  code!: Permission;

  @ApiProperty({ example: 'Quản lý tài khoản' })
  label!: string;

  @ApiProperty({ example: 'Manage accounts' })
  labelEn!: string;

  @ApiProperty({ description: 'An administration permission: only holders may grant it, and its holders’ passwords expire after 6 months' })
  administration!: boolean;
}
