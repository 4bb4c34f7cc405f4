package org.tsperf.proxy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.openide.util.RequestProcessor;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.Thumbnail;
import org.tsperf.api.media.ThumbnailService;
import org.tsperf.api.media.VideoFormat;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.TaskContext;
import org.tsperf.api.tasks.TaskHandler;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.tasks.TaskType;

/**
 * Thumbnail strips for the Proxy Manager. A strip whose thumbnails are all cached comes back at once; otherwise a
 * thumbnail task of the task system decodes the missing ones (from a ready proxy of the source when there is one:
 * decoding 960x540 is ~16 times cheaper than 4K) and puts them in the frame cache, from where they spill to disk.
 */
@ServiceProvider(service = ThumbnailService.class)
public final class ThumbnailStrips implements ThumbnailService {

    private static final Logger LOG = Logger.getLogger(ThumbnailStrips.class.getName());
    private static final Executor LOOKUPS = new RequestProcessor("Thumbnail lookups", 1, true);
    /**
     * A strip is asked for by someone looking at it and decodes a few frames: it claims no CPU share, so a busy
     * machine does not hold it back the way it holds back proxy jobs.
     */
    private static final ResourceEstimate ESTIMATE = new ResourceEstimate(0, 0.01, 0, 0.1, Duration.ofSeconds(5));
    /** Strips being made by this process, by task; the handler completes them. */
    private static final Map<TaskId, CompletableFuture<List<Thumbnail>>> WAITING = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<List<Thumbnail>> strip(Path source, int count, int width) {
        if (count < 1 || count > 100 || width < 16 || width > 1920) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a strip is 1-100 thumbnails of 16-1920"
                    + " px, not " + count + " of " + width));
        }
        Path src = source.toAbsolutePath().normalize();
        return CompletableFuture.supplyAsync(() -> remembered(src, count, width), LOOKUPS).thenCompose(r -> {
            Optional<List<Thumbnail>> cached = r.allCached();
            if (cached.isPresent()) {
                return CompletableFuture.completedFuture(cached.get());
            }
            TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
            if (tasks == null) {
                return CompletableFuture.supplyAsync(() -> r.make(null), LOOKUPS);
            }
            CompletableFuture<List<Thumbnail>> result = new CompletableFuture<>();
            TaskId id = TaskId.random();
            WAITING.put(id, result);
            tasks.submit(new TaskSpec(id, Handler.KIND, "Thumbnails of " + src.getFileName(), TaskType.THUMBNAIL,
                    TaskPriority.HIGH, ESTIMATE, r.parameters(), java.util.Set.of()));
            tasks.completion(id).thenAccept(info -> ended(id, info));
            return result;
        });
    }

    /**
     * The strip's request (times, size, content id), worked out once per source as it is now: probing and
     * fingerprinting read the file, so they are done again only when its size or modification time changed.
     */
    static Request remembered(Path src, int count, int width) {
        String stamp;
        try {
            stamp = java.nio.file.Files.size(src) + "@" + java.nio.file.Files.getLastModifiedTime(src).toMillis();
        } catch (java.io.IOException ex) {
            return Request.of(src, count, width); // says what is wrong with the file
        }
        String shape = src + "|" + count + "|" + width;
        Map<String, Remembered> requests = ProxyEngine.get().stripRequests();
        Remembered known = requests.get(shape);
        if (known != null && known.stamp().equals(stamp)) {
            return known.request();
        }
        Request r = Request.of(src, count, width);
        requests.put(shape, new Remembered(stamp, r));
        return r;
    }

    /** A strip's request and the size and modification time of the source it was worked out from. */
    record Remembered(String stamp, Request request) {
    }

    private static void ended(TaskId id, TaskInfo info) {
        CompletableFuture<List<Thumbnail>> f = WAITING.remove(id);
        if (f != null && info.state() != TaskState.DONE) {
            f.completeExceptionally(new IllegalStateException(info.reason().isEmpty() ? info.state().toString()
                    : info.reason()));
        }
    }

    /** One strip: where the thumbnails are, their cache keys, and how to decode them. */
    record Request(Path source, String contentId, List<Long> times, int width, int height, int rotation) {

        static Request of(Path src, int count, int width) {
            try {
                DefaultProxyService.refuseUnreadable(src);
                MediaProbe probe = Lookup.getDefault().lookup(MediaProbe.class);
                if (probe == null) {
                    throw new IllegalStateException("no media probe: the Media module is missing; install it (Tools >"
                            + " Plugins)");
                }
                MediaInfo info = probe.probe(src);
                VideoStreamInfo v = info.mainVideo().orElseThrow(() -> new IllegalStateException(src
                        + ": has no video stream, so no thumbnails"));
                double duration = info.durationSeconds() > 0 ? info.durationSeconds() : v.durationSeconds();
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    times.add((long) ((i + 0.5) / count * duration * 1e6));
                }
                int height = Math.max(2, (int) Math.round(width * (double) v.displayHeight() / v.displayWidth()));
                return new Request(src, Fingerprint.of(src), times, width, height, v.rotation());
            } catch (java.io.IOException ex) {
                throw new IllegalStateException(ex.getMessage(), ex);
            }
        }

        Map<String, String> parameters() {
            return Map.of("source", source.toString(), "content", contentId, "width", Integer.toString(width),
                    "height", Integer.toString(height), "rotation", Integer.toString(rotation), "times",
                    String.join(",", times.stream().map(String::valueOf).toList()));
        }

        static Request of(Map<String, String> p) {
            List<Long> times = new ArrayList<>();
            for (String t : p.get("times").split(",")) {
                times.add(Long.parseLong(t));
            }
            return new Request(Path.of(p.get("source")), p.get("content"), times, Integer.parseInt(p.get("width")),
                    Integer.parseInt(p.get("height")), Integer.parseInt(p.get("rotation")));
        }

        CacheKey key(long time) {
            return CacheKey.thumbnail(contentId, time, width);
        }

        /**
         * The strip from the cache when every thumbnail is there. Whether they are is looked up first without
         * counting (a strip that must be made is asked of the cache once, by its task): each thumbnail is one
         * request of the cache's counters, a hit or a miss, never two.
         */
        Optional<List<Thumbnail>> allCached() {
            MultiLevelCache cache = Lookup.getDefault().lookup(MultiLevelCache.class);
            if (cache == null) {
                return Optional.empty();
            }
            for (long t : times) {
                if (!cache.contains(key(t))) {
                    return Optional.empty();
                }
            }
            List<Thumbnail> strip = new ArrayList<>();
            for (long t : times) {
                Optional<byte[]> v = cache.get(key(t));
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                strip.add(decode(t, v.get()));
            }
            return Optional.of(strip);
        }

        /** Decodes what the cache lacks (through the cache when there is one). */
        List<Thumbnail> make(TaskContext context) {
            MultiLevelCache cache = Lookup.getDefault().lookup(MultiLevelCache.class);
            try (Decoder decoder = new Decoder(this)) {
                List<Thumbnail> strip = new ArrayList<>();
                for (int i = 0; i < times.size(); i++) {
                    if (context != null) {
                        context.checkCancelled();
                        context.progress(i, times.size(), "thumbnail " + (i + 1) + " of " + times.size());
                    }
                    long t = times.get(i);
                    byte[] value = cache != null ? cache.get(key(t), k -> decoder.at(t)) : decoder.at(t);
                    strip.add(decode(t, value));
                }
                return strip;
            } catch (RuntimeException ex) {
                throw ex;
            } catch (Exception ex) {
                throw new IllegalStateException(source + ": thumbnails cannot be decoded (" + ex.getMessage() + ")",
                        ex);
            }
        }

        private static Thumbnail decode(long time, byte[] value) {
            ByteBuffer b = ByteBuffer.wrap(value);
            int w = b.getInt();
            int h = b.getInt();
            byte[] rgb = new byte[value.length - 8];
            b.get(rgb);
            return new Thumbnail(time, w, h, rgb);
        }
    }

    /**
     * The product's decoder opened on first need (frame-exact: {@code frameAt(time)} then {@code seek}), and the frame
     * processor converting to RGB and scaling to the thumbnail size.
     */
    static final class Decoder implements AutoCloseable {
        private final Request r;
        private FrameSource source;
        /** The turn still to apply: the source's; none for a proxy (proxies are stored upright). */
        private int rotation;
        private VideoProcessor processor;
        private ByteBuffer rgba;

        Decoder(Request r) {
            this.r = r;
        }

        byte[] at(long time) throws Exception {
            if (source == null) {
                open();
            }
            VideoFormat f = source.format();
            try (DecodedFrame frame = source.seek(source.frameAt(time))) {
                // decoded unturned: a sideways picture is scaled to the thumbnail's transposed size, then turned
                boolean sideways = rotation % 180 != 0;
                int width = sideways ? r.height() : r.width();
                int height = sideways ? r.width() : r.height();
                List<FrameOperation> ops = List.of(new FrameOperation.ConvertToRgba(f.matrix(), f.range()),
                        new FrameOperation.Scale(width, height, FrameOperation.ScaleFilter.BICUBIC));
                if (rgba == null) {
                    rgba = ByteBuffer.allocateDirect((int) processor.outputShape(frame.picture(), ops).byteCount());
                }
                Frame out = processor.process(frame.picture(), ops, rgba);
                byte[] rgb = new byte[width * height * 3];
                for (int i = 0, o = 0; o < rgb.length; i += 4, o += 3) {
                    rgb[o] = out.data().get(i);
                    rgb[o + 1] = out.data().get(i + 1);
                    rgb[o + 2] = out.data().get(i + 2);
                }
                if (rotation != 0) {
                    rgb = rotate(rgb, width, height, rotation);
                }
                ByteBuffer value = ByteBuffer.allocate(8 + rgb.length);
                value.putInt(r.width()).putInt(r.height()).put(rgb);
                return value.array();
            }
        }

        /** Opens the smallest ready proxy wide enough (stored upright), else the source. */
        private void open() throws MediaException {
            MediaDecoder decoder = Lookup.getDefault().lookup(MediaDecoder.class);
            if (decoder == null) {
                throw new IllegalStateException("no media decoder: the Media Core module is missing; install it"
                        + " (Tools > Plugins)");
            }
            processor = Lookup.getDefault().lookup(VideoProcessor.class);
            if (processor == null) {
                throw new IllegalStateException("no frame processor: the GPU Acceleration module is disabled or"
                        + " missing; enable it (Tools > Plugins) for thumbnails");
            }
            Path input = input(r);
            rotation = input.equals(r.source()) ? r.rotation() : 0;
            source = decoder.open(input, DecodeOptions.background());
            // the decoder shrinks in YUV to twice the thumbnail (cheap), the processor's bicubic does the rest:
            // converting a whole 4K frame to RGBA for a 160 px thumbnail would cost 100 times more
            boolean sideways = rotation % 180 != 0;
            source.scaleTo(2 * (sideways ? r.height() : r.width()), 2 * (sideways ? r.width() : r.height()));
            LOG.log(Level.FINE, "thumbnails of {0} decoded from {1}", new Object[] {r.source(), input});
        }

        /** The file thumbnails are decoded from: a ready proxy in the configured store, else the source. */
        static Path input(Request r) {
            return MediaList.proxyFor(configuredStore(), r.source(), r.width()).map(ProxyFile::path)
                    .orElse(r.source());
        }

        /** Where the user keeps proxies (Tools > Options > Performance > Proxies), not the default folder. */
        private static Path configuredStore() {
            ProxyService proxies = Lookup.getDefault().lookup(ProxyService.class);
            return proxies != null ? proxies.config().settings().store() : DefaultProxyService.defaultStore();
        }

        /** Turns a decoded picture clockwise by 90, 180 or 270 degrees, as the display matrix says. */
        private static byte[] rotate(byte[] rgb, int w, int h, int degrees) {
            byte[] out = new byte[rgb.length];
            int ow = degrees == 180 ? w : h;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int nx;
                    int ny;
                    switch (degrees) {
                        case 90 -> {
                            nx = h - 1 - y;
                            ny = x;
                        }
                        case 270 -> {
                            nx = y;
                            ny = w - 1 - x;
                        }
                        default -> {
                            nx = w - 1 - x;
                            ny = h - 1 - y;
                        }
                    }
                    System.arraycopy(rgb, (y * w + x) * 3, out, (ny * ow + nx) * 3, 3);
                }
            }
            return out;
        }

        @Override
        public void close() {
            if (source != null) {
                source.close();
            }
        }
    }

    /** Runs thumbnail tasks, also those found in the journal after a restart (they refill the cache). */
    @ServiceProvider(service = TaskHandler.class)
    public static final class Handler implements TaskHandler {

        static final String KIND = "proxy.thumbnails";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public void run(TaskSpec spec, TaskContext context) {
            List<Thumbnail> strip = Request.of(spec.parameters()).make(context);
            CompletableFuture<List<Thumbnail>> f = WAITING.remove(spec.id());
            if (f != null) {
                f.complete(strip);
            }
        }
    }
}
