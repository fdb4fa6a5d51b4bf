import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { FACILITY_KINDS, FACILITY_LEVELS, FacilityKind, FacilityLevel, PERMISSIONS, Permission } from '@skss/domain';
import { PENDING_STEPS, PendingStep } from '../sessions/account-state';

export class LoginDto {
  @ApiProperty({ example: 'tyt.muongnhe', maxLength: 60 })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  username!: string;

  @ApiProperty({ example: 'Mật-khẩu#2026', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({
    enum: ['cookie', 'bearer'],
    enumName: 'SessionTransport',
    default: 'cookie',
    description: 'cookie: the browser keeps an httpOnly cookie (console). bearer: the token is returned once in the body, for API clients',
  })
  @IsOptional()
  @IsIn(['cookie', 'bearer'])
  session?: 'cookie' | 'bearer';
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ maxLength: 200, description: 'At least 8 characters with upper case, lower case, digit and special character' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  newPassword!: string;
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/)
  code!: string;
}

export class TotpSetupDto {
  @ApiProperty({ description: 'Base32 secret to type into an authenticator app' })
  secret!: string;

  @ApiProperty({ description: 'otpauth:// URL (for a QR code)' })
  otpauthUrl!: string;
}

export class MeFacilityDto {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: FACILITY_KINDS, enumName: 'FacilityKind' })
  kind!: FacilityKind;

  @ApiProperty({ enum: FACILITY_LEVELS, enumName: 'FacilityLevel' })
  level!: FacilityLevel;
}

export class MeRoleDto {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: MeFacilityDto })
  facility!: MeFacilityDto;

  @ApiProperty({ type: [MeRoleDto] })
  roles!: MeRoleDto[];

  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  permissions!: Permission[];

  @ApiProperty({
    enum: PENDING_STEPS,
    enumName: 'PendingStep',
    nullable: true,
    description: 'What the session must do before using the system',
  })
  pending!: PendingStep | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the password must be changed (administrators)' })
  passwordExpiresAt!: string | null;

  @ApiProperty()
  totpEnabled!: boolean;

  @ApiProperty({ type: 'integer', description: 'Seconds of inactivity after which the session ends' })
  idleTimeoutSeconds!: number;
}

export class LoginResponseDto extends MeDto {
  @ApiPropertyOptional({ description: 'Bearer token (only when session=bearer was asked for); shown once' })
  token?: string;
}
