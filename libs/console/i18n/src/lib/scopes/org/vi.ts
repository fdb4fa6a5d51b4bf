/** Texts of the org-unit browser (`org.*`). Unicode NFC. */
export const vi = {
  'page.title': 'Đơn vị hành chính và cơ sở y tế',
  'page.subtitle': 'Tra cứu đơn vị hành chính, lịch sử sáp nhập và cơ sở y tế theo ngày hiệu lực',

  'date.label': 'Ngày hiệu lực',
  'date.hint': 'dd/mm/yyyy',
  'date.invalid': 'Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy',
  'date.beforeReform': 'Trước sáp nhập (30/06/2025)',
  'date.afterReform': 'Sau sáp nhập (01/07/2025)',
  'date.today': 'Hôm nay',

  'era.before': 'Chính quyền địa phương 3 cấp: tỉnh – huyện – xã',
  'era.after': 'Chính quyền địa phương 2 cấp: tỉnh – xã (từ 01/07/2025)',

  'tree.title': 'Cây đơn vị hành chính',
  'tree.label': 'Cây đơn vị hành chính ngày {date}',
  'tree.count': '{count} đơn vị cấp tỉnh',
  'tree.toggle': 'Mở hoặc thu gọn {name}',
  'tree.children': '{count} đơn vị trực thuộc',

  'search.label': 'Tìm đơn vị hành chính',
  'search.placeholder': 'Tên hoặc mã, gõ không dấu được (vd: muong nhe)',
  'search.minChars': 'Nhập ít nhất 2 ký tự',
  'search.clear': 'Xóa nội dung tìm kiếm',
  'search.results': 'Kết quả tìm kiếm',
  'search.count': 'Hiển thị {shown} trên {total} kết quả',
  'search.parent': 'trực thuộc {code}',

  'detail.placeholder': 'Chọn một đơn vị trên cây hoặc trong kết quả tìm kiếm để xem thông tin chi tiết.',
  'detail.code': 'Mã',
  'detail.type': 'Loại',
  'detail.level': 'Cấp',
  'detail.parent': 'Trực thuộc',
  'detail.validFrom': 'Hiệu lực từ',
  'detail.validTo': 'Hiệu lực đến',

  'lineage.title': 'Lịch sử sáp nhập, chia tách',
  'lineage.predecessors': 'Hình thành từ',
  'lineage.successors': 'Sáp nhập vào',
  'lineage.full': 'toàn bộ',
  'lineage.partial': 'một phần',
  'lineage.effectiveOn': 'từ ngày {date}',
  'lineage.none': 'Không có thay đổi nào được ghi nhận.',
  'lineage.open': 'Xem {name} vào ngày {date}',

  'facilities.title': 'Cơ sở y tế trên địa bàn',
  'facilities.reportsTo': 'Báo cáo cho',
  'facilities.count': 'Hiển thị {shown} trên {total} cơ sở',
  'facilities.more': 'Xem thêm',
} satisfies Record<string, string>;
