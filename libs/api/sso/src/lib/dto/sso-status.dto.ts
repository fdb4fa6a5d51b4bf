import { ApiProperty } from '@nestjs/swagger';

/** The sign-in button's text (subsystem i: "Trang đăng nhập và sử dụng chung tài khoản phần mềm Thống kê y tế"). */
export const SSO_LABEL = 'Đăng nhập bằng tài khoản Thống kê y tế';

export class SsoStatusDto {
  @ApiProperty({ description: 'Whether single sign-on with the health statistics software is configured (show the button)' })
  enabled!: boolean;

  @ApiProperty({ example: SSO_LABEL, description: 'Text of the sign-in button' })
  label!: string;
}
