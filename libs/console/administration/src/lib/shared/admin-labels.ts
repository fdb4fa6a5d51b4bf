import { inject, Injectable } from '@angular/core';
import { facilityKindName, TranslationKey } from '@skss/console/i18n';
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

/** Labels of the audit trail's actions (`admin` scope). */
const ACTION_KEYS: Readonly<Record<AuditAction, TranslationKey>> = {
  CREATE: 'admin.action.CREATE',
  UPDATE: 'admin.action.UPDATE',
  DELETE: 'admin.action.DELETE',
  SIGN_IN: 'admin.action.SIGN_IN',
  SIGN_IN_FAILED: 'admin.action.SIGN_IN_FAILED',
  SIGN_OUT: 'admin.action.SIGN_OUT',
  LOCKOUT: 'admin.action.LOCKOUT',
  UNLOCK: 'admin.action.UNLOCK',
  PASSWORD_CHANGE: 'admin.action.PASSWORD_CHANGE',
  PASSWORD_RESET: 'admin.action.PASSWORD_RESET',
  ROLE_CHANGE: 'admin.action.ROLE_CHANGE',
  SCOPE_CHANGE: 'admin.action.SCOPE_CHANGE',
  TOTP_ENABLED: 'admin.action.TOTP_ENABLED',
  SECRET_ROTATED: 'admin.action.SECRET_ROTATED',
  EXPORT: 'admin.action.EXPORT',
  VIEW: 'admin.action.VIEW',
  IMPORT: 'admin.action.IMPORT',
  MERGE: 'admin.action.MERGE',
  MERGE_UNDONE: 'admin.action.MERGE_UNDONE',
  ACCESS_DENIED: 'admin.action.ACCESS_DENIED',
};
export const AUDIT_ACTIONS = Object.keys(ACTION_KEYS) as AuditAction[];

/** Kinds of records the audit trail names (the API's model names), with their labels. */
const ENTITY_TYPE_KEYS = {
  UserAccount: 'admin.entity.UserAccount',
  UserRole: 'admin.entity.UserRole',
  Role: 'admin.entity.Role',
  IntegrationClient: 'admin.entity.IntegrationClient',
  IntegrationClientFacility: 'admin.entity.IntegrationClientFacility',
  Facility: 'admin.entity.Facility',
  FacilityReportingLine: 'admin.entity.FacilityReportingLine',
  ReportingRule: 'admin.entity.ReportingRule',
  AdminUnit: 'admin.entity.AdminUnit',
  AuditEvent: 'admin.entity.AuditEvent',
} as const satisfies Record<string, TranslationKey>;
export type EntityType = keyof typeof ENTITY_TYPE_KEYS;
export const ENTITY_TYPES = Object.keys(ENTITY_TYPE_KEYS) as EntityType[];

/**
 * The administration screens' labels of coded values, in the console's language: permissions, external systems and
 * operations (given in both languages by `@skss/domain`), audit actions and record types (texts of the `admin` scope),
 * facility kinds. Texts themselves go through the console's `I18n` and `translate` pipe like everywhere else.
 */
@Injectable({ providedIn: 'root' })
export class AdminLabels {
  private readonly i18n = inject(I18n);
  readonly language = this.i18n.language;

  permission(permission: Permission | string): string {
    const label = (PERMISSION_LABELS as Readonly<Record<string, { vi: string; en: string }>>)[permission];
    return label ? this.i18n.label(label) : permission;
  }

  system(system: ExternalSystem): string {
    const label = EXTERNAL_SYSTEM_LABELS[system];
    return label ? this.i18n.label(label) : system;
  }

  operation(operation: IntegrationOperation): string {
    const label = INTEGRATION_OPERATION_LABELS[operation];
    return label ? this.i18n.label(label) : operation;
  }

  action(action: AuditAction): string {
    const key = ACTION_KEYS[action];
    return key ? this.i18n.t(key) : action;
  }

  entityType(type: string | null): string {
    if (!type) return '—';
    const key = (ENTITY_TYPE_KEYS as Readonly<Record<string, TranslationKey>>)[type];
    return key ? this.i18n.t(key) : type;
  }

  facilityKind(kind: FacilityKind): string {
    return facilityKindName(kind, this.language());
  }
}
