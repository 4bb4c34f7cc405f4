package org.tsperf.proxy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openide.util.Lookup;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.tasks.TaskService;

/**
 * The worker process of the kill -9 test: {@code ProxyWorkerMain STORE [SOURCE]}, with {@code -Dtsperf.tasks.journal}
 * set. With a SOURCE it queues its proxies; without, it only resumes what the task journal holds. Exits 0 when no
 * task is left.
 */
public final class ProxyWorkerMain {

    private ProxyWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class); // opens the journal, requeues interrupted
        if (args.length > 1) {
            Lookup.getDefault().lookup(ProxyService.class).generateNow(Path.of(args[1]),
                    ProxySettings.defaults(Path.of(args[0])));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        Thread.sleep(500);
        while (tasks.counts().running() + tasks.counts().waiting() > 0) {
            if (System.nanoTime() > deadline) {
                System.exit(3);
            }
            Thread.sleep(50);
        }
        ProxyEngine.get().close();
        System.exit(0);
    }
}
