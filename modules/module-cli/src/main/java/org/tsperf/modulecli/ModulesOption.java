package org.tsperf.modulecli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.api.sendopts.CommandException;
import org.netbeans.spi.sendopts.Env;
import org.netbeans.spi.sendopts.Option;
import org.netbeans.spi.sendopts.OptionGroups;
import org.netbeans.spi.sendopts.OptionProcessor;
import org.openide.LifecycleManager;
import org.openide.util.NbBundle.Messages;
import org.openide.util.lookup.ServiceProvider;

/**
 * {@code ./tsperf modules list|enable|disable|install|uninstall NAME... [--json] [--all]}: the launcher script starts
 * the platform with {@code --nogui -J-Dtsperf.modules.headless=true --tsperf-modules SUBCOMMAND NAME...} and this
 * processor does the work through the autoupdate API, prints one line per module (or JSON), and ends the process
 * with 0 (done) or 1 (refused or failed; the reason on stderr), 2 for a usage error.
 */
@ServiceProvider(service = OptionProcessor.class)
@Messages({
    "ModulesOption_description=(use ./tsperf modules) list, enable, disable, install or uninstall feature modules",
    "ModulesOption_arguments=list|enable|disable|install|uninstall NAME...",
    "ModulesOption_json=with --tsperf-modules: write JSON",
    "ModulesOption_all=with --tsperf-modules list: every module, the platform's too"
})
public final class ModulesOption extends OptionProcessor {

    /** Set by the launcher script: this JVM was started for the command, not a workbench handed the arguments. */
    static final String HEADLESS = "tsperf.modules.headless";
    static final String USAGE = "usage: ./tsperf modules list [--all] [--json] | enable|disable|install|uninstall"
            + " NAME... [--json] [--userdir DIR]  (NAME: org.tsperf.proxy or proxy)";

    private static final Logger LOG = Logger.getLogger(ModulesOption.class.getName());
    private static final String BUNDLE = "org.tsperf.modulecli.Bundle";
    private static final Option COMMAND = Option.shortDescription(Option.displayName(
            Option.additionalArguments(Option.NO_SHORT_NAME, "tsperf-modules"), BUNDLE, "ModulesOption_arguments"),
            BUNDLE, "ModulesOption_description");
    private static final Option JSON = Option.shortDescription(
            Option.withoutArgument(Option.NO_SHORT_NAME, "tsperf-modules-json"), BUNDLE, "ModulesOption_json");
    private static final Option ALL = Option.shortDescription(
            Option.withoutArgument(Option.NO_SHORT_NAME, "tsperf-modules-all"), BUNDLE, "ModulesOption_all");
    private static final Option GROUP = OptionGroups.allOf(COMMAND, OptionGroups.anyOf(JSON, ALL));

    @Override
    protected Set<Option> getOptions() {
        return Set.of(GROUP);
    }

    @Override
    protected void process(Env env, Map<Option, String[]> values) throws CommandException {
        if (!Boolean.getBoolean(HEADLESS)) {
            // a second start hands its arguments to a running workbench: managing modules there would end it
            throw new CommandException(1, "tsperf modules: a workbench runs with this user directory; close it"
                    + " first, or use Tools > Plugins in it");
        }
        boolean json = values.containsKey(JSON);
        PrintStream out = env.getOutputStream();
        PrintStream err = env.getErrorStream();
        int rc;
        try {
            List<ModuleState> states = run(values.get(COMMAND), values.containsKey(ALL));
            print(out, states, json);
            rc = 0;
        } catch (ModuleCommandException ex) {
            LOG.log(Level.INFO, "tsperf modules " + String.join(" ", values.get(COMMAND)) + " failed", ex);
            err.println("tsperf modules: " + ex.getMessage());
            if (json) {
                out.println("{\"ok\":false,\"error\":" + Json.string(ex.getMessage()) + "}");
            }
            rc = ex.getMessage().startsWith("usage:") ? 2 : 1;
        }
        out.flush();
        err.flush();
        // The platform's --nogui start would keep running after the options: autoupdate's network access leaves a
        // non-daemon thread ("pool-1-thread-1") that holds the JVM for 20 s to minutes. The command ends the
        // process itself, through the platform's exit: modules close and the module list is written first.
        LifecycleManager.getDefault().exit(rc);
    }

    private static List<ModuleState> run(String[] args, boolean all) throws ModuleCommandException {
        if (args == null || args.length == 0) {
            throw new ModuleCommandException(USAGE);
        }
        String sub = args[0];
        List<String> given = Arrays.asList(args).subList(1, args.length);
        ModuleManagement modules = new ModuleManagement();
        modules.refresh();
        if ("list".equals(sub)) {
            if (!given.isEmpty()) {
                throw new ModuleCommandException(USAGE);
            }
            return modules.list(all);
        }
        if (given.isEmpty() || !List.of("enable", "disable", "install", "uninstall").contains(sub)) {
            throw new ModuleCommandException(USAGE);
        }
        List<String> names = new ArrayList<>();
        for (String n : given) {
            names.add(modules.resolve(n));
        }
        Set<String> shown = new LinkedHashSet<>(names);
        Set<String> changed = switch (sub) {
            case "enable" -> modules.enable(names);
            case "disable" -> modules.disable(names);
            case "install" -> modules.install(names);
            default -> modules.uninstall(names);
        };
        shown.addAll(changed);
        // the named modules the command changed show their new state (what they needed may be libraries that
        // stay disabled until used)
        Set<String> named = new LinkedHashSet<>(changed);
        named.retainAll(names);
        return modules.statesAfter(shown, named, switch (sub) {
            case "disable" -> ModuleState.DISABLED;
            case "uninstall" -> ModuleState.NOT_INSTALLED;
            default -> ModuleState.ENABLED;
        });
    }

    private static void print(PrintStream out, List<ModuleState> states, boolean json) {
        if (json) {
            StringBuilder b = new StringBuilder("{\"ok\":true,\"modules\":[");
            for (int i = 0; i < states.size(); i++) {
                b.append(i == 0 ? "" : ",").append(states.get(i).json());
            }
            out.println(b.append("]}"));
            return;
        }
        int width = states.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (ModuleState s : states) {
            out.println(s.line(width));
        }
    }
}
