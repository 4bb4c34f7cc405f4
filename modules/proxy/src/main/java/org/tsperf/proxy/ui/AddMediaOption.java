package org.tsperf.proxy.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.api.sendopts.CommandException;
import org.netbeans.spi.sendopts.Env;
import org.netbeans.spi.sendopts.Option;
import org.netbeans.spi.sendopts.OptionProcessor;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.proxy.ProxyMediaList;
import org.tsperf.api.proxy.ProxyService;

/**
 * {@code ./tsperf --add-media FILE|FOLDER...}: adds media to the Proxy Manager and queues their missing proxies in
 * the background, as File &gt; Add Media and Generate Missing do; from a file manager, a script, or a second start
 * while the workbench runs (the platform hands the arguments to the running one). Nothing waits here: the start goes
 * on while the media list probes and the tasks run.
 */
@ServiceProvider(service = OptionProcessor.class)
@Messages({
    "AddMediaOption_description=add media files or folders to the Proxy Manager and make their missing proxies",
    "AddMediaOption_arguments=FILE|FOLDER..."
})
public final class AddMediaOption extends OptionProcessor {

    private static final Logger LOG = Logger.getLogger(AddMediaOption.class.getName());
    private static final Option ADD_MEDIA = Option.shortDescription(Option.displayName(
            Option.additionalArguments(Option.NO_SHORT_NAME, "add-media"), "org.tsperf.proxy.ui.Bundle",
            "AddMediaOption_arguments"), "org.tsperf.proxy.ui.Bundle", "AddMediaOption_description");

    @Override
    protected Set<Option> getOptions() {
        return Set.of(ADD_MEDIA);
    }

    @Override
    protected void process(Env env, Map<Option, String[]> values) throws CommandException {
        String[] args = values.get(ADD_MEDIA);
        if (args == null || args.length == 0) {
            throw new CommandException(2, "--add-media needs media files or folders");
        }
        File cwd = env.getCurrentDirectory();
        List<Path> paths = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String a : args) {
            Path p = cwd == null ? Path.of(a) : cwd.toPath().resolve(a);
            p = p.toAbsolutePath().normalize();
            if (Files.exists(p)) {
                paths.add(p);
            } else {
                missing.add(p.toString());
            }
        }
        if (!missing.isEmpty()) {
            env.getErrorStream().println("tsperf: no such file or folder: " + String.join(", ", missing));
        }
        ProxyMediaList list = Lookup.getDefault().lookup(ProxyMediaList.class);
        ProxyService proxies = Lookup.getDefault().lookup(ProxyService.class);
        if (list == null || proxies == null) {
            throw new CommandException(1, "--add-media: the Proxy Manager's engine is not installed (Tools > Plugins)");
        }
        if (paths.isEmpty()) {
            throw new CommandException(1, "--add-media: nothing to add");
        }
        list.addMedia(paths)
                .thenCompose(added -> {
                    LOG.log(Level.INFO, "--add-media: {0}", added);
                    return proxies.generateMissing();
                })
                .whenComplete((queued, ex) -> {
                    if (ex != null) {
                        LOG.log(Level.WARNING, "--add-media " + paths + " failed", ex);
                    } else {
                        LOG.log(Level.INFO, "--add-media: {0}", queued);
                    }
                });
    }
}
