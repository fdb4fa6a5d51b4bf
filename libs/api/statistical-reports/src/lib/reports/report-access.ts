import { Injectable } from '@nestjs/common';
import { CENTRAL_KINDS, DomainError, UserPrincipal } from '@skss/api/core';
import type { WorkflowRole } from '../workflow/report-workflow';
import { Month } from './report-month';
import { ReportsRepository } from './reports.repository';

export const reportNotFound = () => new DomainError('REPORT_NOT_FOUND', 'Không tìm thấy báo cáo', 404);
export const facilityNotFound = () =>
  new DomainError('FACILITY_NOT_FOUND', 'Không tìm thấy cơ sở y tế trong phạm vi quản lý của tài khoản vào tháng này', 404);

/**
 * Who may do what with a facility's report of a month. Reading: the facility itself, the
 * facility it reports to, every facility its reporting chain passed through that month, and the
 * central units. Sending, recalling and asking for un-approval: an officer of the facility itself.
 * Approving, returning and un-approving: an officer of the facility it reports to that month.
 */
@Injectable()
export class ReportAccess {
  constructor(private readonly reports: ReportsRepository) {}

  async canRead(user: UserPrincipal, facilityId: number, month: Month, approverId: number | null): Promise<boolean> {
    if (CENTRAL_KINDS.includes(user.facilityKind)) return true;
    if (user.facilityId === facilityId || user.facilityId === approverId) return true;
    return (await this.reports.subtreeInMonth(user.facilityId, month)).has(facilityId);
  }

  /** The workflow roles the user holds for a report of `facilityId` approved by `approverId`. */
  rolesOf(user: UserPrincipal, facilityId: number, approverId: number | null): Set<WorkflowRole> {
    const roles = new Set<WorkflowRole>();
    if (user.facilityId === facilityId && user.permissions.has('reports.send')) roles.add('sender');
    if (approverId !== null && user.facilityId === approverId && user.permissions.has('reports.approve')) roles.add('approver');
    return roles;
  }
}
