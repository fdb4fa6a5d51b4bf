import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, ErrorResponseDto, RequirePermissions, SignedInRoutes, UserPrincipal } from '@skss/api/core';
import { ListNotificationsQueryDto, NotificationParamDto } from '../dto/report.request.dto';
import { NotificationListDto } from '../dto/report.response.dto';
import { NotificationsService } from './notifications.service';

/** In-app notifications of the reports' workflow, addressed to the caller's facility. */
@SignedInRoutes()
@ApiTags('statistical-reports')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Missing permission' })
@Controller('statistical-reports/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequirePermissions('reports.read')
  @ApiOperation({ operationId: 'listReportNotifications', summary: 'Notifications of the caller’s facility, latest first' })
  @ApiOkResponse({ type: NotificationListDto })
  listReportNotifications(
    @CurrentUser() user: UserPrincipal,
    @Query() { unread }: ListNotificationsQueryDto,
  ): Promise<NotificationListDto> {
    return this.notifications.list(user, unread === true);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermissions('reports.read')
  @ApiOperation({ operationId: 'markReportNotificationRead', summary: 'Mark a notification read (for the whole facility)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'NOTIFICATION_NOT_FOUND' })
  markReportNotificationRead(@CurrentUser() user: UserPrincipal, @Param() { id }: NotificationParamDto): Promise<void> {
    return this.notifications.markRead(user, id);
  }
}
