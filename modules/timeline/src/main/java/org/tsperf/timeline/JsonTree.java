package org.tsperf.timeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads strict JSON into Gson's tree and remembers where each object, array and value starts ("line 7 column 12"), so
 * that a mistake found later in the tree can be shown at its place in the file. A key given twice in one object is a
 * mistake (Gson's own tree would keep the last one silently).
 */
final class JsonTree {

    /** Gson's reader says where it is only in its toString ("JsonReader at line 3 column 5 path $.a"). */
    private static final Pattern WHERE = Pattern.compile("at line (\\d+) column (\\d+)");

    private final Map<JsonElement, String> places = new IdentityHashMap<>();
    private final JsonReader reader;
    private JsonElement root;

    private JsonTree(Reader in) {
        reader = new JsonReader(in);
        reader.setStrictness(Strictness.STRICT);
    }

    /** Parsed JSON, or a {@link Malformed} that says where and what. */
    static JsonTree parse(Reader in) throws Malformed {
        JsonTree tree = new JsonTree(in);
        try {
            JsonElement root = tree.value();
            if (tree.reader.peek() != JsonToken.END_DOCUMENT) {
                throw new Malformed(tree.where(), "more text after the end of the project's object");
            }
            tree.root = root;
            return tree;
        } catch (Malformed e) {
            throw e;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new Malformed(null, gsonMessage(e));
        }
    }

    JsonElement root() {
        return root;
    }

    /** "line 7 column 12", or null where not known. */
    String placeOf(JsonElement element) {
        return places.get(element);
    }

    private JsonElement value() throws IOException, Malformed {
        JsonToken token = reader.peek();
        String where = where();
        JsonElement element;
        switch (token) {
            case BEGIN_OBJECT -> element = object();
            case BEGIN_ARRAY -> element = array();
            case STRING -> element = new JsonPrimitive(reader.nextString());
            case NUMBER -> element = new JsonPrimitive(new BigDecimal(reader.nextString()));
            case BOOLEAN -> element = new JsonPrimitive(reader.nextBoolean());
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new Malformed(where, "a value was expected, not " + token);
        }
        if (where != null) {
            places.put(element, where);
        }
        return element;
    }

    private JsonObject object() throws IOException, Malformed {
        JsonObject object = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (object.has(name)) {
                throw new Malformed(where(), "the field \"" + name + "\" is given twice in one object");
            }
            object.add(name, value());
        }
        reader.endObject();
        return object;
    }

    private JsonArray array() throws IOException, Malformed {
        JsonArray array = new JsonArray();
        reader.beginArray();
        while (reader.hasNext()) {
            array.add(value());
        }
        reader.endArray();
        return array;
    }

    private String where() {
        Matcher m = WHERE.matcher(reader.toString());
        return m.find() ? "line " + m.group(1) + " column " + m.group(2) : null;
    }

    /** Gson's phrases, meant for programmers, in the words of someone editing the file. */
    private static final String[][] PLAIN = {
        {"Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
            "text strict JSON does not allow (single quotes, a comment, a word without double quotes, NaN)"},
        {"Unterminated object", "a comma or } is missing"},
        {"Unterminated array", "a comma or ] is missing"},
        {"Unterminated string", "a closing double quote is missing"},
        {"Expected name", "a field name in double quotes was expected (a comma too many?)"},
        {"Expected value", "a value was expected (a comma too many?)"},
        {"Expected ':'", "a colon after the field name is missing"},
        {"End of input", "the file ends too early"}};

    private static final Pattern PATH = Pattern.compile(" path \\$\\.?(\\S*)$");

    /** Gson's message without its link to Gson's troubleshooting page, in plain words, its path as ours. */
    static String gsonMessage(Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int see = msg.indexOf("\nSee ");
        msg = see >= 0 ? msg.substring(0, see) : msg;
        for (String[] p : PLAIN) {
            msg = msg.replace(p[0], p[1]);
        }
        Matcher m = PATH.matcher(msg);
        if (m.find()) {
            String path = m.group(1);
            msg = msg.substring(0, m.start()) + (path.isEmpty() || path.equals(".") ? "" : " (" + path + ")");
        }
        return msg;
    }

    /** Text that is not strict JSON; {@code where} is null when the message already says where. */
    static final class Malformed extends Exception {

        private final String where;

        Malformed(String where, String message) {
            super(message);
            this.where = where;
        }

        String where() {
            return where;
        }
    }
}
