/**
 * OpenID Connect bearer tokens: a JWT signed by one of the issuer's keys, unexpired, issued by
 * the configured issuer for the configured audience, with an allowed algorithm, and with a
 * subject. Verified by `jose`; the issuer's key set is fetched when first needed (from its
 * discovery document unless TVERR_OIDC_JWKS_URL names it) and cached, and fetched again when a
 * token names a key the cache does not have (at most every 30 s).
 *
 * `none` is never an allowed algorithm: jose refuses unsecured tokens in `jwtVerify`, and the
 * list given to it holds signature algorithms only. jose loads with the first token, so a
 * server without OIDC never loads it.
 */
import type { JWTVerifyGetKey } from "jose";
import type { HttpFacts } from "../../engine/index.js";
import type { OidcConfig } from "../config.js";

const KEY_SET_CACHE_MS = 10 * 60_000;
const REFETCH_COOLDOWN_MS = 30_000;
const CLOCK_TOLERANCE_S = 5;
const DISCOVERY_TIMEOUT_MS = 5_000;

/**
 * Why a token was refused: a code the locale words for the 401's detail (never the token's
 * own content), and the claim for a claim.
 */
export type TokenReason = NonNullable<HttpFacts["unauthorized"]["token"]>;

export class TokenRejected extends Error {
  override name = "TokenRejected";
  constructor(
    readonly reason: TokenReason,
    readonly claim?: string,
  ) {
    super(`token rejected: ${reason}${claim ? ` (${claim})` : ""}`);
  }
}

export interface OidcVerifier {
  /** The token's subject, or throws TokenRejected. */
  verify(token: string): Promise<string>;
}

export function oidcVerifier(config: OidcConfig): OidcVerifier {
  const algorithms = config.algorithms.filter((a) => a.toLowerCase() !== "none");
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const keys = () => {
    keySet ??= Promise.all([import("jose"), jwksUrl(config)]).then(([jose, url]) =>
      jose.createRemoteJWKSet(url, { cacheMaxAge: KEY_SET_CACHE_MS, cooldownDuration: REFETCH_COOLDOWN_MS }),
    );
    // A failed discovery is tried again on the next token rather than remembered.
    keySet.catch(() => {
      keySet = undefined;
    });
    return keySet;
  };

  return {
    async verify(token) {
      let getKey: JWTVerifyGetKey;
      try {
        getKey = await keys();
      } catch {
        throw new TokenRejected("keys_unavailable");
      }
      const jose = await import("jose");
      try {
        const { payload } = await jose.jwtVerify(token, getKey, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms,
          clockTolerance: CLOCK_TOLERANCE_S,
        });
        if (typeof payload.sub !== "string" || payload.sub.length === 0) {
          throw new TokenRejected("no_subject");
        }
        return payload.sub;
      } catch (err) {
        throw rejected(err, jose.errors);
      }
    },
  };
}

async function jwksUrl(config: OidcConfig): Promise<URL> {
  if (config.jwksUrl !== undefined) return new URL(config.jwksUrl);
  const discovery = new URL(".well-known/openid-configuration", `${config.issuer.replace(/\/$/, "")}/`);
  const res = await fetch(discovery, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`discovery answered ${res.status}`);
  const { jwks_uri } = (await res.json()) as { jwks_uri?: unknown };
  if (typeof jwks_uri !== "string") throw new Error("discovery has no jwks_uri");
  return new URL(jwks_uri);
}

function rejected(err: unknown, errors: typeof import("jose").errors): TokenRejected {
  if (err instanceof TokenRejected) return err;
  if (err instanceof errors.JWTExpired) return new TokenRejected("expired");
  if (err instanceof errors.JWTClaimValidationFailed) return new TokenRejected("claim", err.claim);
  if (err instanceof errors.JOSEAlgNotAllowed) return new TokenRejected("algorithm");
  if (err instanceof errors.JWKSNoMatchingKey) return new TokenRejected("unknown_key");
  if (err instanceof errors.JWSSignatureVerificationFailed) return new TokenRejected("signature");
  return new TokenRejected("invalid");
}
