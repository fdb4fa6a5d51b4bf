/**
 * Texts of the data-flow monitoring screens (`integration.*`): what the HIS, primary-care and statistics software sent
 * in (per source system and facility, accepted and rejected with reasons, silent facilities), and what went out to
 * DHIS2, the EHR repository and the e-handbook (last success, pending, failing and dead items, re-sending). Problem codes
 * of rejections are the API's own (`DATE_IN_FUTURE`…), shown as they are. Unicode NFC.
 */
export const vi = {
  'inbound.title': 'Dữ liệu nhận về',
  'inbound.subtitle':
    'Dữ liệu các phần mềm HIS, y tế cơ sở và thống kê y tế gửi lên: lô gần nhất, số bản ghi tiếp nhận và bị từ chối theo ngày, cơ sở lâu không gửi',
  'inbound.days': 'Thống kê trong',
  'inbound.daysOption': '{days} ngày gần nhất',
  'inbound.silentDays': 'Lâu không gửi sau (ngày)',
  'inbound.silentDaysHint': 'Từ 1 đến 365 ngày',
  'inbound.sources.title': 'Theo hệ thống nguồn',
  'inbound.sources.empty': 'Chưa có hệ thống nào gửi dữ liệu trong phạm vi của đơn vị',
  'inbound.source': 'Hệ thống nguồn',
  'inbound.channel': 'Kênh',
  'inbound.lastBatch': 'Lô gần nhất',
  'inbound.accepted': 'Tiếp nhận',
  'inbound.rejected': 'Bị từ chối',
  'inbound.reasons': 'Lý do từ chối',
  'inbound.lastError': 'Lỗi lần lấy gần nhất: {error}',
  'inbound.never': 'Chưa gửi lần nào',
  'inbound.perDay': 'Theo ngày',
  'inbound.day': 'Ngày',
  'inbound.chart.label': 'Số bản ghi tiếp nhận và bị từ chối theo ngày của {source}',
  'inbound.facilities.title': 'Theo cơ sở y tế',
  'inbound.facilities.empty': 'Chưa có cơ sở nào được giao cho tài khoản tích hợp trong phạm vi của đơn vị',
  'inbound.facilities.noSilent': 'Không có cơ sở nào lâu không gửi dữ liệu',
  'inbound.facility': 'Cơ sở y tế',
  'inbound.lastRecord': 'Bản ghi gần nhất',
  'inbound.silent': 'Lâu không gửi',
  'inbound.silentOnly': 'Chỉ hiện cơ sở lâu không gửi',
  'inbound.silentCount': '{count} cơ sở không gửi dữ liệu quá {days} ngày',
  'inbound.truncated': 'Chỉ hiện {shown} dòng đầu',

  'channel.api': 'API JSON',
  'channel.national': 'Gói XML chuẩn quốc gia',
  'channel.pull': 'Lấy từ DHIS2',

  'outbound.title': 'Dữ liệu gửi đi',
  'outbound.subtitle':
    'Đồng bộ sang phần mềm thống kê y tế (DHIS2), kho hồ sơ sức khỏe điện tử (FHIR) và sổ theo dõi sức khỏe điện tử: lần gửi thành công gần nhất, mục chờ gửi, mục lỗi và gửi lại',
  'outbound.notConfigured': 'Chưa cấu hình kết nối: các mục đang chờ',
  'outbound.lastSuccess': 'Gửi thành công gần nhất',
  'outbound.pending': 'Chờ gửi',
  'outbound.failing': 'Đang lỗi, sẽ thử lại',
  'outbound.dead': 'Ngừng gửi',
  'outbound.oldestPending': 'Mục chờ lâu nhất từ',
  'outbound.resendDead': 'Gửi lại các mục ngừng gửi',
  'outbound.confirm.title': 'Gửi lại các mục ngừng gửi?',
  'outbound.confirm.text':
    '{count} mục gửi sang {destination} đã thất bại quá số lần cho phép. Các mục này sẽ được gửi lại ở lượt tiếp theo, số lần thử được đếm lại từ đầu.',
  'outbound.confirm.ok': 'Gửi lại',
  'outbound.resent': 'Đã đưa {count} mục vào hàng chờ gửi lại',

  'destination.DHIS2': 'Phần mềm thống kê y tế (DHIS2)',
  'destination.FHIR': 'Kho hồ sơ sức khỏe điện tử (FHIR)',
  'destination.EHANDBOOK': 'Sổ theo dõi sức khỏe điện tử',

  'status.PENDING': 'Chờ gửi',
  'status.FAILING': 'Đang lỗi',
  'status.DELIVERED': 'Đã gửi',
  'status.DEAD': 'Ngừng gửi',

  'outbox.title': 'Các mục cần gửi',
  'outbox.destination': 'Nơi nhận',
  'outbox.status': 'Trạng thái',
  'outbox.id': 'Mã',
  'outbox.subject': 'Nội dung',
  'outbox.facility': 'Cơ sở',
  'outbox.attempts': 'Số lần thử',
  'outbox.createdAt': 'Tạo lúc',
  'outbox.nextAttempt': 'Thử tiếp lúc',
  'outbox.deliveredAt': 'Gửi xong lúc',
  'outbox.lastError': 'Lỗi gần nhất',
  'outbox.empty': 'Không có mục nào',
  'outbox.resend': 'Gửi lại',
  'outbox.resendLabel': 'Gửi lại mục {id}',
  'outbox.resentOne': 'Đã đưa mục {id} vào hàng chờ gửi lại',
} satisfies Record<string, string>;
