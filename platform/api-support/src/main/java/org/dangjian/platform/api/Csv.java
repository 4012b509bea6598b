package org.dangjian.platform.api;

/** CSV cells for downloads that users open in spreadsheets. */
public final class Csv {

    private Csv() {
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not evaluate it. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
