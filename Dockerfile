# The reference server (server/) as one container, e.g. for WeChat Cloud Run (docs/deploy.md). Build from the
# repository root: docker build -t family-call-server .
# Node 24 LTS (.nvmrc); Node 22 runs it too (docs/deploy.md "Node versions"). Nothing is compiled: better-sqlite3 13
# ships its Node-API binary for linux x64/arm64 (glibc and musl) inside its npm package.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY server/package.json server/
RUN npm ci --workspace server --no-audit --no-fund
COPY server/ server/
COPY miniprogram/contract/ miniprogram/contract/
RUN npm run build --workspace server && npm prune --omit=dev --workspace server --no-audit --no-fund

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/server/package.json server/package.json
COPY --from=build /app/server/dist/server server/dist/server
COPY --from=build /app/server/dist/miniprogram server/dist/miniprogram
COPY --from=build /app/server/installer server/installer
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server/dist/server/src/main.js"]
