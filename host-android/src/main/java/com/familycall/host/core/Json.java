package com.familycall.host.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, bounded JSON reader and writer for the small messages the host exchanges (commands, replies, push
 * messages). Plain Java so that the decisions built on it run in plain-Java tests; on Android org.json would do the
 * same job but cannot run outside Android.
 *
 * <p>Values: {@code Map<String, Object>} (insertion order), {@code List<Object>}, {@code String}, {@code Long}
 * (integers), {@code Double}, {@code Boolean} and {@link #NULL}.
 */
public final class Json {
    /** JSON {@code null}: a distinct value, so that a missing key and a null value stay distinguishable. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    static final int MAX_LENGTH = 64 * 1024;
    static final int MAX_DEPTH = 16;

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    public static Object parse(String text) throws JsonException {
        if (text == null) throw new JsonException("no text");
        if (text.length() > MAX_LENGTH) throw new JsonException("text longer than " + MAX_LENGTH + " characters");
        Json reader = new Json(text);
        reader.skipWhitespace();
        Object value = reader.readValue(0);
        reader.skipWhitespace();
        if (reader.pos != text.length()) throw new JsonException("unexpected text after the value");
        return value;
    }

    /** Parses text that must be a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) throws JsonException {
        Object value = parse(text);
        if (!(value instanceof Map)) throw new JsonException("not a JSON object");
        return (Map<String, Object>) value;
    }

    /** A stored JSON object, or null when there is none or it is unreadable (then it is as if there were none). */
    public static Map<String, Object> parseObjectOrNull(String text) {
        if (text == null) return null;
        try {
            return parseObject(text);
        } catch (JsonException unreadable) {
            return null;
        }
    }

    public static String write(Object value) {
        return JsonWriter.write(value);
    }

    /** A new insertion-ordered object, for building replies. */
    public static Map<String, Object> object() {
        return new LinkedHashMap<String, Object>();
    }

    private Object readValue(int depth) throws JsonException {
        if (depth > MAX_DEPTH) throw new JsonException("nested deeper than " + MAX_DEPTH);
        if (pos >= text.length()) throw new JsonException("unexpected end of text");
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return readObject(depth);
            case '[':
                return readArray(depth);
            case '"':
                return readString();
            case 't':
                return readLiteral("true", Boolean.TRUE);
            case 'f':
                return readLiteral("false", Boolean.FALSE);
            case 'n':
                return readLiteral("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return readNumber();
                throw new JsonException("unexpected character at " + pos);
        }
    }

    private Map<String, Object> readObject(int depth) throws JsonException {
        Map<String, Object> object = new LinkedHashMap<String, Object>();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw new JsonException("expected a key at " + pos);
            String key = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (object.containsKey(key)) throw new JsonException("duplicate key at " + pos);
            object.put(key, readValue(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == '}') return object;
            if (c != ',') throw new JsonException("expected , or } at " + (pos - 1));
        }
    }

    private List<Object> readArray(int depth) throws JsonException {
        List<Object> array = new ArrayList<Object>();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return array;
        }
        while (true) {
            skipWhitespace();
            array.add(readValue(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == ']') return array;
            if (c != ',') throw new JsonException("expected , or ] at " + (pos - 1));
        }
    }

    private String readString() throws JsonException {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') return out.toString();
            if (c < 0x20) throw new JsonException("control character in a string at " + (pos - 1));
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"':
                case '\\':
                case '/':
                    out.append(escaped);
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'u':
                    out.append(readHex4());
                    break;
                default:
                    throw new JsonException("bad escape at " + (pos - 1));
            }
        }
    }

    private char readHex4() throws JsonException {
        if (pos + 4 > text.length()) throw new JsonException("unexpected end of text");
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) throw new JsonException("bad \\u escape at " + (pos - 1));
            value = value * 16 + digit;
        }
        return (char) value;
    }

    private Object readNumber() throws JsonException {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw new JsonException("bad number at " + start);
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) throw new JsonException("bad number at " + start);
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw new JsonException("bad number at " + start);
            while (isDigit(peek())) pos++;
        }
        String number = text.substring(start, pos);
        if (integral) {
            try {
                return Long.valueOf(number);
            } catch (NumberFormatException tooLarge) {
                // falls through to a double, as JavaScript would read it
            }
        }
        return Double.valueOf(number);
    }

    private Object readLiteral(String literal, Object value) throws JsonException {
        if (!text.startsWith(literal, pos)) throw new JsonException("unexpected character at " + pos);
        pos += literal.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() throws JsonException {
        if (pos >= text.length()) throw new JsonException("unexpected end of text");
        return text.charAt(pos++);
    }

    private void expect(char c) throws JsonException {
        if (next() != c) throw new JsonException("expected " + c + " at " + (pos - 1));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
