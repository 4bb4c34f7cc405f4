package org.tsperf.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.tasks.TaskContext;
import org.tsperf.api.tasks.TaskHandler;
import org.tsperf.api.tasks.TaskSpec;

/**
 * Runs "proxy.generate" tasks: probe, plan, one ffmpeg run for every proxy of the source into {@code .partial}
 * files in the store, check each by probing (size, frame count and duration against the source), rename into
 * place, then describe them ({@link PlanFile}) and record them in the index in one commit. Idempotent: a task run again after a crash finds its
 * proxies in the index, or removes the partial files of the interrupted run and starts over.
 */
@ServiceProvider(service = TaskHandler.class)
public final class ProxyTaskHandler implements TaskHandler {

    static final String KIND = "proxy.generate";
    private static final Logger LOG = Logger.getLogger(ProxyTaskHandler.class.getName());

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(TaskSpec spec, TaskContext ctx) throws Exception {
        Path source = Path.of(spec.parameters().get(ProxyParams.SOURCE));
        String planKey = spec.parameters().get(ProxyParams.PLAN);
        ProxySettings settings = ProxyParams.settings(spec.parameters());
        ProxyIndex index = ProxyEngine.get().index(settings.store());
        if (index.finished(planKey).isPresent()) {
            return; // made by an earlier attempt
        }
        MediaProbe probe = Lookup.getDefault().lookup(MediaProbe.class);
        if (probe == null) {
            throw new IllegalStateException("no MediaProbe service: the Media Core module is missing; install or"
                    + " enable it (Tools > Plugins)");
        }
        ctx.progress(0, 0, "Reading " + source.getFileName());
        SourceWatch watch = SourceWatch.start(source);
        MediaInfo info = probe.probe(source);
        long sourceBytes = watch.bytes();
        long sourceModified = watch.modifiedMillis();
        String content = watch.content();
        if (!planKey.equals(Fingerprint.plan(content, settings))) {
            throw new IOException(source + ": the file changed after its proxies were queued; generate them again.");
        }
        VideoStreamInfo v = info.mainVideo().orElseThrow(() -> new MediaException(source,
                MediaException.Problem.NO_VIDEO, source + ": has no video stream (" + info.audio().size()
                + " audio stream(s)); proxies are made of video files only."));
        if (v.width() <= 0 || v.height() <= 0) {
            throw new MediaException(source, MediaException.Problem.CORRUPT, source + ": its video stream has no"
                    + " frame size (" + v.codec() + "); the file is damaged: copy it again from its source.");
        }
        ctx.checkCancelled();
        long free = Files.getFileStore(settings.store()).getUsableSpace();
        if (free < StoreSpace.NEARLY_FULL_BYTES) {
            throw StoreSpace.full(source, settings.store(), 0, 0, 0, null); // no ffmpeg run bound to fail
        }
        HardwareEncoders.Verdict hw = settings.format() == ProxyFormat.H264
                ? HardwareEncoders.verify(FfmpegProxyEncoder.executable())
                : HardwareEncoders.Verdict.none("ProRes has no hardware encoder here");
        double duration = v.durationSeconds() > 0 ? v.durationSeconds() : info.durationSeconds();
        ProxyPlan plan = ProxyStrategy.plan(v, duration, settings, free, hw);
        if (plan.targets().isEmpty()) {
            index.put(new PlanFile.Description(planKey, content, source.toString(), sourceBytes, sourceModified,
                    settings, List.of(), plan.reasons(), System.currentTimeMillis()));
            return;
        }
        List<Path> partials = new ArrayList<>();
        List<Path> finals = new ArrayList<>();
        for (ProxyPlan.Target t : plan.targets()) {
            String name = Fingerprint.proxy(content, settings, plan.quality().id(), t.resolution()) + "-"
                    + t.resolution().name();
            String ext = settings.format().extension();
            finals.add(settings.store().resolve(name + "." + ext));
            // the task's own partial file: two sources with the same content (a copy of a clip) make the same
            // proxies, and their tasks must not write, or remove, each other's; the last rename wins, same bytes
            partials.add(settings.store().resolve(name + ".partial." + partialTag(spec) + "." + ext));
        }
        for (Path p : partials) {
            if (Files.deleteIfExists(p)) {
                LOG.log(Level.INFO, "removed {0}, left by an interrupted run", p);
            }
        }
        long total = v.frameCount() > 0 ? v.frameCount() : Math.round(duration * v.frameRate());
        String what = plan.targets().stream().map(t -> t.resolution().displayName() + " " + t.width() + "x"
                + t.height()).collect(Collectors.joining(" + ")) + " of " + source.getFileName();
        boolean done = false;
        List<Path> moved = new ArrayList<>();
        try {
            FfmpegProxyEncoder.Outcome o = FfmpegProxyEncoder.run(
                    FfmpegProxyEncoder.command(source, info, plan, settings.format(), partials), total, what, ctx);
            watch.checkUnchanged(); // proxies of a file that grew or was cut are of neither version
            checkComplete(source, v, o.framesDecoded());
            List<PlanFile.Proxy> proxies = new ArrayList<>();
            for (int i = 0; i < partials.size(); i++) {
                MediaInfo made = probe.probe(partials.get(i));
                verify(source, v, duration, plan.targets().get(i), made, o.framesDecoded());
                Files.move(partials.get(i), finals.get(i), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                moved.add(finals.get(i));
                VideoStreamInfo pv = made.mainVideo().orElseThrow();
                proxies.add(new PlanFile.Proxy(new ProxyFile(plan.targets().get(i).resolution().name(),
                        finals.get(i), Files.size(finals.get(i)), pv.width(), pv.height(), pv.codec()),
                        pv.frameCount() > 0 ? pv.frameCount() : o.framesDecoded()));
            }
            List<String> reasons = new ArrayList<>(plan.reasons());
            reasons.add(String.format(Locale.ROOT, "made in %.1f s from one decode of %d frames (%.1f fps)",
                    o.seconds(), o.framesDecoded(), o.framesDecoded() / Math.max(0.001, o.seconds())));
            index.put(new PlanFile.Description(planKey, content, source.toString(), sourceBytes, sourceModified,
                    settings, proxies, reasons, System.currentTimeMillis()));
            ctx.progress(total, total, FfmpegProxyEncoder.message(what, o.framesDecoded(), total,
                    o.framesDecoded() / Math.max(0.001, o.seconds())));
            done = true;
        } catch (MediaException ex) {
            watch.checkUnchanged(); // a proxy of a file cut while it was read probes as truncated
            if (String.valueOf(ex.getMessage()).contains(settings.store().toString())
                    && StoreSpace.ranOut(ex.getMessage(), settings.store())) {
                // a proxy cut short by a full disk probes as truncated: the store's fault, not the source's
                throw StoreSpace.full(source, settings.store(), StoreSpace.sizes(partials), 0, 0, ex);
            }
            throw ex;
        } catch (FfmpegProxyEncoder.Failure ex) {
            // a full disk makes ffmpeg stop early too: the store's fault, not the source's
            if (StoreSpace.ranOut(ex.getMessage(), settings.store())) {
                throw StoreSpace.full(source, settings.store(), StoreSpace.sizes(partials), ex.framesDone, total, ex);
            }
            // a file cut while it was read, or a truncated one, often makes the encoders fail for want of frames:
            // say what is really wrong
            watch.checkUnchanged();
            checkComplete(source, v, ex.framesDone);
            throw new IOException(source + ": proxy generation failed: " + ex.getMessage()
                    + ". If the source plays elsewhere, report this; otherwise copy it again from its source.", ex);
        } catch (StoreSpace.StoreFullException | SourceWatch.ChangedException ex) {
            throw ex;
        } catch (IOException ex) {
            if (StoreSpace.ranOut(ex.getMessage(), settings.store())) {
                throw StoreSpace.full(source, settings.store(), StoreSpace.sizes(partials), 0, 0, ex);
            }
            throw new IOException(source + ": proxy generation failed: " + ex.getMessage()
                    + ". If the source plays elsewhere, report this; otherwise copy it again from its source.", ex);
        } finally {
            if (!done) {
                // an index that could not be written (a full disk) leaves no proxy it does not list
                for (Path p : partials) {
                    deleteQuietly(p);
                }
                for (Path p : moved) {
                    deleteQuietly(p);
                }
            }
        }
    }

    /** The task id as a file-name part (a task run again after a crash finds its own partial files). */
    static String partialTag(TaskSpec spec) {
        String id = spec.id().value().replaceAll("[^A-Za-z0-9-]", "_");
        return id.length() <= 40 ? id : id.substring(0, 40);
    }

    /** A truncated file opens fine and announces all its frames; decoding just ends early. */
    static void checkComplete(Path source, VideoStreamInfo v, long decoded) throws MediaException {
        if (decoded == 0 && v.frameCount() <= 1) {
            throw new MediaException(source, MediaException.Problem.CORRUPT, source + ": not one video frame could"
                    + " be decoded; the file is damaged or truncated: copy it again from its source.");
        }
        if (v.frameCount() > 0 && decoded < v.frameCount() - 1) {
            throw new MediaException(source, MediaException.Problem.TRUNCATED, String.format(Locale.ROOT,
                    "%s: truncated: its container announces %d frames but only %d could be decoded (the file ends"
                    + " early, e.g. an interrupted copy): copy it again from the camera card or its source.",
                    source, v.frameCount(), decoded));
        }
    }

    /** The proxy has the planned size, the frames decoded and the source's duration, within one frame. */
    static void verify(Path source, VideoStreamInfo v, double duration, ProxyPlan.Target t, MediaInfo made,
            long decoded) throws IOException {
        VideoStreamInfo pv = made.mainVideo().orElseThrow(() -> new IOException("the proxy has no video stream"));
        String name = t.resolution().displayName() + " proxy of " + source.getFileName();
        if (pv.displayWidth() != t.width() || pv.displayHeight() != t.height()) {
            throw new IOException(String.format(Locale.ROOT, "%s is %dx%d, not the planned %dx%d", name,
                    pv.displayWidth(), pv.displayHeight(), t.width(), t.height()));
        }
        if (pv.frameCount() > 0 && Math.abs(pv.frameCount() - decoded) > 1) {
            throw new IOException(String.format(Locale.ROOT, "%s has %d frames, the source %d", name,
                    pv.frameCount(), decoded));
        }
        double frame = v.frameRate() > 0 ? 1 / v.frameRate() : 0.1;
        if (v.variableFrameRate()) {
            // every timestamp is kept, but the MP4 muxer does not carry the last frame's own duration over, and a
            // variable-rate frame may last longer than the average one
            frame *= 2;
        }
        if (duration > 0 && pv.durationSeconds() > 0 && Math.abs(pv.durationSeconds() - duration) > frame + 1e-3) {
            throw new IOException(String.format(Locale.ROOT, "%s lasts %.3f s, the source %.3f s", name,
                    pv.durationSeconds(), duration));
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "could not remove the partial proxy " + p, ex);
        }
    }
}
