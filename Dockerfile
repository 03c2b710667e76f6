# Frontdesk Central: the server an organization deploys (REST API, accounts, manager console).
#   docker build -t frontdesk-central .
#   docker run -p 8080:8080 -e DATABASE_URL=postgres://… -e FRONTDESK_ADMIN_PASSWORD=… frontdesk-central
# Stage 1 builds the TypeScript and the renderer with every dependency; stage 2 holds only the
# runtime dependencies, the build and the migrations, and runs as an unprivileged user.

FROM node:20-bookworm-slim AS build
# better-sqlite3 (the kiosk's store, used by the CLI) compiles from source where no prebuilt
# binary can be downloaded; Electron's binary is never needed in a server image.
# node-gyp builds against the headers the Node image ships (no download of them either).
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm_config_nodedir=/usr/local npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends python3 make g++ >/dev/null \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.base.json tsconfig.node.json tsconfig.web.json vite.config.ts ./
COPY bin ./bin
COPY shared ./shared
COPY src-main ./src-main
COPY src-renderer ./src-renderer
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
    FRONTDESK_CENTRAL_HOST=0.0.0.0 \
    FRONTDESK_CENTRAL_PORT=8080 \
    FRONTDESK_DATA=/var/lib/frontdesk
WORKDIR /app
COPY package.json package-lock.json ./
# Runtime dependencies only; the one native addon comes built from stage 1.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/node_modules/better-sqlite3/build ./node_modules/better-sqlite3/build
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY migrations ./migrations
COPY scripts/central-entrypoint.sh /usr/local/bin/central-entrypoint
RUN chmod 0755 /app/bin/frontdesk.js /usr/local/bin/central-entrypoint \
 && ln -s /app/bin/frontdesk.js /usr/local/bin/frontdesk \
 && useradd --uid 10001 --no-create-home --home-dir /var/lib/frontdesk --shell /usr/sbin/nologin frontdesk \
 && mkdir -p /var/lib/frontdesk && chown frontdesk:frontdesk /var/lib/frontdesk
USER frontdesk
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.FRONTDESK_CENTRAL_PORT || 8080) + '/api/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["central-entrypoint"]
CMD ["frontdesk", "central", "serve"]
