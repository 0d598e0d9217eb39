package com.familycall.host.core;

/**
 * base64url without padding (RFC 4648 §5), as security-protocol.md §2 requires for nonces and signatures.
 * Written here because java.util.Base64 needs Android API 26 and android.util.Base64 does not run in plain Java.
 */
public final class Base64Url {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 4 + 2) / 3);
        int i = 0;
        for (; i + 2 < bytes.length; i += 3) {
            int block = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff);
            out.append(ALPHABET[block >>> 18]).append(ALPHABET[(block >>> 12) & 63])
                    .append(ALPHABET[(block >>> 6) & 63]).append(ALPHABET[block & 63]);
        }
        int rest = bytes.length - i;
        if (rest == 1) {
            int block = (bytes[i] & 0xff) << 16;
            out.append(ALPHABET[block >>> 18]).append(ALPHABET[(block >>> 12) & 63]);
        } else if (rest == 2) {
            int block = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8;
            out.append(ALPHABET[block >>> 18]).append(ALPHABET[(block >>> 12) & 63])
                    .append(ALPHABET[(block >>> 6) & 63]);
        }
        return out.toString();
    }

    /** Decodes unpadded base64url; returns null for anything else (padding, other alphabets, a dangling char). */
    public static byte[] decode(String text) {
        if (text == null || text.length() % 4 == 1) return null;
        byte[] out = new byte[text.length() * 3 / 4];
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = valueOf(text.charAt(i));
            if (value < 0) return null;
            buffer = buffer << 6 | value;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[written++] = (byte) (buffer >>> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        // Leftover bits must be zero, or two encodings would decode to the same bytes.
        return buffer == 0 ? out : null;
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '-') return 62;
        if (c == '_') return 63;
        return -1;
    }
}
