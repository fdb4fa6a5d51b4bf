import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, ErrorResponseDto, RequirePermissions, SignedInRoutes, UserPrincipal } from '@skss/api/core';
import { CreateRoleDto, RoleCodeParamDto, RoleDto, UpdateRoleDto } from '../dto/role.dto';
import { RolesService } from './roles.service';

/** Roles and their permissions (subsystem b). Anyone who may view accounts may view roles. */
@SignedInRoutes()
@ApiTags('roles')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller('roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @RequirePermissions('users.read')
  @ApiOperation({ operationId: 'listRoles', summary: 'Every role, system roles first' })
  @ApiOkResponse({ type: [RoleDto] })
  listRoles(): Promise<RoleDto[]> {
    return this.roles.listRoles();
  }

  @Get(':code')
  @RequirePermissions('users.read')
  @ApiOperation({ operationId: 'getRole', summary: 'One role' })
  @ApiOkResponse({ type: RoleDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  getRole(@Param() { code }: RoleCodeParamDto): Promise<RoleDto> {
    return this.roles.getRole(code);
  }

  @Post()
  @RequirePermissions('roles.manage')
  @ApiOperation({ operationId: 'createRole', summary: 'Create a role' })
  @ApiCreatedResponse({ type: RoleDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ROLE_CODE_TAKEN' })
  createRole(@Body() dto: CreateRoleDto, @CurrentUser() actor: UserPrincipal): Promise<RoleDto> {
    return this.roles.createRole(actor, dto);
  }

  @Patch(':code')
  @RequirePermissions('roles.manage')
  @ApiOperation({ operationId: 'updateRole', summary: 'Change a role’s name, description, permissions or two-factor requirement' })
  @ApiOkResponse({ type: RoleDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'LAST_ADMINISTRATOR' })
  updateRole(@Param() { code }: RoleCodeParamDto, @Body() dto: UpdateRoleDto, @CurrentUser() actor: UserPrincipal): Promise<RoleDto> {
    return this.roles.updateRole(actor, code, dto);
  }

  @Delete(':code')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermissions('roles.manage')
  @ApiOperation({ operationId: 'deleteRole', summary: 'Delete a role that no account holds (not a system role)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'SYSTEM_ROLE, ROLE_IN_USE' })
  deleteRole(@Param() { code }: RoleCodeParamDto, @CurrentUser() actor: UserPrincipal): Promise<void> {
    return this.roles.deleteRole(actor, code);
  }
}
