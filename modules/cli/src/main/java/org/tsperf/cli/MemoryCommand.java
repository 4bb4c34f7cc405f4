package org.tsperf.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.memory.MemoryStatistics;
import org.tsperf.api.memory.PoolStatistics;
import org.tsperf.api.memory.Priority;
import org.tsperf.api.util.ByteSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tsperf memory stats [--json]}: the memory manager's profile, budgets, pools and pressure. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "The memory manager: profile, budgets, buffer pools and pressure level.",
        subcommands = {MemoryCommand.Stats.class, MemoryBench.class})
final class MemoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "say what to do: stats or bench");
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = {"Profile (-Dtsperf.memory.profile=8 in TSPERF_JAVA_OPTS picks one; default: this machine's),"
                + " heap, pool and cache budgets, pools by size class, bytes lent by priority, the pressure level.",
                "The figures are this process's: a fresh command shows budgets and the machine, not the workbench's pools."})
    static final class Stats implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() {
            MemoryStatistics s = Services.require(MemoryManager.class, "Memory Manager").statistics();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.line(json(s)));
                return 0;
            }
            out.printf(Locale.ROOT, "profile %s: heap %s, pools %s, cache %s%n", s.profile().name(),
                    ByteSizes.format(s.profile().heapBytes()), ByteSizes.format(s.profile().poolBytes()),
                    ByteSizes.format(s.profile().cacheBytes()));
            out.printf(Locale.ROOT, "pressure %s; machine %s available of %s; heap %s of %s%n",
                    s.pressure().name().toLowerCase(Locale.ROOT), ByteSizes.format(s.systemAvailableBytes()),
                    ByteSizes.format(s.systemTotalBytes()), ByteSizes.format(s.heapUsedBytes()),
                    ByteSizes.format(s.heapMaxBytes()));
            out.printf(Locale.ROOT, "pools %s used, %s allocated, budget %s; cache budget %s%n",
                    ByteSizes.format(s.poolUsedBytes()), ByteSizes.format(s.poolCapacityBytes()),
                    ByteSizes.format(s.poolBudgetBytes()), ByteSizes.format(s.cacheBudgetBytes()));
            for (PoolStatistics p : s.pools()) {
                out.printf(Locale.ROOT, "  class %s: %d in use, %d idle, %d free%n", ByteSizes.format(p.bufferBytes()),
                        p.inUse(), p.idle(), p.free());
            }
            out.printf(Locale.ROOT, "waiting %d, timed out %d, reclaimed %d, shrunk %d%n", s.waiting(), s.timedOut(),
                    s.reclaimed(), s.shrunk());
            return 0;
        }

        static Map<String, Object> json(MemoryStatistics s) {
            Map<String, Object> byPriority = new LinkedHashMap<>();
            for (Priority p : Priority.values()) {
                byPriority.put(p.name().toLowerCase(Locale.ROOT), s.usedByPriority().getOrDefault(p, 0L));
            }
            List<Object> pools = new ArrayList<>();
            for (PoolStatistics p : s.pools()) {
                pools.add(Json.object("bufferBytes", p.bufferBytes(), "inUse", p.inUse(), "idle", p.idle(),
                        "free", p.free()));
            }
            return Json.object(
                    "profile", Json.object("name", s.profile().name(), "machineBytes", s.profile().machineBytes(),
                            "heapBytes", s.profile().heapBytes(), "poolBytes", s.profile().poolBytes(),
                            "cacheBytes", s.profile().cacheBytes()),
                    "pressure", s.pressure().name().toLowerCase(Locale.ROOT),
                    "poolBudgetBytes", s.poolBudgetBytes(), "poolCapacityBytes", s.poolCapacityBytes(),
                    "poolUsedBytes", s.poolUsedBytes(), "usedByPriority", byPriority, "pools", pools,
                    "cacheBudgetBytes", s.cacheBudgetBytes(), "waiting", s.waiting(), "timedOut", s.timedOut(),
                    "reclaimed", s.reclaimed(), "shrunk", s.shrunk(),
                    "heapUsedBytes", s.heapUsedBytes(), "heapMaxBytes", s.heapMaxBytes(),
                    "systemTotalBytes", s.systemTotalBytes(), "systemAvailableBytes", s.systemAvailableBytes());
        }
    }
}
