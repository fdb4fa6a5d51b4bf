import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';
import { facilityKindName, Language, TranslationParams } from '@skss/console/i18n';
import { I18n } from '@skss/console/ui';
import { AuditAction, FacilityKind } from '@skss/contract';
import {
  EXTERNAL_SYSTEM_LABELS,
  ExternalSystem,
  INTEGRATION_OPERATION_LABELS,
  IntegrationOperation,
  Permission,
  PERMISSION_LABELS,
} from '@skss/domain';
import { AdminTextKey, ADMIN_TEXTS } from './admin-texts';

/** Labels of the audit trail's actions, in both languages. */
const ACTION_KEYS: Readonly<Record<AuditAction, AdminTextKey>> = {
  CREATE: 'action.CREATE',
  UPDATE: 'action.UPDATE',
  DELETE: 'action.DELETE',
  SIGN_IN: 'action.SIGN_IN',
  SIGN_IN_FAILED: 'action.SIGN_IN_FAILED',
  SIGN_OUT: 'action.SIGN_OUT',
  LOCKOUT: 'action.LOCKOUT',
  UNLOCK: 'action.UNLOCK',
  PASSWORD_CHANGE: 'action.PASSWORD_CHANGE',
  PASSWORD_RESET: 'action.PASSWORD_RESET',
  ROLE_CHANGE: 'action.ROLE_CHANGE',
  SCOPE_CHANGE: 'action.SCOPE_CHANGE',
  TOTP_ENABLED: 'action.TOTP_ENABLED',
  SECRET_ROTATED: 'action.SECRET_ROTATED',
  EXPORT: 'action.EXPORT',
  ACCESS_DENIED: 'action.ACCESS_DENIED',
};
export const AUDIT_ACTIONS = Object.keys(ACTION_KEYS) as AuditAction[];

/** Kinds of records the audit trail names (the API's model names), with their labels. */
const ENTITY_TYPE_KEYS = {
  UserAccount: 'entity.UserAccount',
  UserRole: 'entity.UserRole',
  Role: 'entity.Role',
  IntegrationClient: 'entity.IntegrationClient',
  IntegrationClientFacility: 'entity.IntegrationClientFacility',
  Facility: 'entity.Facility',
  FacilityReportingLine: 'entity.FacilityReportingLine',
  ReportingRule: 'entity.ReportingRule',
  AdminUnit: 'entity.AdminUnit',
  AuditEvent: 'entity.AuditEvent',
} as const satisfies Record<string, AdminTextKey>;
export type EntityType = keyof typeof ENTITY_TYPE_KEYS;
export const ENTITY_TYPES = Object.keys(ENTITY_TYPE_KEYS) as EntityType[];

/**
 * The texts of the administration screens, kept in this library (`admin-texts.ts`) and read in the console's language:
 * `{{ 'users.title' | adminText }}`, `admin.t('users.count', { total })`. Also the labels of the shared vocabularies
 * (permissions, external systems, operations, audit actions, facility kinds), which `@skss/domain` gives in both languages.
 */
@Injectable({ providedIn: 'root' })
export class AdminI18n {
  private readonly i18n = inject(I18n);
  readonly language = this.i18n.language;

  t(key: AdminTextKey, params?: TranslationParams): string {
    return adminText(this.language(), key, params);
  }

  permission(permission: Permission | string): string {
    const label = (PERMISSION_LABELS as Readonly<Record<string, { vi: string; en: string }>>)[permission];
    return label ? label[this.language()] : permission;
  }

  system(system: ExternalSystem): string {
    return EXTERNAL_SYSTEM_LABELS[system]?.[this.language()] ?? system;
  }

  operation(operation: IntegrationOperation): string {
    return INTEGRATION_OPERATION_LABELS[operation]?.[this.language()] ?? operation;
  }

  action(action: AuditAction): string {
    const key = ACTION_KEYS[action];
    return key ? this.t(key) : action;
  }

  entityType(type: string | null): string {
    if (!type) return '—';
    const key = (ENTITY_TYPE_KEYS as Readonly<Record<string, AdminTextKey>>)[type];
    return key ? this.t(key) : type;
  }

  facilityKind(kind: FacilityKind): string {
    return facilityKindName(kind, this.language());
  }
}

export function adminText(language: Language, key: AdminTextKey, params?: TranslationParams): string {
  const text = ADMIN_TEXTS[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : placeholder,
  );
}

/** `{{ 'users.title' | adminText }}`; impure like the console's `translate` pipe, so a language switch re-renders it. */
@Pipe({ name: 'adminText', pure: false })
export class AdminTextPipe implements PipeTransform {
  private readonly admin = inject(AdminI18n);

  transform(key: AdminTextKey, params?: TranslationParams): string {
    return this.admin.t(key, params);
  }
}
