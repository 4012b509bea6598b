package org.dangjian.member.importing;

import org.dangjian.member.config.MemberRules;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of an import file as they are read: the first one (the header) and every non-blank one after it, blank
 * ones dropped at once (a sheet may hold thousands of formatted empty rows). One data row more than the limit
 * refuses the file there, so a long file is never read to its end.
 */
final class Rows {

    private final int limit;
    private final List<List<String>> rows = new ArrayList<>();

    Rows(MemberRules.Import limits) {
        this.limit = limits.rows();
    }

    void add(List<String> row) {
        if (!rows.isEmpty() && row.stream().allMatch(String::isBlank)) {
            return;
        }
        if (rows.size() > limit) {
            throw ImportRefused.tooManyRows(limit);
        }
        rows.add(row);
    }

    List<List<String>> rows() {
        return rows;
    }
}
