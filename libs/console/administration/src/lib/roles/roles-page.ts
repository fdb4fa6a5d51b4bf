import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { Session } from '@skss/console/auth';
import { ApiErrorMessage, Icon, remote, TranslatePipe } from '@skss/console/ui';
import { Api, listPermissions, listRoles, RoleDto } from '@skss/contract';
import { revealOnNarrowScreens } from '../shared/reveal';
import { RoleEditor } from './role-editor';

/** `?role=` value of the editor for a new role. */
export const NEW_ROLE = '+';

/**
 * "Vai trò": the roles and what each allows. Anyone with `users.read` sees them; with `roles.manage` the editor changes
 * their permissions and two-factor requirement, creates roles and deletes those that are neither default nor in use.
 */
@Component({
  selector: 'skss-roles-page',
  imports: [MatButton, MatTableModule, MatProgressBar, ApiErrorMessage, Icon, TranslatePipe, RoleEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './roles-page.html',
  styleUrl: './roles-page.scss',
})
export class RolesPage {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly session = inject(Session);

  /** `?role=CODE`, or `+` for a new role. */
  readonly role = input<string>();

  private readonly detail = viewChild<ElementRef<HTMLElement>>('detail');
  private readonly reveal = revealOnNarrowScreens(this.detail);

  protected readonly canManage = computed(() => this.session.hasPermission('roles.manage'));
  protected readonly columns = ['name', 'permissions', 'requireTotp', 'members'];
  protected readonly roles = remote(
    () => true,
    () => this.api.invoke(listRoles),
  );
  protected readonly permissions = remote(
    () => true,
    () => this.api.invoke(listPermissions),
  );
  protected readonly creating = computed(() => this.role() === NEW_ROLE && this.canManage());
  protected readonly selected = computed(() => {
    const code = this.role();
    return code && code !== NEW_ROLE ? (this.roles.value()?.find((role) => role.code === code) ?? null) : null;
  });
  /** Bumped to make the editor forget unsaved changes when another role opens. */
  protected readonly editorKey = signal(0);

  protected select(code: string | null): void {
    void this.router.navigate([], { queryParams: { role: code }, queryParamsHandling: 'merge' }).then(() => code && this.reveal());
  }

  protected create(): void {
    this.select(NEW_ROLE);
  }

  protected saved(role: RoleDto): void {
    this.roles.reload();
    this.select(role.code);
  }

  protected deleted(): void {
    this.roles.reload();
    this.select(null);
  }
}
