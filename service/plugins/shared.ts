/**
 * Mark a plugin as shared: what it decorates and the hooks it adds apply to the instance that
 * registers it, not only inside its own encapsulated context (what `fastify-plugin` does,
 * through fastify's documented `skip-override` symbol).
 */
import type { FastifyPluginAsync } from "fastify";

export function shared<Options extends Record<string, unknown>>(
  name: string,
  plugin: FastifyPluginAsync<Options>,
): FastifyPluginAsync<Options> {
  Object.assign(plugin, {
    [Symbol.for("skip-override")]: true,
    [Symbol.for("fastify.display-name")]: name,
  });
  return plugin;
}
