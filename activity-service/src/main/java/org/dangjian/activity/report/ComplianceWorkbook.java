package org.dangjian.activity.report;

import org.dangjian.activity.report.ComplianceDtos.BranchCompliance;
import org.dangjian.activity.report.ComplianceDtos.Requirement;
import org.dangjian.activity.report.ComplianceDtos.Summary;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The compliance report as the spreadsheet inspectors file (台账.xlsx): a summary sheet and one line per
 * branch and type (with the months/quarters that fell short: 未达标期间), filled a chunk of branches at a time.
 * Streamed (fastexcel, as member-service's exports): each chunk's rows go to a temporary file, whatever the size
 * of the subtree, and {@link #write} copies it once the report's transaction is over; {@link #close()} removes it.
 * Numbers are number cells, everything else inline text (no shared-string table growing with the branches).
 */
public final class ComplianceWorkbook implements AutoCloseable {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Path file;
    private final OutputStream stream;
    private final Workbook workbook;
    private final Worksheet summary;
    private final Worksheet lines;
    private boolean summaryWritten;
    private int nextLine;

    ComplianceWorkbook() {
        try {
            file = Files.createTempFile("compliance-", ".xlsx");
            stream = new BufferedOutputStream(Files.newOutputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        workbook = new Workbook(stream, "dangjian-activity-service", "1.0");
        summary = workbook.newWorksheet("汇总");
        lines = workbook.newWorksheet("台账");
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
        finishSummary();
    }

    void branches(List<BranchCompliance> branches) {
        // One sheet streams into the file at a time: the summary is whole before the first line is flushed.
        finishSummary();
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
        flush(lines);
    }

    public void write(OutputStream out) throws IOException {
        finishSummary();
        lines.finish();
        workbook.finish();
        stream.close();
        Files.copy(file, out);
    }

    @Override
    public void close() {
        try {
            stream.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file the system's cleanup removes; the download itself is complete or already failed
        }
    }

    private void finishSummary() {
        if (!summaryWritten) {
            summaryWritten = true;
            try {
                summary.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rate(BigDecimal rate) {
        return rate == null ? "" : rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static void row(Worksheet sheet, int index, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                sheet.value(index, i, n);
            } else {
                sheet.inlineString(index, i, v == null ? "" : v.toString());
            }
        }
    }
}
