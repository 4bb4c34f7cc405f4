package org.tsperf.proxy;

import java.util.List;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.proxy.CodecCheck;
import org.tsperf.api.proxy.HardwareCodecs;

/**
 * The proxy engine's hardware codec checks for others (the Optimization Wizard): the same test encode the proxy
 * strategy relies on, and a test decode per hardware API. The candidate lists are checked once per process.
 */
@ServiceProvider(service = HardwareCodecs.class)
public final class FfmpegHardwareCodecs implements HardwareCodecs {

    private List<CodecCheck> encoders;
    private List<CodecCheck> decoders;

    @Override
    public synchronized List<CodecCheck> encoders() {
        if (encoders == null) {
            encoders = HardwareEncoders.CANDIDATES.stream().map(this::encoder).toList();
        }
        return encoders;
    }

    @Override
    public synchronized List<CodecCheck> decoders() {
        if (decoders == null) {
            decoders = HardwareDecoders.check(FfmpegProxyEncoder.executable(), HardwareDecoders.CANDIDATES);
        }
        return decoders;
    }

    @Override
    public CodecCheck encoder(String name) {
        return HardwareEncoders.check(FfmpegProxyEncoder.executable(), name);
    }

    @Override
    public CodecCheck decoder(String api) {
        return HardwareDecoders.check(FfmpegProxyEncoder.executable(), List.of(api)).get(0);
    }
}
