package org.tsperf.proxy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxySettings;

/** A proxy job as the plain strings a task journal keeps. */
final class ProxyParams {

    static final String SOURCE = "source";
    static final String PLAN = "plan";

    private ProxyParams() {
    }

    static Map<String, String> of(Path source, String planKey, ProxySettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SOURCE, source.toString());
        m.put(PLAN, planKey);
        m.put("store", s.store().toString());
        m.put("format", s.format().id());
        m.put("quality", s.quality().id());
        m.put("resolutions", encode(s.resolutions()));
        return m;
    }

    static ProxySettings settings(Map<String, String> m) {
        return new ProxySettings(resolutions(m.get("resolutions")), ProxyFormat.parse(m.get("format")),
                ProxyQuality.parse(m.get("quality")), Path.of(m.get("store")));
    }

    /** "name:scale:maxWidth:maxHeight:purpose;..." */
    static String encode(List<ProxyResolution> resolutions) {
        List<String> res = new ArrayList<>();
        for (ProxyResolution r : resolutions) {
            res.add(String.format(Locale.ROOT, "%s:%s:%d:%d:%s", r.name(), Double.toString(r.scale()), r.maxWidth(),
                    r.maxHeight(), r.purpose().replace(';', ',').replace(':', ' ')));
        }
        return String.join(";", res);
    }

    static List<ProxyResolution> resolutions(String encoded) {
        List<ProxyResolution> res = new ArrayList<>();
        for (String r : encoded.split(";")) {
            String[] f = r.split(":", 5);
            res.add(new ProxyResolution(f[0], Double.parseDouble(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), f[4]));
        }
        return res;
    }
}
