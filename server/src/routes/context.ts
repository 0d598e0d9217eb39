/** What every route needs, handed over by app.ts. */
import type { ServerConfig } from '../config';
import type { Repository } from '../db/repository';
import type { PhoneIdentity } from '../auth/phone-identity';
import type { WechatClient } from '../wechat/client';

export interface RouteContext {
  repository: Repository;
  wechat: WechatClient;
  openIdOf: PhoneIdentity;
  /** epoch ms */
  now: () => number;
  config: Pick<ServerConfig, 'adminToken' | 'basePath'>;
}
