/** A clock the tests move: the server, the fake WeChat API and the signer read it. */
export interface TestClock {
  now: () => number;
  nowSeconds: () => number;
  advance: (ms: number) => void;
}

export function testClock(start = Date.now()): TestClock {
  let current = start;
  return {
    now: () => current,
    nowSeconds: () => Math.floor(current / 1000),
    advance: (ms) => {
      current += ms;
    },
  };
}
