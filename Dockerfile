# The reference server (server/) as one container, e.g. for WeChat Cloud Run (docs/deploy.md). Build from the
# repository root: docker build -t family-call-server .
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is a native module: built here when no prebuilt binary matches
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json ./
COPY server/package.json server/
RUN npm ci --workspace server --no-audit --no-fund
COPY server/ server/
COPY miniprogram/contract/ miniprogram/contract/
RUN npm run build --workspace server && npm prune --omit=dev --workspace server --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/server/package.json server/package.json
COPY --from=build /app/server/dist/server server/dist/server
COPY --from=build /app/server/dist/miniprogram server/dist/miniprogram
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server/dist/server/src/main.js"]
