package org.techroute.api.webhooks;

import java.time.Duration;
import java.util.function.Supplier;

/** Bounded polling for tests: a condition checked every 50 ms until it holds, failing after a generous limit. */
final class Eventually {

    private Eventually() {
    }

    /** Polls {@code value} until {@code condition} holds on it; its value then, or an AssertionError after wait. */
    static <T> T await(Duration wait, String what, Supplier<T> value, java.util.function.Predicate<T> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = value.get();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(what + ": not within " + wait + "; last: " + last);
    }

    /** Waits until the sender finished {@code passes} more passes over the due deliveries. */
    static void passes(WebhookDelivery sender, int passes) throws InterruptedException {
        long from = sender.passes();
        await(Duration.ofSeconds(60), passes + " passes of the sender", sender::passes, p -> p >= from + passes);
    }
}
