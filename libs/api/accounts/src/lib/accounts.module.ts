import { Module } from '@nestjs/common';
import { AuthModule } from '@skss/api/auth';
import { PermissionsController } from './roles/permissions.controller';
import { RolesController } from './roles/roles.controller';
import { RolesRepository } from './roles/roles.repository';
import { RolesService } from './roles/roles.service';
import { AdministrationSafety } from './shared/administration-safety.service';
import { AccountSecurityService } from './users/account-security.service';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

/** Account administration (subsystem a) and roles (subsystem b): Điều 5, 10 and 17. */
@Module({
  imports: [AuthModule],
  controllers: [UsersController, RolesController, PermissionsController],
  providers: [UsersRepository, UsersService, AccountSecurityService, RolesRepository, RolesService, AdministrationSafety],
})
export class AccountsModule {}
