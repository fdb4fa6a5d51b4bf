import type { FastifyReply, FastifyRequest } from 'fastify';

/** Longest URL the API accepts; longer ones are refused before routing (no legitimate query needs more). */
export const MAX_URL_LENGTH = 2048;

/** `onRequest` hook: refuses overlong URLs before routing, body parsing or any session work. */
export async function rejectLongUrls(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (req.url.length > MAX_URL_LENGTH) {
    await reply.status(400).send({ code: 'URL_TOO_LONG', message: `Địa chỉ yêu cầu dài quá ${MAX_URL_LENGTH} ký tự` });
  }
}
