import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, ErrorResponseDto, RequirePermissions, SignedInRoutes, UserPrincipal } from '@skss/api/core';
import {
  BulkApproveDto,
  MonthQueryDto,
  OptionalMonthQueryDto,
  OptionalReasonDto,
  ReasonDto,
  ReportKeyParamDto,
} from './dto/report.request.dto';
import { ApprovalsDto, BulkApprovalResultDto, ReportDto, ReportFormDto, ReportStateDto, WorklistDto } from './dto/report.response.dto';
import { ReportApprovalService } from './reports/report-approval.service';
import { ReportReadingService } from './reports/report-reading.service';
import { ReportSubmissionService } from './reports/report-submission.service';
import { currentMonth } from './reports/report-month';

const NOT_FOUND = 'FACILITY_NOT_FOUND (unknown, or outside the caller’s reading scope in that month), FORM_NOT_DUE, REPORT_NOT_FOUND';
const CONFLICTS = 'TRANSITION_NOT_ALLOWED (not from the report’s status), REPORT_CHANGED (another transition won a race)';

/**
 * The monthly statistical reports: a facility's form for a month as computed from its registers,
 * as sent and as approved, and the workflow that moves it up the reporting chain
 * (README: states and transitions).
 */
@SignedInRoutes()
@ApiTags('statistical-reports')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Missing permission; NOT_OWN_FACILITY; NOT_APPROVER' })
@Controller('statistical-reports')
export class StatisticalReportsController {
  constructor(
    private readonly reading: ReportReadingService,
    private readonly submission: ReportSubmissionService,
    private readonly approval: ReportApprovalService,
  ) {}

  @Get('forms')
  @RequirePermissions('reports.read')
  @ApiOperation({ operationId: 'listReportForms', summary: 'The monthly forms by stable code, titled as in the version of the month' })
  @ApiOkResponse({ type: [ReportFormDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'MONTH_NOT_REPORTED' })
  listReportForms(@Query() { month }: OptionalMonthQueryDto): ReportFormDto[] {
    return this.reading.forms(month ?? currentMonth());
  }

  @Get('worklist')
  @RequirePermissions('reports.read')
  @ApiOperation({
    operationId: 'getReportWorklist',
    summary: 'My reports: each form the caller’s facility sends for the month, with status and deadline',
  })
  @ApiOkResponse({ type: WorklistDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FACILITY_NOT_FOUND (not in force that month), MONTH_NOT_REPORTED' })
  getReportWorklist(@CurrentUser() user: UserPrincipal, @Query() { month }: MonthQueryDto): Promise<WorklistDto> {
    return this.reading.worklist(user, month);
  }

  @Get('approvals')
  @RequirePermissions('reports.read')
  @ApiOperation({
    operationId: 'getReportApprovals',
    summary: 'Reports of the facilities that report to the caller’s in the month, with completeness and on-time rates',
  })
  @ApiOkResponse({ type: ApprovalsDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FACILITY_NOT_FOUND (not in force that month), MONTH_NOT_REPORTED' })
  getReportApprovals(@CurrentUser() user: UserPrincipal, @Query() { month }: MonthQueryDto): Promise<ApprovalsDto> {
    return this.reading.approvals(user, month);
  }

  @Post('approvals')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('reports.approve')
  @ApiOperation({ operationId: 'approveReports', summary: 'Approve a list of reports; each id gets its own outcome' })
  @ApiOkResponse({ type: BulkApprovalResultDto })
  approveReports(@CurrentUser() user: UserPrincipal, @Body() { reportIds }: BulkApproveDto): Promise<BulkApprovalResultDto> {
    return this.approval.approveMany(user, reportIds);
  }

  @Get(':form/:facilityId/:month')
  @RequirePermissions('reports.read')
  @ApiOperation({
    operationId: 'getReport',
    summary:
      'A facility’s form for a month: status, deadline, the draft computed now, the values sent, what changed since, and its history',
  })
  @ApiOkResponse({ type: ReportDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: `${NOT_FOUND}, MONTH_NOT_REPORTED` })
  getReport(@CurrentUser() user: UserPrincipal, @Param() key: ReportKeyParamDto): Promise<ReportDto> {
    return this.reading.get(user, key);
  }

  @Post(':form/:facilityId/:month/send')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('reports.send')
  @ApiOperation({
    operationId: 'sendReport',
    summary: 'Send the caller’s facility’s report: the draft’s values are frozen and the approver (reportsTo in that month) is notified',
  })
  @ApiOkResponse({ type: ReportStateDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: `${CONFLICTS}, PERIOD_NOT_ENDED, NO_APPROVER, CHILD_REPORTS_NOT_APPROVED (an aggregate waits for its children's approval)`,
  })
  sendReport(@CurrentUser() user: UserPrincipal, @Param() key: ReportKeyParamDto): Promise<ReportStateDto> {
    return this.submission.send(user, key);
  }

  @Post(':form/:facilityId/:month/recall')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('reports.send')
  @ApiOperation({ operationId: 'recallReport', summary: 'Recall a sent report that is not approved yet (it becomes a draft again)' })
  @ApiOkResponse({ type: ReportStateDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiConflictResponse({ type: ErrorResponseDto, description: CONFLICTS })
  recallReport(@CurrentUser() user: UserPrincipal, @Param() key: ReportKeyParamDto): Promise<ReportStateDto> {
    return this.submission.recall(user, key);
  }

  @Post(':form/:facilityId/:month/request-unapproval')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('reports.send')
  @ApiOperation({ operationId: 'requestReportUnapproval', summary: 'Ask the approver to withdraw the approval of a report, with a reason' })
  @ApiOkResponse({ type: ReportStateDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiConflictResponse({ type: ErrorResponseDto, description: CONFLICTS })
  requestReportUnapproval(
    @CurrentUser() user: UserPrincipal,
    @Param() key: ReportKeyParamDto,
    @Body() { reason }: ReasonDto,
  ): Promise<ReportStateDto> {
    return this.submission.requestUnapproval(user, key, reason);
  }

  @Post(':form/:facilityId/:month/approve')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('reports.approve')
  @ApiOperation({ operationId: 'approveReport', summary: 'Approve a sent report: locks the sender’s registers of the month' })
  @ApiOkResponse({ type: ReportStateDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiConflictResponse({ type: ErrorResponseDto, description: CONFLICTS })
  approveReport(@CurrentUser() user: UserPrincipal, @Param() key: ReportKeyParamDto): Promise<ReportStateDto> {
    return this.approval.approve(user, key);
  }

  @Post(':form/:facilityId/:month/return')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('reports.approve')
  @ApiOperation({ operationId: 'returnReport', summary: 'Return a sent report to its sender with a mandatory reason' })
  @ApiOkResponse({ type: ReportStateDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiConflictResponse({ type: ErrorResponseDto, description: CONFLICTS })
  returnReport(
    @CurrentUser() user: UserPrincipal,
    @Param() key: ReportKeyParamDto,
    @Body() { reason }: ReasonDto,
  ): Promise<ReportStateDto> {
    return this.approval.return(user, key, reason);
  }

  @Post(':form/:facilityId/:month/unapprove')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('reports.approve')
  @ApiOperation({
    operationId: 'unapproveReport',
    summary: 'Withdraw an approval the sender asked to withdraw: reopens its registers; the sender may then recall, correct and send again',
  })
  @ApiOkResponse({ type: ReportStateDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiConflictResponse({ type: ErrorResponseDto, description: `${CONFLICTS}, AGGREGATE_ALREADY_SENT` })
  unapproveReport(
    @CurrentUser() user: UserPrincipal,
    @Param() key: ReportKeyParamDto,
    @Body() { reason }: OptionalReasonDto,
  ): Promise<ReportStateDto> {
    return this.approval.unapprove(user, key, reason);
  }
}
