import { Body, Controller, Delete, Get, Header, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
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
import { CreateUserDto, ListUsersQueryDto, SetUserRolesDto, UpdateUserDto, UserIdParamDto } from '../dto/user.request.dto';
import { CreatedUserDto, InitialPasswordDto, UserDto, UserPageDto } from '../dto/user.response.dto';
import { AccountSecurityService } from './account-security.service';
import { UsersService } from './users.service';

/**
 * Accounts of named officers (subsystem a, Điều 5). Reads see the caller's scope (Điều 10: central
 * units all, others their reporting subtree); changes are limited to the caller's write scope.
 */
@SignedInRoutes()
@ApiTags('users')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({
  type: ErrorResponseDto,
  description: 'Missing permission, outside the write scope, own account, or an administration right not held',
})
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly security: AccountSecurityService,
  ) {}

  @Get()
  @RequirePermissions('users.read')
  @ApiOperation({ operationId: 'listUsers', summary: 'Accounts in the caller’s scope, filtered and paginated' })
  @ApiOkResponse({ type: UserPageDto })
  listUsers(@Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.users.listUsers(query);
  }

  @Get(':id')
  @RequirePermissions('users.read')
  @ApiOperation({ operationId: 'getUser', summary: 'One account' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  getUser(@Param() { id }: UserIdParamDto): Promise<UserDto> {
    return this.users.getUser(id);
  }

  @Post()
  @RequirePermissions('users.manage')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ operationId: 'createUser', summary: 'Create an account with a random initial password (shown once, must be changed)' })
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'USERNAME_TAKEN, SSO_SUBJECT_TAKEN' })
  createUser(@Body() dto: CreateUserDto, @CurrentUser() actor: UserPrincipal): Promise<CreatedUserDto> {
    return this.users.createUser(actor, dto);
  }

  @Patch(':id')
  @RequirePermissions('users.manage')
  @ApiOperation({ operationId: 'updateUser', summary: 'Change name, contact, facility or single sign-on link' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'SSO_SUBJECT_TAKEN, LAST_ADMINISTRATOR' })
  updateUser(@Param() { id }: UserIdParamDto, @Body() dto: UpdateUserDto, @CurrentUser() actor: UserPrincipal): Promise<UserDto> {
    return this.users.updateUser(actor, id, dto);
  }

  @Put(':id/roles')
  @RequirePermissions('users.manage')
  @ApiOperation({ operationId: 'setUserRoles', summary: 'Replace the roles of an account' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'LAST_ADMINISTRATOR' })
  setUserRoles(@Param() { id }: UserIdParamDto, @Body() dto: SetUserRolesDto, @CurrentUser() actor: UserPrincipal): Promise<UserDto> {
    return this.users.setUserRoles(actor, id, dto);
  }

  @Post(':id/disable')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('users.manage')
  @ApiOperation({ operationId: 'disableUser', summary: 'Disable an account and end its sessions' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'LAST_ADMINISTRATOR' })
  disableUser(@Param() { id }: UserIdParamDto, @CurrentUser() actor: UserPrincipal): Promise<UserDto> {
    return this.security.disableUser(actor, id);
  }

  @Post(':id/enable')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('users.manage')
  @ApiOperation({ operationId: 'enableUser', summary: 'Enable a disabled account again' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  enableUser(@Param() { id }: UserIdParamDto, @CurrentUser() actor: UserPrincipal): Promise<UserDto> {
    return this.security.enableUser(actor, id);
  }

  @Post(':id/unlock')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('users.manage')
  @ApiOperation({ operationId: 'unlockUser', summary: 'Lift a lockout after failed sign-ins' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  unlockUser(@Param() { id }: UserIdParamDto, @CurrentUser() actor: UserPrincipal): Promise<UserDto> {
    return this.security.unlockUser(actor, id);
  }

  @Post(':id/password-reset')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('users.manage')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ operationId: 'resetUserPassword', summary: 'Issue a new initial password (shown once) and end the sessions' })
  @ApiOkResponse({ type: InitialPasswordDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  resetUserPassword(@Param() { id }: UserIdParamDto, @CurrentUser() actor: UserPrincipal): Promise<InitialPasswordDto> {
    return this.security.resetUserPassword(actor, id);
  }

  @Post(':id/totp-reset')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('users.manage')
  @ApiOperation({ operationId: 'resetUserTotp', summary: 'Remove the two-factor enrolment (lost phone) and end the sessions' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  resetUserTotp(@Param() { id }: UserIdParamDto, @CurrentUser() actor: UserPrincipal): Promise<UserDto> {
    return this.security.resetUserTotp(actor, id);
  }

  @Delete(':id/sessions')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermissions('users.manage')
  @ApiOperation({ operationId: 'endUserSessions', summary: 'End every open session of an account' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  endUserSessions(@Param() { id }: UserIdParamDto, @CurrentUser() actor: UserPrincipal): Promise<void> {
    return this.security.endUserSessions(actor, id);
  }
}
