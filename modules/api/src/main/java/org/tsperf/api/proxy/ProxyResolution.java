package org.tsperf.api.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A proxy size: the source scaled by {@code scale}, then fitted into {@code maxWidth x maxHeight}, aspect kept.
 *
 * @param name      lower-case identifier used in file names, settings and the command line, e.g. "quarter"
 * @param scale     fraction of the source's displayed size, 0 to 1
 * @param maxWidth  largest width in pixels
 * @param maxHeight largest height in pixels
 * @param purpose   what it is for, for people, e.g. "editing"
 */
public record ProxyResolution(String name, double scale, int maxWidth, int maxHeight, String purpose) {

    public static final ProxyResolution QUARTER = new ProxyResolution("quarter", 0.25, 960, 540, "editing");
    public static final ProxyResolution HALF = new ProxyResolution("half", 0.5, 1920, 1080, "preview");
    public static final List<ProxyResolution> BUILT_IN = List.of(QUARTER, HALF);

    public ProxyResolution {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purpose, "purpose");
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("resolution names are lower-case letters, digits and _: " + name);
        }
        if (!(scale > 0 && scale <= 1) || maxWidth < 2 || maxHeight < 2) {
            throw new IllegalArgumentException("bad proxy resolution " + name + ": scale " + scale + ", max "
                    + maxWidth + "x" + maxHeight);
        }
    }

    /** A built-in resolution by name ("quarter", "half"), case-insensitive. */
    public static ProxyResolution named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return BUILT_IN.stream().filter(r -> r.name.equals(n)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown proxy resolution '" + name + "' (known: quarter, half)"));
    }

    /** "Quarter", "Half": the name as shown to people. */
    public String displayName() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
