package com.familycall.host.core;

import static com.familycall.host.core.Fakes.APP_ID;
import static com.familycall.host.core.Fakes.MODEL_ID;
import static com.familycall.host.core.Fakes.SECRET;
import static com.familycall.host.core.Fakes.SN;
import static com.familycall.host.core.HostTests.eq;
import static com.familycall.host.core.HostTests.yes;

import com.familycall.host.core.Fakes.Harness;
import java.util.List;

/**
 * The host keeps WMPF's credential warm (docs/host-protocol.md §3.1): prefetchDeviceToken on host start, registration,
 * WMPF restart and lost activation, every 50 min while it succeeds, retried after 1, 2, 5, 10 min when it fails.
 */
final class CredentialTests {
    private static final long FIFTY_MIN = 3_000_000L;

    private CredentialTests() {
    }

    static void register(HostTests t) {
        t.group("credential: the host keeps it warm, whether or not the Mini Program runs");
        t.test("host start on a registered device: prefetched at once, then every 50 min by the host's timer", () -> {
            Harness h = LifecycleTests.running("2.4.0");
            eq(1L, h.wmpf.count("prefetchDeviceToken"));
            eq(List.of(FIFTY_MIN), h.scheduler.credentialDelays);
            h.scheduler.fireNextCredential();
            h.io.runAll();
            eq(2L, h.wmpf.count("prefetchDeviceToken"));
            eq(List.of(FIFTY_MIN, FIFTY_MIN), h.scheduler.credentialDelays);
            h.assertCleanLog(SECRET, SN);
        });
        t.test("not registered: WMPF is not asked and no timer runs; the registration starts it", () -> {
            Harness h = new Harness("2.4.0");
            h.wmpf.deviceInfo = new DeviceInfo(false, "", "");
            h.provision();
            h.core.start();
            h.io.runAll();
            eq(0L, h.wmpf.count("prefetchDeviceToken"));
            eq(0, h.scheduler.credentialDelays.size());
            h.core.registrar.register(APP_ID, MODEL_ID, SN, "ticket", new DeviceTests.Recorder());
            h.io.runAll();
            eq(1L, h.wmpf.count("prefetchDeviceToken"));
            eq(List.of(FIFTY_MIN), h.scheduler.credentialDelays);
        });
        t.test("a failed prefetch (errMsg set, or WMPF throwing) is retried after 1, 2, 5, 10, 10 min", () -> {
            Harness h = new Harness("2.4.0");
            h.provision();
            h.wmpf.prefetchErrMsg = "err:TRANSFER errCode:33";
            h.core.start();
            h.io.runAll();
            h.wmpf.prefetchErrMsg = null;
            h.wmpf.prefetchFailure = new WmpfCallException(2, 10001, "");
            for (int i = 0; i < 4; i++) {
                h.scheduler.fireNextCredential();
                h.io.runAll();
            }
            eq(List.of(60_000L, 120_000L, 300_000L, 600_000L, 600_000L), h.scheduler.credentialDelays);
            h.wmpf.prefetchFailure = null;
            h.scheduler.fireNextCredential();
            h.io.runAll();
            eq(FIFTY_MIN, h.scheduler.credentialDelays.get(5));
            yes(h.log.lines.stream().noneMatch(l -> l.contains("TRANSFER")), "WMPF's text is not logged");
        });
        t.test("WMPF restart and lost activation prefetch again; an older timer then does nothing", () -> {
            Harness h = LifecycleTests.running("2.4.0");
            h.wmpf.restartListener.run();
            h.io.runAll();
            h.wmpf.outdatedListener.run();
            h.io.runAll();
            eq(3L, h.wmpf.count("prefetchDeviceToken"));
            h.scheduler.fireNextCredential();
            h.scheduler.fireNextCredential();
            h.io.runAll();
            eq(3L, h.wmpf.count("prefetchDeviceToken"));
            h.scheduler.fireNextCredential();
            h.io.runAll();
            eq(4L, h.wmpf.count("prefetchDeviceToken"));
        });
        t.test("below WMPF 2.1.0: never asked, no timer", () -> {
            Harness h = new Harness("2.0.5");
            h.provision();
            h.core.start();
            h.io.runAll();
            eq(0L, h.wmpf.count("prefetchDeviceToken"));
            eq(0, h.scheduler.credentialDelays.size());
        });
    }
}
