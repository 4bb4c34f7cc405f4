package org.tsperf.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tsperf COMMAND [ARGS]}: the workbench's engine services in a plain JVM, found through Lookup exactly as
 * in the application. Exit codes: 0 success, 1 failure, 2 usage error.
 */
@Command(name = "tsperf", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Timeline Studio Performance: headless commands. Without a command, ./tsperf starts the workbench.",
        subcommands = {MonitorCommand.class, ServicesCommand.class, TasksCommand.class, CacheCommand.class,
            MemoryCommand.class, GpuCommand.class, ProbeCommand.class, FrameCommand.class, PlayCommand.class,
            ProxyCommand.class, FuzzCommand.class, OptimizeCommand.class, RenderCommand.class, WorkerCommand.class,
            ClusterCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error."})
public final class Main {

    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; used by {@link #main} and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        quietLogging();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(ex -> FAILURE);
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("tsperf: " + ex.getMessage());
            c.getErr().println("Run './tsperf " + qualifiedName(c) + "--help' for the options.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("tsperf " + c.getCommandName() + ": " + describe(ex));
            Logger.getLogger(Main.class.getName()).log(Level.FINE, "command failed", ex);
            return FAILURE;
        });
        return cli.execute(args);
    }

    private static String qualifiedName(CommandLine c) {
        String name = c.getCommandSpec().qualifiedName(" ");
        return name.equals("tsperf") ? "" : name.substring("tsperf ".length()) + " ";
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }

    /** Library INFO lines would mix with the command's output; warnings still reach stderr. */
    private static void quietLogging() {
        if (System.getProperty("java.util.logging.config.file") == null) {
            Logger.getLogger("").setLevel(Level.WARNING);
        }
    }
}
