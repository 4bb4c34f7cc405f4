package org.tsperf.api.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** The recommendations for one {@link SystemDescription}, one per {@link Setting}, in the settings' order. */
public record Recommendations(List<Recommendation> items) {

    public Recommendations {
        items = List.copyOf(items);
        if (items.stream().map(Recommendation::setting).distinct().count() != items.size()) {
            throw new IllegalArgumentException("a setting is recommended twice");
        }
    }

    public Recommendation get(Setting setting) {
        return items.stream().filter(r -> r.setting() == setting).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no recommendation for " + setting.key()));
    }

    /** The same with one value changed by the user. */
    public Recommendations with(Setting setting, String value) {
        List<Recommendation> changed = new ArrayList<>(items.size());
        for (Recommendation r : items) {
            changed.add(r.setting() == setting ? r.withValue(value) : r);
        }
        return new Recommendations(changed);
    }
}
