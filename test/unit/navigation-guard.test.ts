import { createNavigationGuard } from '../../miniprogram/stores/ui-store';

function deferred() {
  let resolve: (ok: boolean) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<boolean>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('navigation guard', () => {
  it('runs one navigation for a double tap, and another once released', async () => {
    const guard = createNavigationGuard();
    const navigate = jest.fn(() => Promise.resolve(true));
    guard.go(navigate);
    guard.go(navigate);
    await settle();
    guard.go(navigate);
    expect(navigate).toHaveBeenCalledTimes(1);
    guard.release();
    guard.go(navigate);
    expect(navigate).toHaveBeenCalledTimes(2);
  });

  it('opens again when the navigation failed or threw', async () => {
    const guard = createNavigationGuard();
    const failed = deferred();
    guard.go(() => failed.promise);
    failed.resolve(false);
    await settle();
    const threw = deferred();
    const navigate = jest.fn(() => threw.promise);
    guard.go(navigate);
    expect(navigate).toHaveBeenCalledTimes(1);
    threw.reject(new Error('navigateTo:fail page limit exceeded'));
    await settle();
    guard.go(navigate);
    expect(navigate).toHaveBeenCalledTimes(2);
  });
});
