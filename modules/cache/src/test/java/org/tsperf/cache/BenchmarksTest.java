package org.tsperf.cache;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache benchmarks of docs/benchmarks.md; skipped unless {@code -Dtsperf.benchmark=true}. Writes
 * {@code target/benchmarks/cache.md} and the traces to {@code target/traces/}.
 */
@EnabledIfSystemProperty(named = "tsperf.benchmark", matches = "true")
class BenchmarksTest {

    @TempDir
    Path tmp;

    @Test
    void hitRatesAndDiskThroughput() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            HitRateBenchmark.main(new String[] {"target/traces"});
        } finally {
            System.setOut(original);
        }
        String report = "## Hit rate\n\n" + bytes.toString(StandardCharsets.UTF_8)
                + "\n## L2 throughput\n\n" + DiskThroughputBenchmark.run(tmp);
        Path out = Files.createDirectories(Path.of("target/benchmarks")).resolve("cache.md");
        Files.writeString(out, report);
        original.println(report);
    }
}
