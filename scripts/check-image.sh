#!/usr/bin/env bash
# What can be checked of the container image without a container engine (none runs on the
# development machine or in CI): the Dockerfile's final stage, rebuilt in a temporary folder
# from the same steps (production dependencies from the lockfile, dist/, bin/,
# package.json), started as an unprivileged user, probed with the image's own HEALTHCHECK
# command, and the CLI run from it. Needs `npm run build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f dist/server.js ]] || { echo "check-image: run npm run build first" >&2; exit 1; }

app="$(mktemp -d /tmp/tverr-image.XXXXXX)"
pid=""
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$app"; }
trap cleanup EXIT

cp package.json package-lock.json "$app/"
(cd "$app" && npm ci --omit=dev --no-audit --no-fund --ignore-scripts --loglevel=error)
cp -r dist bin "$app/"
chmod -R a+rX "$app"

as=()
[[ "$(id -u)" -eq 0 ]] && as=(runuser -u nobody --)
port="$(node -e 'const s=require("node:net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
health="$(sed -n 's/^ *CMD \["node", "-e", "\(.*\)"\]$/\1/p' Dockerfile | head -n 1)"
[[ -n "$health" ]] || { echo "check-image: no HEALTHCHECK command found in the Dockerfile" >&2; exit 1; }

cd "$app"
env -i PATH="$PATH" NODE_ENV=production HOST=127.0.0.1 PORT="$port" TVERR_WORKERS=1 LOG_LEVEL=warn \
  "${as[@]}" node dist/server.js 2>"$app/server.err" &
pid=$!
for _ in $(seq 1 100); do
  PORT="$port" "${as[@]}" node -e "$health" && break
  sleep 0.1
done
PORT="$port" "${as[@]}" node -e "$health"
echo "check-image: the HEALTHCHECK passes against the server run from dist/ with production dependencies only"
PORT="$port" "${as[@]}" node -e 'fetch(`http://127.0.0.1:${process.env.PORT}/`).then(async (r) => { const csp = r.headers.get("content-security-policy") ?? ""; const html = await r.text(); process.exit(r.ok && csp.includes("default-src '"'"'none'"'"'") && html.includes("/assets/main-") ? 0 : 1); }, () => process.exit(1))'
echo "check-image: the coordinators' page is served at / with its own Content-Security-Policy"
printf 'Navn;Virksomhet\nA;x\nB;y\nC;x\nD;y\n' | "${as[@]}" node bin/tverr.js compose - --groups 2 --time 0.1 >/dev/null
echo "check-image: tverr compose runs from the same folder"
if [[ -d node_modules/typescript || -d node_modules/tsx || -d node_modules/esbuild || -d node_modules/vitest ]]; then
  echo "check-image: a development tool is among the production dependencies" >&2
  exit 1
fi
echo "check-image: no development tool among the production dependencies ($(ls node_modules | wc -l) packages)"
