package org.dangjian.member.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Period;
import java.util.Map;

/**
 * Every number of the member rules (DOMAIN.md §2): localities tighten or loosen them, so they are
 * configuration ({@code dangjian.member.*}) with the national regulations as defaults.
 */
@ConfigMapping(prefix = "dangjian.member")
public interface MemberRules {

    Registration registration();

    Transfer transfer();

    Pipeline pipeline();

    Dues dues();

    Mobile mobile();

    SelfService selfService();

    @WithName("import")
    Import imports();

    /**
     * What a bulk import file (批量导入) may hold. The largest legitimate file is benchmark B4's: 5,000 rows of the
     * 18 columns, about 700 KB as .xlsx (1 MB is the body limit), unpacking to 3.4 MB of sheet and 3.3 MB of shared
     * strings. The limits leave that several times over and refuse what only a hostile file needs, checked while the
     * file is read, before anything is held: an .xlsx is a zip archive whose parts can unpack a thousandfold.
     */
    interface Import {
        /** Data rows per file: what one request registers within its transaction (B4's file). Blank rows do not count. */
        @WithDefault("5000")
        int rows();

        /** Cells per row, the header's included: the 18 columns and the formatted empty ones spreadsheets keep after them. */
        @WithDefault("64")
        int columns();

        /** Characters per cell: the longest field (workUnit, 200) five times over. */
        @WithDefault("1000")
        int cellLength();

        /** Characters per row (a CSV record, or the cells of a worksheet row together): a full row is about 600. */
        @WithDefault("4096")
        int lineLength();

        /**
         * Threads, besides the request's own, that parse an import's rows and seal its records, shared by all imports
         * of the instance. Unset: one less than the cores, at least one (on 2 cores the request's thread and one
         * worker, benchmark B4).
         */
        java.util.OptionalInt workers();

        Archive archive();

        /** The .xlsx as a zip archive, checked part by part before the spreadsheet reader opens it. */
        interface Archive {
            /** Parts: Excel writes about ten, a workbook with many sheets and pictures a few hundred. */
            @WithDefault("1000")
            int entries();

            /** Unpacked size of one part: a full sheet is 3.4 MB. */
            @WithDefault("16M")
            MemorySize entrySize();

            /** Unpacked size of all parts together: a full file is about 7 MB. */
            @WithDefault("32M")
            MemorySize totalSize();

            /** Unpacked bytes per packed byte of one part: spreadsheet XML packs about 10:1, a zip bomb about 1000:1. */
            @WithDefault("100")
            int compressionRatio();

            /** Parts are held to the ratio once they have unpacked this much: small regular parts pack tightly. */
            @WithDefault("1M")
            MemorySize ratioFrom();

            /** Characters of one tag, or of the text of one cell or shared string, in a part's XML. */
            @WithDefault("65536")
            int markupLength();
        }
    }

    /** What a member may change on their own record from a mobile front-end (DOMAIN.md §6). */
    interface SelfService {
        /**
         * CorrectMember fields a member edits themself: how to reach them and facts only they know
         * first. Identity (name, ID, birth date, ethnicity, gender) is checked against documents by the
         * organization; category sets the dues bracket; group and grid are the branch's assignment.
         */
        @WithDefault("phone,education,workUnit")
        java.util.Set<String> editableFields();
    }

    /** 流动党员: when being away becomes a reason to transfer instead. */
    interface Mobile {
        /** A member away at least this long at a fixed place should transfer their relationship. */
        @WithDefault("P6M")
        Period transferAfter();
    }

    interface Registration {
        /** 申请入党年龄: an applicant must have reached this age on the day of application. */
        @WithDefault("18")
        int minimumApplicantAge();
    }

    /**
     * 组织关系转接. The job that expires unanswered letters runs on {@code dangjian.member.transfer.expiry-cron}
     * (default {@code 0 10 0 * * ?}, ten past midnight): TransferExpiry's {@code @Scheduled} reads that property
     * itself, and the scheduler refuses to start on an expression that is not a cron.
     */
    interface Transfer {
        /** 介绍信有效期: days the receiving branch has to answer before the letter expires. */
        @WithDefault("30")
        int letterValidityDays();

        /** Longest validity a branch may write on a letter. */
        @WithDefault("90")
        int maximumLetterValidityDays();
    }

    /** 发展党员工作细则: the numbers each stage change is checked against. */
    interface Pipeline {
        /** 谈话: the branch talks with an applicant within this period of the application. */
        @WithDefault("P1M")
        Period talkWithin();

        /** 考察: an activist is reviewed at least this often; the last review may be no older than this at candidacy. */
        @WithDefault("P6M")
        Period activistReviewInterval();

        /** An activist is cultivated at least this long before becoming a candidate. */
        @WithDefault("P1Y")
        Period activistMinimumPeriod();

        /** Full members assigned as contacts (培养联系人) of an activist. */
        @WithDefault("2")
        int requiredContacts();

        /** Hours of concentrated training (集中培训) a candidate needs before admission. */
        @WithDefault("24")
        int candidateTrainingHours();

        /** The higher committee approves an admission within this period of the branch vote. */
        @WithDefault("P3M")
        Period approvalWithin();

        /** Probation (预备期) runs this long from the branch vote. */
        @WithDefault("P1Y")
        Period probationPeriod();

        /** Shortest extension of probation, in months. */
        @WithDefault("6")
        int extensionMinimumMonths();

        /** Longest extension of probation, in months. */
        @WithDefault("12")
        int extensionMaximumMonths();
    }

    /** 关于中国共产党党费收缴、使用和管理的规定 (2008): brackets of after-tax monthly income. */
    interface Dues {
        /**
         * Per category, ascending brackets {@code upTo:rate}, the last one {@code *:rate}; an income up to
         * and including {@code upTo} pays {@code rate} of it, e.g. {@code EMPLOYED=3000:0.005,5000:0.01,*:0.02}.
         */
        Map<String, String> rates();

        /** Per category, a fixed monthly amount {@code 0.20} or a range {@code 0.20-1.00} the branch chooses in. */
        Map<String, String> fixed();

        /** Consecutive unpaid months after which a member is flagged (6: treated as 自行脱党 unless excused). */
        @WithDefault("6")
        int lapseMonths();

        /** Longest run of months one exemption (减免) may cover; a longer hardship is decided again. */
        @WithDefault("12")
        int exemptionMaximumMonths();

        /** First month the platform tracks dues for: earlier months are on paper. */
        @WithDefault("2026-01")
        String trackedFrom();
    }
}
