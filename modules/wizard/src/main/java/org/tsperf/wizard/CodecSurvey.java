package org.tsperf.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.openide.util.Lookup;
import org.tsperf.api.proxy.CodecCheck;
import org.tsperf.api.proxy.HardwareCodecs;

/**
 * Step 1's hardware encoders and decoders: verified by the proxy engine's test encode and decode
 * ({@link HardwareCodecs} in Lookup), never read from FFmpeg's lists; nothing verified without the Proxy Manager.
 */
public final class CodecSurvey {

    /**
     * @param encoders the hardware encoders that encoded a test frame
     * @param decoders the hardware decoding APIs that decoded a test clip
     * @param checks   every encoder and decoder tried, with what the test found
     */
    public record Result(List<String> encoders, List<String> decoders, List<CodecCheck> checks) {
    }

    private CodecSurvey() {
    }

    static Result survey(Lookup lookup, BooleanSupplier cancelled) {
        HardwareCodecs codecs = lookup.lookup(HardwareCodecs.class);
        if (codecs == null) {
            return new Result(List.of(), List.of(), List.of());
        }
        List<CodecCheck> checks = new ArrayList<>(codecs.encoders());
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("measuring cancelled");
        }
        checks.addAll(codecs.decoders());
        return new Result(working(checks, CodecCheck.Kind.ENCODER), working(checks, CodecCheck.Kind.DECODER),
                checks);
    }

    /**
     * One line in words: the working ones, or "none working" with each one's reason; "not verified" when nothing
     * was tried.
     */
    public static String describe(List<CodecCheck> checks, CodecCheck.Kind kind) {
        String what = kind == CodecCheck.Kind.ENCODER ? "hardware encoders" : "hardware decoders";
        List<CodecCheck> tried = checks.stream().filter(c -> c.kind() == kind).toList();
        if (tried.isEmpty()) {
            return what + ": not verified (the Proxy Manager module, which tests them, is not installed)";
        }
        List<CodecCheck> failed = tried.stream().filter(c -> !c.works()).toList();
        String notWorking = failed.stream().map(c -> c.name() + ": " + c.reason()).collect(Collectors.joining("; "));
        if (failed.size() == tried.size()) {
            return what + ": none working (" + notWorking + ")";
        }
        String ok = tried.stream().filter(CodecCheck::works).map(c -> c.name() + " (" + c.reason() + ")")
                .collect(Collectors.joining(", "));
        return what + ": " + ok + (failed.isEmpty() ? "" : "; not working: " + notWorking);
    }

    private static List<String> working(List<CodecCheck> checks, CodecCheck.Kind kind) {
        return checks.stream().filter(c -> c.kind() == kind && c.works()).map(CodecCheck::name).toList();
    }
}
