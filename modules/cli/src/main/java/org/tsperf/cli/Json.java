package org.tsperf.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tsperf.api.gpu.GpuUsage;
import org.tsperf.api.monitor.DiskUsage;
import org.tsperf.api.monitor.ResourceSnapshot;

/**
 * The JSON forms of the CLI's output. Field names are public interface (documented in the README): add fields,
 * never rename or remove them.
 */
final class Json {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Json() {
    }

    static String line(Object tree) {
        return GSON.toJson(tree);
    }

    static Map<String, Object> snapshot(ResourceSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", s.time().toString());
        m.put("cpu", object(
                "systemPercent", round(s.cpu().systemPercent()),
                "processPercent", round(s.cpu().processPercent()),
                "logicalProcessors", s.cpu().logicalProcessors()));
        m.put("memory", object(
                "totalBytes", s.memory().physicalTotal(),
                "usedBytes", s.memory().physicalUsed(),
                "usedPercent", round(s.memory().physicalPercent()),
                "processResidentBytes", s.memory().processResident(),
                "heapUsedBytes", s.memory().heapUsed(),
                "heapMaxBytes", s.memory().heapMax()));
        m.put("gpu", gpu(s.gpu()));
        m.put("disks", s.disks().stream().map(Json::disk).toList());
        m.put("warnings", s.warnings());
        return m;
    }

    private static Map<String, Object> gpu(GpuUsage g) {
        if (!g.available()) {
            return object("available", false, "reason", g.reason());
        }
        return object("available", true, "device", g.deviceName(),
                "memoryUsedBytes", g.memoryUsedBytes(), "memoryBudgetBytes", g.memoryBudgetBytes(),
                "utilisationPercent", round(g.utilisationPercent()));
    }

    private static Map<String, Object> disk(DiskUsage d) {
        return object("name", d.name(), "mount", d.mount(), "type", d.type(),
                "totalBytes", d.totalBytes(), "usedBytes", d.usedBytes(), "usedPercent", round(d.usedPercent()),
                "readBytesPerSecond", rate(d.readBytesPerSecond()),
                "writeBytesPerSecond", rate(d.writeBytesPerSecond()), "availableBytes", d.availableBytes());
    }

    /** {@code tsperf probe --json}: one file. */
    static Map<String, Object> media(org.tsperf.api.media.MediaInfo info) {
        Map<String, Object> m = object("file", info.file().toString(), "status", "ok", "container", info.container(),
                "durationSeconds", info.durationSeconds(), "sizeBytes", info.sizeBytes(), "bitRate", info.bitRate());
        m.put("video", info.video().stream().map(v -> object("index", v.index(), "codec", v.codec(),
                "profile", v.profile(), "width", v.width(), "height", v.height(),
                "displayWidth", v.displayWidth(), "displayHeight", v.displayHeight(),
                "pixelFormat", v.pixelFormat(), "bitDepth", v.bitDepth(), "frameRate", v.frameRate(),
                "variableFrameRate", v.variableFrameRate(), "rotation", v.rotation(), "colorSpace", v.colorSpace(),
                "colorRange", v.colorRange(), "frameCount", v.frameCount(), "durationSeconds", v.durationSeconds(),
                "attachedPicture", v.attachedPicture())).toList());
        m.put("audio", info.audio().stream().map(a -> object("index", a.index(), "codec", a.codec(),
                "sampleRate", a.sampleRate(), "channels", a.channels(), "durationSeconds", a.durationSeconds()))
                .toList());
        return m;
    }

    /** {@code tsperf proxy --json}: one source. */
    static Map<String, Object> proxyResult(org.tsperf.api.proxy.ProxyResult r) {
        return object("source", r.source().toString(), "status", r.status().name().toLowerCase(java.util.Locale.ROOT),
                "proxies", r.proxies().stream().map(p -> object("resolution", p.resolution(),
                        "path", p.path().toString(), "sizeBytes", p.sizeBytes(), "width", p.width(),
                        "height", p.height(), "codec", p.codec())).toList(),
                "reasons", r.reasons(), "error", r.error().isEmpty() ? null : r.error());
    }

    /** An ordered object from key, value pairs. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** NaN (not measured yet) becomes null: JSON has no NaN. */
    private static Double rate(double v) {
        return Double.isNaN(v) ? null : (double) Math.round(v);
    }
}
