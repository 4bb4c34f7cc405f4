package org.tsperf.timeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The fields of one JSON object of a project file, read strictly: a missing field, a value of the wrong type or a
 * field this version does not know is a {@link Problem} at that object's or value's place.
 */
final class JsonFields {

    private final JsonObject object;
    private final String path;

    private JsonFields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /** @param path where the object is, e.g. "tracks[0].clips[2]" ("" for the top) */
    static JsonFields of(JsonElement element, String path, String what) throws Problem {
        if (element == null || !element.isJsonObject()) {
            throw new Problem(element, path, what + " must be a JSON object { ... }, not " + describe(element));
        }
        return new JsonFields(element.getAsJsonObject(), path);
    }

    JsonObject object() {
        return object;
    }

    String path() {
        return path;
    }

    /** Refuses fields other than {@code names}: a misspelt optional field would otherwise be ignored silently. */
    void onlyFields(Set<String> names) throws Problem {
        for (String key : object.keySet()) {
            if (!names.contains(key)) {
                throw new Problem(object.get(key), at(key), "unknown field \"" + key + "\" (known here: "
                        + String.join(", ", names.stream().sorted().toList()) + ")");
            }
        }
    }

    boolean has(String name) {
        return object.has(name);
    }

    String string(String name) throws Problem {
        JsonElement e = required(name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new Problem(e, at(name), "must be a string in quotes, not " + describe(e));
        }
        return e.getAsString();
    }

    long whole(String name) throws Problem {
        JsonElement e = required(name);
        BigDecimal n = number(e, name);
        if (n.stripTrailingZeros().scale() > 0) {
            throw new Problem(e, at(name), "must be a whole number of frames or pixels, not " + n.toPlainString());
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException tooBig) {
            throw new Problem(e, at(name), "the number " + n.toPlainString() + " is too large");
        }
    }

    int wholeInt(String name) throws Problem {
        long v = whole(name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new Problem(object.get(name), at(name), "the number " + v + " is too large");
        }
        return (int) v;
    }

    /** A number; {@code fallback} when the field is absent. */
    double decimal(String name, double fallback) throws Problem {
        return object.has(name) ? number(object.get(name), name).doubleValue() : fallback;
    }

    /** A number that must be there. */
    double decimal(String name) throws Problem {
        return number(required(name), name).doubleValue();
    }

    JsonArray array(String name, boolean optional) throws Problem {
        if (optional && !object.has(name)) {
            return new JsonArray();
        }
        JsonElement e = required(name);
        if (!e.isJsonArray()) {
            throw new Problem(e, at(name), "must be a list [ ... ], not " + describe(e));
        }
        return e.getAsJsonArray();
    }

    String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonElement required(String name) throws Problem {
        JsonElement e = object.get(name);
        if (e == null) {
            throw new Problem(object, path, "the field \"" + name + "\" is missing");
        }
        return e;
    }

    private BigDecimal number(JsonElement e, String name) throws Problem {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new Problem(e, at(name), "must be a number, not " + describe(e));
        }
        return e.getAsBigDecimal();
    }

    private static String describe(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        String text = p.isString() ? "\"" + p.getAsString() + "\"" : p.getAsString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** A mistake at a place of the file: the element (for its line) and its path in the JSON. */
    static final class Problem extends Exception {

        private final transient JsonElement element;
        private final String path;

        Problem(JsonElement element, String path, String message) {
            super(message);
            this.element = element;
            this.path = path;
        }

        JsonElement element() {
            return element;
        }

        String path() {
            return path;
        }
    }
}
