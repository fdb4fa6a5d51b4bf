import type { TranslationKey } from '@skss/console/i18n';
import type { ReportAction, ReportStatus } from '@skss/contract';
import type { PeriodSpan } from './aggregate-layout';

/** The translation keys of statuses and transitions, typed so that strict templates check them. */
export const statusKey = (status: ReportStatus): TranslationKey => `reports.status.${status}`;
export const eventKey = (action: ReportAction): TranslationKey => `reports.event.${action}`;
export const actionKey = (action: ReportAction): TranslationKey => `reports.actions.${action}`;
export const doneKey = (action: ReportAction): TranslationKey => `reports.done.${action}`;
export const spanKey = (span: PeriodSpan): TranslationKey => `reports.aggregate.span.${span}`;

/** Transitions that ask for a reason the other side reads (mandatory), and those confirmed with a dialog. */
export type ReasonAction = Extract<ReportAction, 'RETURNED' | 'UNAPPROVAL_REQUESTED'>;
export type ConfirmedAction = Exclude<ReportAction, ReasonAction>;

export const isReasonAction = (action: ReportAction): action is ReasonAction => action === 'RETURNED' || action === 'UNAPPROVAL_REQUESTED';

export const reasonTitleKey = (action: ReasonAction): TranslationKey => `reports.reason.${action}.title`;
export const reasonTextKey = (action: ReasonAction): TranslationKey => `reports.reason.${action}.text`;
export const confirmTitleKey = (action: ConfirmedAction): TranslationKey => `reports.confirm.${action}.title`;
export const confirmTextKey = (action: ConfirmedAction): TranslationKey => `reports.confirm.${action}.text`;

/** The order the actions are offered in: the sender's first, then the approver's. */
export const ACTION_ORDER: readonly ReportAction[] = ['SENT', 'RECALLED', 'UNAPPROVAL_REQUESTED', 'APPROVED', 'RETURNED', 'UNAPPROVED'];

/** The API path segment of each transition. */
export const TRANSITION_OF = {
  SENT: 'send',
  RECALLED: 'recall',
  UNAPPROVAL_REQUESTED: 'request-unapproval',
  APPROVED: 'approve',
  RETURNED: 'return',
  UNAPPROVED: 'unapprove',
} as const satisfies Record<ReportAction, string>;
