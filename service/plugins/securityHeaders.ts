/**
 * Security headers on every response (@fastify/helmet). The content security policy is the
 * strict one a web page served by this service at `/` will need: its own scripts, styles,
 * images and connections only, no inline code, no framing, no plugins. `/docs` (Swagger UI,
 * whose rendering sets inline style attributes) gets its own, looser policy from
 * `swagger.ts`. No `upgrade-insecure-requests`: TLS ends at the platform's load balancer, and
 * a local `npm start` serves plain HTTP.
 */
import helmet from "@fastify/helmet";
import { shared } from "./shared.js";

export const STRICT_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export default shared("security-headers", async (app) => {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: STRICT_CSP },
  });
});
