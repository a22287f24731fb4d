/**
 * `npm start` (`node dist/server.js`): read the environment, build the app, listen
 * (127.0.0.1:3000 by default) until SIGTERM or SIGINT (see lifecycle.ts).
 */
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { serveUntilStopped } from "./lifecycle.js";

const config = loadConfig();
const app = await buildApp(config);
process.exit(await serveUntilStopped(app, config));
