import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermissions, SignedInRoutes } from '@skss/api/core';
import { PermissionDto } from '../dto/role.dto';
import { RolesService } from './roles.service';

/** The permission vocabulary with its labels, for role editors and the console. */
@SignedInRoutes()
@ApiTags('roles')
@Controller('permissions')
export class PermissionsController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @RequirePermissions('users.read')
  @ApiOperation({ operationId: 'listPermissions', summary: 'Every permission a role can hold, with its Vietnamese label' })
  @ApiOkResponse({ type: [PermissionDto] })
  listPermissions(): PermissionDto[] {
    return this.roles.listPermissions();
  }
}
