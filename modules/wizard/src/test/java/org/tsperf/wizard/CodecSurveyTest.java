package org.tsperf.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openide.util.Lookup;
import org.openide.util.lookup.Lookups;
import org.tsperf.api.proxy.CodecCheck;
import org.tsperf.api.proxy.HardwareCodecs;

/** Step 1's codec lines from the proxy engine's verdicts (its test encode and decode are HardwareCodecsTest's). */
class CodecSurveyTest {

    private static final CodecCheck NVENC = new CodecCheck("h264_nvenc", CodecCheck.Kind.ENCODER, false,
            "could not encode a test frame: Cannot load libcuda.so.1");
    private static final CodecCheck QSV = new CodecCheck("h264_qsv", CodecCheck.Kind.ENCODER, true,
            "encoded a test frame");
    private static final CodecCheck CUDA = new CodecCheck("cuda", CodecCheck.Kind.DECODER, false,
            "could not decode a test clip: Device creation failed: -1");

    private record Codecs(List<CodecCheck> encoders, List<CodecCheck> decoders) implements HardwareCodecs {
        @Override
        public CodecCheck encoder(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CodecCheck decoder(String api) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void onlyVerifiedCodecsCountAndTheFailedOnesSayWhy() {
        CodecSurvey.Result r = CodecSurvey.survey(Lookups.fixed(new Codecs(List.of(NVENC, QSV), List.of(CUDA))),
                () -> false);
        assertEquals(List.of("h264_qsv"), r.encoders());
        assertEquals(List.of(), r.decoders());
        assertEquals(List.of(NVENC, QSV, CUDA), r.checks());
        assertEquals("hardware encoders: h264_qsv (encoded a test frame); not working: h264_nvenc: could not encode a"
                + " test frame: Cannot load libcuda.so.1", CodecSurvey.describe(r.checks(), CodecCheck.Kind.ENCODER));
        assertEquals("hardware decoders: none working (cuda: could not decode a test clip: Device creation failed: -1)",
                CodecSurvey.describe(r.checks(), CodecCheck.Kind.DECODER));
    }

    @Test
    void withoutTheProxyManagerNothingIsVerifiedAndNothingClaimed() {
        CodecSurvey.Result r = CodecSurvey.survey(Lookup.EMPTY, () -> false);
        assertEquals(new CodecSurvey.Result(List.of(), List.of(), List.of()), r);
        assertEquals("hardware encoders: not verified (the Proxy Manager module, which tests them, is not installed)",
                CodecSurvey.describe(r.checks(), CodecCheck.Kind.ENCODER));
    }
}
