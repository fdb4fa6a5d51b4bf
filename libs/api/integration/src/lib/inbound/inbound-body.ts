import { json, NextFunction, Request, RequestHandler, Response } from 'express';

/** The path of the JSON batch endpoint (the application's prefix and version included). */
export const INBOUND_RECORDS_PATH = '/api/v1/integration/records';
/** 1,000 records of a few kB each: the batch-size limit (MAX_BATCH_RECORDS) answers first for ordinary records. */
export const INBOUND_MAX_BODY = '10mb';

function inboundBodyErrors(error: { status?: number; type?: string } | undefined, _req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  if (error.type === 'entity.too.large') {
    res
      .status(413)
      .json({ code: 'PAYLOAD_TOO_LARGE', message: `Dữ liệu gửi lên quá lớn (tối đa ${INBOUND_MAX_BODY.replace('mb', ' MB')})` });
  } else if (error.type === 'entity.parse.failed') {
    res.status(400).json({ code: 'MALFORMED_BODY', message: 'Nội dung yêu cầu không đọc được (JSON không hợp lệ)' });
  } else {
    next(error);
  }
}

/**
 * JSON parsing of the batch endpoint with a larger limit than the API's 100 kB: mounted on
 * INBOUND_RECORDS_PATH before the application's own parser (which then leaves the parsed body alone).
 */
export function inboundBodyParser(): (RequestHandler | typeof inboundBodyErrors)[] {
  return [json({ limit: INBOUND_MAX_BODY }), inboundBodyErrors];
}
