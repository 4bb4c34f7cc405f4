package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openide.util.Lookup;
import org.tsperf.api.proxy.CodecCheck;
import org.tsperf.api.proxy.HardwareCodecs;

/** The test encode and decode behind "hardware encoders and decoders verified", on the bundled FFmpeg. */
class HardwareCodecsTest {

    private static final boolean NVIDIA = Files.exists(Path.of("/dev/nvidiactl"));
    private static final boolean DRI = Files.exists(Path.of("/dev/dri"));

    private static HardwareCodecs codecs() {
        HardwareCodecs c = Lookup.getDefault().lookup(HardwareCodecs.class);
        assertNotNull(c, "the proxy module offers HardwareCodecs in Lookup");
        return c;
    }

    @Test
    void aSoftwareEncoderThisFfmpegHasEncodesTheTestFrame() {
        CodecCheck c = codecs().encoder("libx264");
        assertEquals(new CodecCheck("libx264", CodecCheck.Kind.ENCODER, true, "encoded a test frame"), c);
    }

    @Test
    void aHardwareEncoderWithoutItsHardwareIsNotWorkingAndSaysWhy() {
        assumeFalse(NVIDIA, "this machine has an NVIDIA device");
        CodecCheck c = codecs().encoder("h264_nvenc");
        assertFalse(c.works(), c.toString());
        assertTrue(c.reason().startsWith("could not encode a test frame: ") && c.reason().length() > 40, c.reason());
        assertFalse(c.reason().contains("@ 0x"), "FFmpeg's own words without its prefixes: " + c.reason());
    }

    @Test
    void anEncoderThisFfmpegDoesNotHaveIsNamedAsUnknown() {
        CodecCheck c = codecs().encoder("h264_nosuch");
        assertFalse(c.works());
        assertTrue(c.reason().contains("Unknown encoder 'h264_nosuch'"), c.reason());
    }

    @Test
    void hardwareDecodingWithoutADeviceIsNotWorkingAndSaysWhy() {
        assumeFalse(NVIDIA, "this machine has an NVIDIA device");
        CodecCheck c = codecs().decoder("cuda");
        assertEquals(CodecCheck.Kind.DECODER, c.kind());
        assertFalse(c.works(), c.toString());
        assertTrue(c.reason().startsWith("could not decode a test clip: ") && c.reason().length() > 32, c.reason());
    }

    @Test
    void theCandidatesAreEachTriedAndNoneWorksOnAMachineWithoutAGpu() {
        assumeFalse(NVIDIA || DRI, "this machine has a GPU device");
        List<CodecCheck> encoders = codecs().encoders();
        assertEquals(HardwareEncoders.CANDIDATES, encoders.stream().map(CodecCheck::name).toList());
        List<CodecCheck> decoders = codecs().decoders();
        assertEquals(HardwareDecoders.CANDIDATES, decoders.stream().map(CodecCheck::name).toList());
        for (CodecCheck c : List.copyOf(concat(encoders, decoders))) {
            assertFalse(c.works(), c.toString());
            assertFalse(c.reason().isBlank(), c.toString());
        }
        assertTrue(encoders == codecs().encoders(), "checked once per process");
    }

    private static List<CodecCheck> concat(List<CodecCheck> a, List<CodecCheck> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void ffmpegsErrorLinesBecomeOneShortReason() {
        assertEquals("Cannot load libcuda.so.1; Could not open encoder before EOF", FfmpegRun.reason(
                "[h264_nvenc @ 0x55d0c0a1] Cannot load libcuda.so.1\n[vost#0:0/h264_nvenc @ 0x55d0c0b2] "
                        + "[enc:h264_nvenc @ 0x564af43a] Could not open encoder before EOF\nCannot load libcuda.so.1\n",
                1));
        assertEquals("ffmpeg exited with 183", FfmpegRun.reason("\n", 183));
    }
}
