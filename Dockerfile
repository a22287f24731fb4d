# syntax=docker/dockerfile:1
# Tverr's service as a container: the HTTP server by default, `tverr worker` with
#   docker run … tverr node bin/tverr.js worker
# The final image holds dist/ (the server and the coordinators' page, dist/web), bin/,
# package.json and production dependencies only, and
# runs as the unprivileged `node` user. See README.md, "Container".

# 1. Compile: all dependencies, the sources, npm run build.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY scripts/ scripts/
COPY engine/ engine/
COPY service/ service/
COPY web/ web/
RUN npm run build

# 2. Production dependencies only, from the same lockfile.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts

# 3. What runs.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules/ node_modules/
COPY --from=build /app/dist/ dist/
COPY package.json ./
COPY bin/ bin/
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server.js"]
