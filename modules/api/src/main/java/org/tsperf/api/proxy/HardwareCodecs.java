package org.tsperf.api.proxy;

import java.util.List;

/**
 * Hardware video encoders and decoders verified by a test encode or decode, not by the lists of {@code ffmpeg
 * -encoders} (FFmpeg lists its hardware codecs whether or not the hardware exists): the proxy engine's own check,
 * for the Optimization Wizard and anyone who shows what the machine can do. Found in Lookup when the Proxy Manager
 * module is installed. Each check runs FFmpeg (a fraction of a second); the results of the candidate lists are kept
 * for the process. Any thread but the event thread.
 */
public interface HardwareCodecs {

    /** The hardware H.264 encoders the proxy engine can use, each tried on one small frame. */
    List<CodecCheck> encoders();

    /** The hardware decoding APIs the media decoder tries (VA-API, CUDA), each tried on a small H.264 clip. */
    List<CodecCheck> decoders();

    /** One encoder by FFmpeg's name, software or hardware, tried on one small frame now. */
    CodecCheck encoder(String name);

    /** One hardware decoding API by FFmpeg's name ({@code vaapi}, {@code cuda}), tried on a small clip now. */
    CodecCheck decoder(String api);
}
