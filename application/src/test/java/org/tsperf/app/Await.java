package org.tsperf.app;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a live window until it shows what a test expects; the functional tests' one way of waiting. */
final class Await {

    private static final long TIMEOUT_MILLIS = 30_000;

    private Await() {
    }

    /** Waits until {@code value} matches {@code regex} and returns it. */
    static String await(Supplier<String> value, String regex, String what) {
        return await(value, regex, what, TIMEOUT_MILLIS);
    }

    /** The same, for work that takes longer than most (a benchmark): waits at most {@code timeoutMillis}. */
    static String await(Supplier<String> value, String regex, String what, long timeoutMillis) {
        String[] last = new String[1];
        await(() -> {
            last[0] = value.get();
            return last[0] != null && last[0].matches(regex);
        }, what, () -> "; last seen: " + last[0], timeoutMillis);
        return last[0];
    }

    static void await(BooleanSupplier condition, String what) {
        await(condition, what, () -> "", TIMEOUT_MILLIS);
    }

    static void awaitWithin(BooleanSupplier condition, String what, long timeoutMillis) {
        await(condition, what, () -> "", timeoutMillis);
    }

    private static void await(BooleanSupplier condition, String what, Supplier<String> detail, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what + detail.get());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, ex);
            }
        }
    }
}
