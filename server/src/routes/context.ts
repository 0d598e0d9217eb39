/** What every route needs, handed over by app.ts. */
import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config';
import type { Repository } from '../db/repository';
import type { WechatClient } from '../wechat/client';

export interface RouteContext {
  repository: Repository;
  wechat: WechatClient;
  /** The WeChat user behind a phone request (its wx.login code or the trusted header), counted for rate limits. */
  openIdOf: (request: FastifyRequest, code: string) => Promise<string>;
  /** epoch ms */
  now: () => number;
  config: Pick<ServerConfig, 'adminToken' | 'basePath'>;
}
