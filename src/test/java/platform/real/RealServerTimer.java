package platform.real;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;
import platform.Stacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints how long a real-server test class took, its servers included, and how its tests ended,
 * to its output and to {@code target/real-servers.txt}, which {@code .ci/run} prints after the
 * tests (Surefire keeps the tests' own output in files).
 */
public final class RealServerTimer implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    static final String REPORT = "target/real-servers.txt";
    private static final ExtensionContext.Namespace TIMER = ExtensionContext.Namespace.create(RealServerTimer.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        var store = context.getStore(TIMER);
        store.put("start", System.nanoTime());
        for (var counter : new String[]{"passed", "failed", "skipped"}) {
            store.put(counter, new AtomicInteger());
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        count(context, "passed");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        count(context, "failed");
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        count(context, "skipped");
    }

    private static void count(ExtensionContext context, String counter) {
        context.getParent().ifPresent(parent -> parent.getStore(TIMER).get(counter, AtomicInteger.class).incrementAndGet());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        var store = context.getStore(TIMER);
        var seconds = (System.nanoTime() - store.get("start", Long.class)) / 1e9;
        var outcome = classFailure(context).orElseGet(() -> store.get("passed", AtomicInteger.class) + " passed, "
                + store.get("failed", AtomicInteger.class) + " failed, " + store.get("skipped", AtomicInteger.class) + " skipped");
        var line = String.format(Locale.ROOT, "real servers: %-40s %6.1f s  %s%n",
                context.getRequiredTestClass().getSimpleName(), seconds, outcome);
        System.out.print(line);
        try {
            var report = Stacks.projectRoot().resolve(REPORT);
            Files.createDirectories(report.getParent());
            Files.writeString(report, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class whose servers could not start: skipped (by hand) or failed (CI), with the reason. */
    private static Optional<String> classFailure(ExtensionContext context) {
        return context.getExecutionException().map(e -> (e instanceof TestAbortedException ? "SKIPPED: " : "FAILED: ")
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")));
    }
}
