/**
 * Mã cơ sở khám bệnh, chữa bệnh BHYT (KCB code): the facility code HIS vendors write in QĐ 130
 * packages (XML1 `MA_CSKCB`, envelope `THONGTINDONVI/MACSKCB`; 5 characters, domain reference §5.3),
 * in practice the 2-digit province code and 3 digits (11001). No longer form is documented.
 */
export const KCB_CODE_PATTERN = /^\d{5}$/;
export const KCB_CODE_LENGTH = 5;

export const isKcbCode = (value: string): boolean => KCB_CODE_PATTERN.test(value);
