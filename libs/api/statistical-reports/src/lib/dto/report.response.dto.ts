import { ApiProperty } from '@nestjs/swagger';
import { FACILITY_KINDS, FacilityKind } from '@skss/domain';
import { REPORT_FORM_CODES, ReportFormCode } from '../forms/form-catalogue';
import { REPORT_ACTIONS, REPORT_STATUSES, ReportAction, ReportStatus } from '../workflow/report-workflow';

const CELLS = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  nullable: true,
  example: { 'I.3:total': 42, 'I.3:station': 30, 'I.3:outside': 12 },
} as const;

export class ReportFormDto {
  @ApiProperty({ enum: REPORT_FORM_CODES, enumName: 'ReportFormCode' })
  code!: ReportFormCode;

  @ApiProperty({ example: 'Chăm sóc sức khỏe bà mẹ' })
  nameVi!: string;

  @ApiProperty({ example: 'Maternal care' })
  nameEn!: string;

  @ApiProperty({ description: 'Whether its values are computed from the registers yet (otherwise sent without values)' })
  computed!: boolean;
}

export class ReportFacilityDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ example: 'TYT.03160.2025' })
  code!: string;

  @ApiProperty({ example: 'Trạm Y tế Xã Mường Nhé' })
  name!: string;

  @ApiProperty({ enum: FACILITY_KINDS, enumName: 'FacilityKind' })
  kind!: FacilityKind;
}

export class CellChangeDto {
  @ApiProperty({ example: 'I.3:total' })
  cell!: string;

  @ApiProperty({ example: 'I.3' })
  row!: string;

  @ApiProperty({ example: 'total' })
  column!: string;

  @ApiProperty({ type: 'integer', description: 'Value as sent' })
  sent!: number;

  @ApiProperty({ type: 'integer', description: 'Value computed from the registers now' })
  current!: number;
}

export class ReportEventDto {
  @ApiProperty({ enum: REPORT_ACTIONS, enumName: 'ReportAction' })
  action!: ReportAction;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ example: 'tyt.muongnhe' })
  actorUsername!: string;

  @ApiProperty({ type: String, nullable: true, example: 'TYT.03160.2025' })
  actorFacilityCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
}

/** A report's place in the workflow, as every transition answers it. */
export class ReportStateDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null until the report is first sent' })
  id!: string | null;

  @ApiProperty({ enum: REPORT_FORM_CODES, enumName: 'ReportFormCode' })
  form!: ReportFormCode;

  @ApiProperty({ type: () => ReportFacilityDto })
  facility!: ReportFacilityDto;

  @ApiProperty({ example: '2026-01' })
  month!: string;

  @ApiProperty({ enum: REPORT_STATUSES, enumName: 'ReportStatus' })
  status!: ReportStatus;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Changes with every transition' })
  version!: number | null;

  @ApiProperty({ format: 'date', description: 'Last day the report is on time (Vietnam calendar day)' })
  deadline!: string;

  @ApiProperty({ type: () => ReportFacilityDto, nullable: true, description: 'The facility that approves it (reportsTo in that month)' })
  approver!: ReportFacilityDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'First sending (decides timeliness)' })
  firstSentAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Latest sending' })
  sentAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  approvedAt!: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'First sent by the deadline; null while never sent' })
  onTime!: boolean | null;
}

export class ReportDto extends ReportStateDto {
  @ApiProperty({ ...CELLS, description: 'Values computed from the registers now, by cell key (row:column); null when not computed yet' })
  draft!: Record<string, number> | null;

  @ApiProperty({ ...CELLS, description: 'Values as last sent (frozen), by cell key; null while never sent' })
  sent!: Record<string, number> | null;

  @ApiProperty({ description: 'The registers changed after the report was sent (late entries): see `changes`' })
  changedSinceSent!: boolean;

  @ApiProperty({ type: [CellChangeDto], description: 'Cells whose value differs between the sent values and the draft' })
  changes!: CellChangeDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Why it was returned, while it is returned' })
  returnReason!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the sender asks for un-approval, while asked' })
  unapprovalReason!: string | null;

  @ApiProperty({ enum: REPORT_ACTIONS, enumName: 'ReportAction', isArray: true, description: 'Transitions open to the caller now' })
  actions!: ReportAction[];

  @ApiProperty({ type: [ReportEventDto], description: 'Every transition, oldest first' })
  events!: ReportEventDto[];
}

export class WorklistDto {
  @ApiProperty({ example: '2026-01' })
  month!: string;

  @ApiProperty({ type: () => ReportFacilityDto })
  facility!: ReportFacilityDto;

  @ApiProperty({ type: [ReportStateDto], description: 'Each form the facility sends for the month' })
  items!: ReportStateDto[];
}

export class RatesDto {
  @ApiProperty({ type: 'integer', description: 'Reports due' })
  expected!: number;

  @ApiProperty({ type: 'integer', description: 'Reports sent and not withdrawn (sent or approved)' })
  received!: number;

  @ApiProperty({ type: 'integer' })
  approved!: number;

  @ApiProperty({ type: 'integer', description: 'Reports received that were first sent by their deadline' })
  onTime!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'received / expected, in percent (one decimal)' })
  completenessPercent!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'onTime / expected, in percent (one decimal)' })
  onTimePercent!: number | null;
}

export class ApprovalChildDto {
  @ApiProperty({ type: () => ReportFacilityDto })
  facility!: ReportFacilityDto;

  @ApiProperty({ type: () => RatesDto })
  rates!: RatesDto;

  @ApiProperty({ type: [ReportStateDto] })
  reports!: ReportStateDto[];
}

export class ApprovalsDto {
  @ApiProperty({ example: '2026-01' })
  month!: string;

  @ApiProperty({ type: () => ReportFacilityDto })
  facility!: ReportFacilityDto;

  @ApiProperty({ type: () => RatesDto, description: 'Over every child report due' })
  rates!: RatesDto;

  @ApiProperty({ type: [ApprovalChildDto], description: 'The facilities that report to the caller’s in that month' })
  children!: ApprovalChildDto[];
}

export class BulkApprovalItemDto {
  @ApiProperty({ format: 'uuid' })
  reportId!: string;

  @ApiProperty({ enum: ['APPROVED', 'REFUSED'] })
  outcome!: 'APPROVED' | 'REFUSED';

  @ApiProperty({ type: 'integer', description: 'The status a single approval would have answered', example: 200 })
  status!: number;

  @ApiProperty({ type: String, nullable: true, example: 'TRANSITION_NOT_ALLOWED' })
  code!: string | null;

  @ApiProperty({ type: String, nullable: true })
  message!: string | null;

  @ApiProperty({ type: () => ReportStateDto, nullable: true })
  report!: ReportStateDto | null;
}

export class BulkApprovalResultDto {
  @ApiProperty({ type: 'integer' })
  approved!: number;

  @ApiProperty({ type: 'integer' })
  refused!: number;

  @ApiProperty({ type: [BulkApprovalItemDto], description: 'One outcome per id, in the order given' })
  results!: BulkApprovalItemDto[];
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: REPORT_ACTIONS, enumName: 'ReportAction', description: 'The transition it announces' })
  kind!: ReportAction;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reportId!: string | null;

  @ApiProperty({ enum: REPORT_FORM_CODES, enumName: 'ReportFormCode', nullable: true })
  form!: ReportFormCode | null;

  @ApiProperty({ type: () => ReportFacilityDto, nullable: true, description: 'The reporting facility' })
  facility!: ReportFacilityDto | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-01' })
  month!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The reason given (returns, un-approval requests)' })
  reason!: string | null;

  @ApiProperty({ example: 'Trạm Y tế Xã Mường Nhé đã gửi báo cáo tháng 01/2026' })
  message!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt!: string | null;
}

export class NotificationListDto {
  @ApiProperty({ type: 'integer', description: 'Unread notifications of the caller (all, not only those listed)' })
  unread!: number;

  @ApiProperty({ type: [NotificationDto], description: 'Latest first, at most 100' })
  items!: NotificationDto[];
}
