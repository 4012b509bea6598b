package org.dangjian.member.importing;

/**
 * One part of a workbook read as XML characters, chunk by chunk, keeping at most one tag: it refuses what would make
 * the spreadsheet reader hold too much at once, before the reader sees the part. The reader builds each cell's and
 * each shared string's text whole, and each row as a list as long as its last cell's column (a cell at column
 * "ZZZZ" allocates half a million places), so: no tag or comment, no text of one cell ({@code c}) or shared string
 * ({@code si}) longer than {@code markupLength} characters; no more than {@code columns} cells in a row, none beyond
 * column {@code columns}; no document type declaration (entity expansion). A part that does not start with a tag
 * (a picture, printer settings) is not XML the reader parses: only its size counts.
 */
final class MarkupScan {

    private enum State {
        START, TEXT, TAG, QUOTED, COMMENT, CDATA, NOT_XML
    }

    private final int markupLength;
    private final int columns;
    private final int cellLength;

    private State state = State.START;
    /** Characters of the current text, tag or comment. */
    private int run;
    private final StringBuilder tag = new StringBuilder();
    private char quote;
    private char significant;
    private boolean inRow;
    private int cellsInRow;
    /** Inside a cell or shared string: its text counts towards one value the reader builds. */
    private boolean inValue;
    private int valueLength;

    MarkupScan(int markupLength, int columns, int cellLength) {
        this.markupLength = markupLength;
        this.columns = columns;
        this.cellLength = cellLength;
    }

    void accept(char[] chars, int length) {
        for (int i = 0; i < length && state != State.NOT_XML; i++) {
            accept(chars[i]);
        }
    }

    private void accept(char ch) {
        switch (state) {
            case START -> {
                if (ch == '<') {
                    openTag();
                } else if (ch == '\uFEFF' && run == 0 || Character.isWhitespace(ch)) {
                    text();
                } else {
                    state = State.NOT_XML;
                }
            }
            case TEXT -> {
                if (ch == '<') {
                    openTag();
                } else {
                    text();
                    if (inValue && ++valueLength > markupLength) {
                        throw ImportRefused.cellTooLong(cellLength);
                    }
                }
            }
            case TAG -> tagChar(ch);
            case QUOTED -> {
                grow(ch);
                if (ch == quote) {
                    state = State.TAG;
                    significant = ch;
                }
            }
            case COMMENT -> {
                if (ch == '>' && endsWith("--")) {
                    closeText();
                } else {
                    grow(ch);
                }
            }
            case CDATA -> {
                if (ch == '>' && endsWith("]]")) {
                    if (inValue && (valueLength += run) > markupLength) {
                        throw ImportRefused.cellTooLong(cellLength);
                    }
                    closeText();
                } else {
                    grow(ch);
                }
            }
            case NOT_XML -> {
            }
        }
    }

    private void tagChar(char ch) {
        if (ch == '>') {
            endTag();
            return;
        }
        grow(ch);
        if ((ch == '"' || ch == '\'') && significant == '=') {
            quote = ch;
            state = State.QUOTED;
        } else if (tag.length() == 3 && "!--".contentEquals(tag)) {
            state = State.COMMENT;
            tag.setLength(0);
        } else if (tag.length() == 8 && "![CDATA[".contentEquals(tag)) {
            state = State.CDATA;
            tag.setLength(0);
            run = 0;
        } else if (tag.length() == 2 && tag.charAt(0) == '!' && ch != '-' && ch != '[') {
            // <!DOCTYPE, <!ENTITY: no part of a workbook declares a document type.
            throw ImportRefused.markupRefused(markupLength);
        }
        if (!Character.isWhitespace(ch)) {
            significant = ch;
        }
    }

    private void openTag() {
        state = State.TAG;
        tag.setLength(0);
        run = 0;
        significant = 0;
    }

    private void text() {
        if (++run > markupLength) {
            throw ImportRefused.cellTooLong(cellLength);
        }
    }

    private void closeText() {
        state = State.TEXT;
        run = 0;
        tag.setLength(0);
    }

    /** A tag's or comment's character: kept for the tag's name and attributes, counted for its length. */
    private void grow(char ch) {
        if (++run > markupLength) {
            throw state == State.CDATA ? ImportRefused.cellTooLong(cellLength) : ImportRefused.markupRefused(markupLength);
        }
        if (state != State.COMMENT && state != State.CDATA) {
            tag.append(ch);
        } else if (tag.length() < 2) {
            tag.append(ch);
        } else {
            // Only the last two characters matter for the end of a comment or CDATA section.
            tag.setCharAt(0, tag.charAt(1));
            tag.setCharAt(1, ch);
        }
    }

    private boolean endsWith(String two) {
        int n = tag.length();
        return n >= 2 && tag.charAt(n - 2) == two.charAt(0) && tag.charAt(n - 1) == two.charAt(1);
    }

    private void endTag() {
        boolean end = tag.length() > 0 && tag.charAt(0) == '/';
        boolean empty = tag.length() > 0 && tag.charAt(tag.length() - 1) == '/';
        String name = localName(end ? 1 : 0);
        if (end) {
            if (name.equals("row")) {
                inRow = false;
            } else if (name.equals("c") || name.equals("si")) {
                inValue = false;
            }
        } else if (name.equals("row") && !empty) {
            inRow = true;
            cellsInRow = 0;
        } else if (name.equals("c") && inRow) {
            if (++cellsInRow > columns || column(attribute("r")) > columns) {
                throw ImportRefused.tooManyColumns(columns);
            }
            startValue(empty);
        } else if (name.equals("si")) {
            startValue(empty);
        }
        closeText();
    }

    private void startValue(boolean empty) {
        inValue = !empty;
        valueLength = 0;
    }

    /** The element's name without its namespace prefix; empty for a declaration or processing instruction. */
    private String localName(int from) {
        int end = from;
        while (end < tag.length() && !Character.isWhitespace(tag.charAt(end)) && tag.charAt(end) != '/') {
            end++;
        }
        String qualified = tag.substring(from, end);
        return qualified.substring(qualified.indexOf(':') + 1);
    }

    /** The value of the tag's attribute of that name (without prefix), or null. */
    private String attribute(String wanted) {
        int i = 0;
        int n = tag.length();
        while (i < n && !Character.isWhitespace(tag.charAt(i))) {
            i++;
        }
        while (i < n) {
            while (i < n && (Character.isWhitespace(tag.charAt(i)) || tag.charAt(i) == '/')) {
                i++;
            }
            int nameStart = i;
            while (i < n && tag.charAt(i) != '=' && !Character.isWhitespace(tag.charAt(i))) {
                i++;
            }
            String attribute = tag.substring(nameStart, i);
            while (i < n && tag.charAt(i) != '"' && tag.charAt(i) != '\'') {
                i++;
            }
            if (i >= n) {
                return null;
            }
            char q = tag.charAt(i++);
            int valueStart = i;
            while (i < n && tag.charAt(i) != q) {
                i++;
            }
            if (attribute.substring(attribute.indexOf(':') + 1).equals(wanted)) {
                return tag.substring(valueStart, Math.min(i, n));
            }
            i++;
        }
        return null;
    }

    /** The 1-based column of a cell reference such as {@code AB12}, capped just past the limit; 0 without letters. */
    private long column(String reference) {
        if (reference == null) {
            return 0;
        }
        long column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            if (column > columns) {
                return column;
            }
        }
        return column;
    }
}
