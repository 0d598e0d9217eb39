/**
 * The fake WeChat API in its own process: it stands for WeChat's servers, which are remote, so its work (wx.login
 * codes, tickets, code pictures) is not counted as the server's. Sends `{ port }` to the bench once listening.
 */
import { FakeWechat } from '../src/wechat/fake-wechat';

const fake = new FakeWechat({
  appId: process.env.BENCH_APP_ID ?? '',
  appSecret: process.env.BENCH_APP_SECRET ?? '',
});
fake.start().then(
  (url) => process.send?.({ port: Number(new URL(url).port) }),
  (e: unknown) => {
    process.stderr.write(`fake WeChat API failed: ${e instanceof Error ? e.message : 'unknown'}\n`);
    process.exit(1);
  },
);
