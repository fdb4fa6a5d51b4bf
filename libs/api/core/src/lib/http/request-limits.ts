import type { NextFunction, Request, Response } from 'express';

/** Longest URL the API accepts; longer ones are refused before routing (no legitimate query needs more). */
export const MAX_URL_LENGTH = 2048;

export function rejectLongUrls(req: Request, res: Response, next: NextFunction): void {
  if (req.originalUrl.length > MAX_URL_LENGTH) {
    res.status(400).json({ code: 'URL_TOO_LONG', message: `Địa chỉ yêu cầu dài quá ${MAX_URL_LENGTH} ký tự` });
    return;
  }
  next();
}
