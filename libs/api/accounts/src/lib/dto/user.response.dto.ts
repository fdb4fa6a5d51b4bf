import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto } from '@skss/api/core';
import { FACILITY_KINDS, FACILITY_LEVELS, FacilityKind, FacilityLevel } from '@skss/domain';
import { ACCOUNT_STATUSES, AccountStatusValue } from './user.request.dto';

export class UserFacilityDto {
  @ApiProperty({ example: 'TYT.03160.2025' })
  code!: string;

  @ApiProperty({ example: 'Trạm Y tế Xã Mường Nhé' })
  name!: string;

  @ApiProperty({ enum: FACILITY_KINDS, enumName: 'FacilityKind' })
  kind!: FacilityKind;

  @ApiProperty({ enum: FACILITY_LEVELS, enumName: 'FacilityLevel' })
  level!: FacilityLevel;
}

export class UserRoleRefDto {
  @ApiProperty({ example: 'TYT' })
  code!: string;

  @ApiProperty({ example: 'Trạm Y tế' })
  name!: string;
}

/** An account as administrators see it; never its password hash or second-factor secret. */
export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'tyt.muongnhe.lan' })
  username!: string;

  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  fullName!: string;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: UserFacilityDto })
  facility!: UserFacilityDto;

  @ApiProperty({ type: [UserRoleRefDto] })
  roles!: UserRoleRefDto[];

  @ApiProperty({ enum: ACCOUNT_STATUSES, enumName: 'AccountStatus' })
  status!: AccountStatusValue;

  @ApiProperty({ description: 'The initial (or reset) password has not been changed yet' })
  mustChangePassword!: boolean;

  @ApiProperty({ description: 'Temporarily locked after repeated failed sign-ins' })
  locked!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lockedUntil!: string | null;

  @ApiProperty({ description: 'Two-factor sign-in (TOTP) is enrolled' })
  totpEnabled!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Link to the health statistics software account (single sign-on)' })
  ssoSubject!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastSignInAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  passwordChangedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

export class UserPageDto extends PageMetaDto {
  @ApiProperty({ type: [UserDto] })
  items!: UserDto[];
}

export class CreatedUserDto extends UserDto {
  @ApiProperty({
    description: 'Random initial password, shown this once: hand it to the named officer, who must change it at first sign-in (Điều 5.2.c)',
  })
  initialPassword!: string;
}

export class InitialPasswordDto {
  @ApiProperty({ example: 'tyt.muongnhe.lan' })
  username!: string;

  @ApiProperty({ description: 'New random password, shown this once; it must be changed at the next sign-in' })
  initialPassword!: string;
}
