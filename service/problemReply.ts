/**
 * Every error reply goes out here, in one shape (problem details, `application/problem+json`,
 * worded in the request's language): the app's error handler, its not-found handler,
 * fastify's framework errors (a malformed URL, a path parameter past its length) that come
 * before any hook ran, and errors node's HTTP parser raises before there is a request at all
 * (headers too large, a malformed request line), which are written to the socket directly.
 */
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type Locale, pickLocale } from "../engine/index.js";
import { HttpError, type ProblemData, present, problemFrom } from "./errors.js";

/** A path as shown in a reply (`instance`, a 404's facts): no query, bounded. */
export const MAX_SHOWN_PATH = 200;
const shownPath = (url: string) => url.split("?")[0].slice(0, MAX_SHOWN_PATH);

/** The request's language: set by the locale hook, else (an error before it ran) from its header. */
const wordsOf = (request: FastifyRequest, defaultLang: string): Locale =>
  request.locale ?? pickLocale(request.headers["accept-language"], defaultLang);

/** Send `problem` (or any error, through `problemFrom`) as problem details. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  err: unknown,
  defaultLang: string,
): FastifyReply {
  const problem = problemFrom(err);
  if (err instanceof HttpError) reply.headers(err.headers);
  if (problem.status === 401) reply.header("www-authenticate", 'Bearer realm="tverr"');
  return sendData(request, reply, problem, defaultLang);
}

/** Send problem data; `defaultLang` words it only when the locale hook has not run. */
export function sendData(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: ProblemData,
  defaultLang = "nb",
): FastifyReply {
  const words = wordsOf(request, defaultLang);
  return reply
    .code(problem.status)
    .type("application/problem+json")
    .header("cache-control", "no-store")
    .send(present(problem, words, shownPath(request.url)));
}

/** 404 for a route that does not exist. */
export function sendNotFound(
  request: FastifyRequest,
  reply: FastifyReply,
  defaultLang: string,
): FastifyReply {
  return sendData(
    request,
    reply,
    {
      status: 404,
      code: "not_found",
      facts: { method: request.method.slice(0, 16), path: shownPath(request.url) },
    },
    defaultLang,
  );
}

/**
 * node's `clientError`: the request could not be parsed (431 for headers past the limit, 408
 * for a client too slow, 400 otherwise). There is no request to read a language from, so the
 * server's default is used; then the socket is closed, as node does.
 */
export function clientErrorHandler(defaultLang: string) {
  return (err: NodeJS.ErrnoException, socket: Socket): void => {
    if (err.code === "ECONNRESET" || socket.destroyed) return;
    const status =
      err.code === "HPE_HEADER_OVERFLOW" ? 431 : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const code = status === 431 ? "too_large" : status === 408 ? "request_timeout" : "bad_request";
    const body = JSON.stringify(present({ status, code, facts: {} }, pickLocale(undefined, defaultLang)));
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy();
  };
}
