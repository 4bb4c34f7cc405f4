package org.tsperf.cli;

import picocli.CommandLine.Command;

/** {@code tsperf bench ...}: benchmarks that measure their own baselines in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks of the engine, each against baselines measured in the same run.",
        subcommands = {ProxyBenchCommand.class, PlayBenchCommand.class, RenderBenchCommand.class})
final class BenchCommand {
}
