package org.dangjian.activity.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dangjian.activity.report.ComplianceDtos.BranchCompliance;
import org.dangjian.activity.report.ComplianceDtos.Requirement;
import org.dangjian.activity.report.ComplianceDtos.Summary;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * The compliance report as the spreadsheet inspectors file (台账.xlsx): a summary sheet and one line per
 * branch and type (with the months/quarters that fell short: 未达标期间), filled a chunk of branches at a time.
 * A streaming workbook: a window of rows in
 * memory, the rest in a temporary file, whatever the size of the subtree; {@link #close()} removes it.
 */
public final class ComplianceWorkbook implements AutoCloseable {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Sheet summary = workbook.createSheet("汇总");
    private final Sheet lines = workbook.createSheet("台账");
    private int nextLine;

    ComplianceWorkbook() {
        row(lines, nextLine++, "党组织", "组织类型", "正式党员数", "活动类型", "应开展", "已开展", "是否达标", "应到人次", "实到人次",
                "请假人次", "出勤率", "学时不足人数", "未达标期间");
    }

    void summary(ReportPeriod period, Summary figures) {
        row(summary, 0, "统计期间", period.label());
        row(summary, 1, "起止日期", period.start() + " ~ " + period.lastDay());
        row(summary, 2, "支部数", figures.branches());
        row(summary, 3, "未达标支部数", figures.branchesBehind());
        row(summary, 4, "应开展项目数", figures.requirements());
        row(summary, 5, "达标项目数", figures.requirementsMet());
        row(summary, 6, "出勤率", rate(figures.attendance().rate()));
        row(summary, 7, "学时不足人数", figures.membersBelowTrainingHours());
        row(summary, 8, "其中班子成员", figures.leadersBelowTrainingHours());
    }

    void branches(List<BranchCompliance> branches) {
        for (BranchCompliance b : branches) {
            if (b.requirements().isEmpty()) {
                row(lines, nextLine++, b.name(), b.orgType(), b.fullMembers(), "", "", "", "", b.attendance().expected(),
                        b.attendance().present(), b.attendance().leave(), rate(b.attendance().rate()),
                        b.membersBelowTrainingHours());
            }
            for (Requirement q : b.requirements()) {
                row(lines, nextLine++, b.name(), b.orgType(), b.fullMembers(), q.label(), q.required(), q.held(),
                        q.met() ? "是" : "否", b.attendance().expected(), b.attendance().present(),
                        b.attendance().leave(), rate(b.attendance().rate()), b.membersBelowTrainingHours(),
                        String.join("、", q.missedPeriods()));
            }
            for (ComplianceDtos.RuleCheck q : b.rules()) {
                row(lines, nextLine++, b.name(), b.orgType(), b.fullMembers(), q.label(), q.required(), q.held(),
                        q.met() ? "是" : "否", b.attendance().expected(), b.attendance().present(),
                        b.attendance().leave(), rate(b.attendance().rate()), b.membersBelowTrainingHours(),
                        String.join("、", q.missedPeriods()));
            }
        }
    }

    public void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            // nothing was written to a file of ours: dispose() already removed the temporary one
        }
    }

    private static String rate(BigDecimal rate) {
        return rate == null ? "" : rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else {
                row.createCell(i).setCellValue(v == null ? "" : v.toString());
            }
        }
    }
}
