package org.attnlab.io;

/**
 * Makes text safe for a one-line message: control, format (for example the byte-order mark U+FEFF or a
 * zero-width space), private-use, unassigned and unpaired surrogate characters, and any space other than
 * U+0020, are written as {@code \\uXXXX} ({@code \\t}, {@code \\n}, {@code \\r} for those three), so that
 * what the user sees is what the file or command line holds.
 */
public final class Printable {

    private Printable() {
    }

    /** {@code text} with every invisible character escaped (null gives "null"). */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String rep = replacement(text, i, c);
            if (rep != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                        sb.append(text.charAt(++i));
                    }
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static String replacement(String text, int i, char c) {
        switch (c) {
            case '\t':
                return "\\t";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            default:
                break;
        }
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                return visible(cp) ? null : hex(c) + hex(text.charAt(i + 1));
            }
            return hex(c);
        }
        if (Character.isLowSurrogate(c)) {
            return hex(c);
        }
        return visible(c) || c == ' ' ? null : hex(c);
    }

    private static boolean visible(int cp) {
        int type = Character.getType(cp);
        return !(type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR);
    }

    private static String hex(char c) {
        return String.format(java.util.Locale.ROOT, "\\u%04X", (int) c);
    }
}
