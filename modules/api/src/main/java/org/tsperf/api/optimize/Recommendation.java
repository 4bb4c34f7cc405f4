package org.tsperf.api.optimize;

import java.util.Objects;

/**
 * One recommended value with its reason.
 *
 * @param setting what it is about
 * @param value   the value in the form the setting takes, e.g. "quarter,half", "h264", "8G", "/mnt/media/tsperf/l3",
 *                "cpu", a comma-separated list of module names ("" for none)
 * @param reason  why, in words a user understands
 * @param figure  the measured or described figure it rests on, e.g. "4 cores, 7.8 GB RAM"
 */
public record Recommendation(Setting setting, String value, String reason, String figure) {

    public Recommendation {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(figure, "figure");
    }

    /** The same with a value the user chose. */
    public Recommendation withValue(String newValue) {
        return newValue.equals(value) ? this : new Recommendation(setting, newValue, "chosen by the user", figure);
    }
}
