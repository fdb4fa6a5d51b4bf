/**
 * The workflow of a monthly report as pure rules: which transition a role may make from which
 * stored status, and the status the officer sees. A report has a row from its first sending;
 * before that (and after a recall) it is a draft computed from the registers.
 *
 *   (draft) ──send──▶ SENT ──approve──▶ APPROVED ──request-unapproval──▶ UNAPPROVAL_REQUESTED
 *      ▲   ◀─recall──┘ │  ◀───────────────────────────────unapprove──────────────┘
 *      │              return
 *      └──send── RETURNED ◀┘
 */

/** Stored statuses (the database enum statistical_report_status). */
export const STORED_STATUSES = ['SENT', 'RECALLED', 'RETURNED', 'APPROVED', 'UNAPPROVAL_REQUESTED'] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];

/** What the officer sees: the stored status, or one derived when there is no row (or it was recalled). */
export const REPORT_STATUSES = ['NOT_STARTED', 'DRAFT', 'SENT', 'RETURNED', 'APPROVED', 'UNAPPROVAL_REQUESTED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  NOT_STARTED: 'Chưa lập',
  DRAFT: 'Bản nháp',
  SENT: 'Đã gửi',
  RETURNED: 'Bị trả lại',
  APPROVED: 'Đã duyệt',
  UNAPPROVAL_REQUESTED: 'Đã duyệt, đang xin hủy duyệt',
};

/** The transitions (and the report_action enum of their events). */
export const REPORT_ACTIONS = ['SENT', 'RECALLED', 'RETURNED', 'APPROVED', 'UNAPPROVAL_REQUESTED', 'UNAPPROVED'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Who makes a transition: the reporting facility's officer, or the officer of the facility it reports to. */
export type WorkflowRole = 'sender' | 'approver';

export interface Transition {
  readonly role: WorkflowRole;
  /** Stored statuses it starts from; null stands for "no row yet". */
  readonly from: readonly (StoredStatus | null)[];
  readonly to: StoredStatus;
  /** The reason is mandatory (shown to the other side). */
  readonly reasonRequired: boolean;
}

export const TRANSITIONS: Readonly<Record<ReportAction, Transition>> = {
  SENT: { role: 'sender', from: [null, 'RECALLED', 'RETURNED'], to: 'SENT', reasonRequired: false },
  RECALLED: { role: 'sender', from: ['SENT'], to: 'RECALLED', reasonRequired: false },
  RETURNED: { role: 'approver', from: ['SENT'], to: 'RETURNED', reasonRequired: true },
  APPROVED: { role: 'approver', from: ['SENT'], to: 'APPROVED', reasonRequired: false },
  UNAPPROVAL_REQUESTED: { role: 'sender', from: ['APPROVED'], to: 'UNAPPROVAL_REQUESTED', reasonRequired: true },
  // Back to "sent, not approved": the sender may then recall, correct and send again.
  UNAPPROVED: { role: 'approver', from: ['UNAPPROVAL_REQUESTED'], to: 'SENT', reasonRequired: false },
};

/** Statuses in which the report counts as approved (its registers are locked, its parent may include it). */
export const APPROVED_STATUSES: readonly StoredStatus[] = ['APPROVED', 'UNAPPROVAL_REQUESTED'];
/** Statuses in which the approver has the report in hand (it counts as received for completeness). */
export const RECEIVED_STATUSES: readonly StoredStatus[] = ['SENT', 'APPROVED', 'UNAPPROVAL_REQUESTED'];

export function canTransition(action: ReportAction, from: StoredStatus | null): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** The status shown for a stored one; without a row (or recalled) a draft once the month has register rows. */
export function visibleStatus(stored: StoredStatus | null, hasRegisterRows: boolean): ReportStatus {
  if (stored === null || stored === 'RECALLED') return hasRegisterRows || stored === 'RECALLED' ? 'DRAFT' : 'NOT_STARTED';
  return stored;
}

/** The transitions open to a caller holding these roles for a report in this stored status. */
export function openActions(stored: StoredStatus | null, roles: ReadonlySet<WorkflowRole>): ReportAction[] {
  return REPORT_ACTIONS.filter((action) => roles.has(TRANSITIONS[action].role) && canTransition(action, stored));
}
