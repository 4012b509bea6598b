package org.dangjian.activity.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dangjian.activity.report.ComplianceDtos.BranchCompliance;
import org.dangjian.activity.report.ComplianceDtos.Report;
import org.dangjian.activity.report.ComplianceDtos.Requirement;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/** The compliance report as the spreadsheet inspectors file (台账.xlsx): a summary sheet and one line per branch and type. */
public final class ComplianceWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ComplianceWorkbook() {
    }

    public static void write(Report report, OutputStream out) throws IOException {
        // Streaming workbook: a few rows in memory at a time, whatever the size of the subtree.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet summary = workbook.createSheet("汇总");
            row(summary, 0, "统计期间", report.period());
            row(summary, 1, "起止日期", report.from() + " ~ " + report.to());
            row(summary, 2, "支部数", report.summary().branches());
            row(summary, 3, "未达标支部数", report.summary().branchesBehind());
            row(summary, 4, "应开展项目数", report.summary().requirements());
            row(summary, 5, "达标项目数", report.summary().requirementsMet());
            row(summary, 6, "出勤率", rate(report.summary().attendance().rate()));

            Sheet lines = workbook.createSheet("台账");
            row(lines, 0, "党组织", "组织类型", "正式党员数", "活动类型", "应开展", "已开展", "是否达标", "应到人次", "实到人次",
                    "请假人次", "出勤率", "学时不足人数");
            int r = 1;
            for (BranchCompliance b : report.branches()) {
                if (b.requirements().isEmpty()) {
                    row(lines, r++, b.name(), b.orgType(), b.fullMembers(), "", "", "", "", b.attendance().expected(),
                            b.attendance().present(), b.attendance().leave(), rate(b.attendance().rate()),
                            b.membersBelowTrainingHours());
                }
                for (Requirement q : b.requirements()) {
                    row(lines, r++, b.name(), b.orgType(), b.fullMembers(), q.label(), q.required(), q.held(),
                            q.met() ? "是" : "否", b.attendance().expected(), b.attendance().present(),
                            b.attendance().leave(), rate(b.attendance().rate()), b.membersBelowTrainingHours());
                }
                for (ComplianceDtos.RuleCheck q : b.rules()) {
                    row(lines, r++, b.name(), b.orgType(), b.fullMembers(), q.label(), q.required(), q.held(),
                            q.met() ? "是" : "否", b.attendance().expected(), b.attendance().present(),
                            b.attendance().leave(), rate(b.attendance().rate()), b.membersBelowTrainingHours());
                }
            }
            workbook.write(out);
            workbook.dispose();
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
