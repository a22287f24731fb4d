/**
 * Who is calling `/v1`. Every request gets `request.caller`, whose id owns the jobs it creates
 * (another caller gets 404 for them):
 * - no API keys and no OIDC issuer configured: everyone is `anonymous` (the default, local use);
 * - `Authorization: Bearer <JWT>` with TVERR_OIDC_ISSUER set: the token's subject (`oidc:<sub>`);
 * - `Authorization: Bearer <key>` with TVERR_API_KEYS set: the key's id (`key:<id>`);
 * anything else is 401 with `WWW-Authenticate: Bearer`. Registered inside the `/v1` scope
 * only: health, metrics and documentation stay open.
 */
import type { FastifyRequest } from "fastify";
import { matchApiKey, parseApiKeys } from "../auth/apiKeys.js";
import { oidcVerifier, TokenRejected } from "../auth/oidc.js";
import { authRequired, type Config } from "../config.js";
import { HttpError } from "../errors.js";
import { shared } from "./shared.js";

export interface Caller {
  id: string;
  via: "anonymous" | "api_key" | "oidc";
}

declare module "fastify" {
  interface FastifyRequest {
    caller: Caller;
  }
}

const ANONYMOUS: Caller = { id: "anonymous", via: "anonymous" };
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

const unauthorized = (reason: "missing" | "invalid_key" | "invalid", token?: TokenRejected) =>
  new HttpError(401, "unauthorized", {
    reason: token ? "token" : reason,
    ...(token ? { token: token.reason, ...(token.claim ? { claim: token.claim } : {}) } : {}),
  });

/** The OpenAPI security requirement of a /v1 route. */
export const securityFor = (config: Config) => (authRequired(config) ? [{ bearer: [] }] : []);

export default shared<{ config: Config }>("auth", async (app, { config }) => {
  // A request's caller is set below, or stays anonymous; fastify wants null for objects here.
  app.decorateRequest("caller", null as unknown as Caller);
  if (!authRequired(config)) {
    app.addHook("onRequest", async (request) => {
      request.caller = ANONYMOUS;
    });
    return;
  }
  const keys = parseApiKeys(config.apiKeys);
  const oidc = config.oidc ? oidcVerifier(config.oidc) : undefined;

  const identify = async (request: FastifyRequest): Promise<Caller> => {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(request.headers.authorization ?? "");
    if (!match) throw unauthorized("missing");
    const credential = match[1];
    if (oidc && JWT_SHAPE.test(credential)) {
      try {
        return { id: `oidc:${await oidc.verify(credential)}`, via: "oidc" };
      } catch (err) {
        if (err instanceof TokenRejected) throw unauthorized("invalid", err);
        throw err;
      }
    }
    const keyId = keys.length > 0 ? matchApiKey(keys, credential) : undefined;
    if (keyId === undefined) throw unauthorized(oidc ? "invalid" : "invalid_key");
    return { id: `key:${keyId}`, via: "api_key" };
  };

  app.addHook("onRequest", async (request) => {
    request.caller = await identify(request);
  });
});
