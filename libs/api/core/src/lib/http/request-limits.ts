import type { FastifyReply, FastifyRequest } from 'fastify';

/** Longest URL the API accepts; longer ones are refused before routing (no legitimate query needs more). */
export const MAX_URL_LENGTH = 2048;

/** `onRequest` hook: refuses overlong URLs before routing, body parsing or any session work. */
export async function rejectLongUrls(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  // An async hook that answers returns the reply, so that Fastify stops the request there.
  if (req.url.length > MAX_URL_LENGTH) {
    return reply.status(400).send({ code: 'URL_TOO_LONG', message: `Địa chỉ yêu cầu dài quá ${MAX_URL_LENGTH} ký tự` });
  }
  return undefined;
}
