package dev.drydock.core.internal.report;

import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.iam.DecisionLog;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.report.Report;
import dev.drydock.core.report.Section;
import dev.drydock.core.report.Table;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Core's part of the report: the IAM decisions that matter (every denial and every decision for a role session, such
 * as a task role's; of the test principal's own calls, which are mostly a test's polling, only the latest), folded
 * where one repeats, with filters by decision; and the declared IAM roles.
 */
public final class IamReport {
    /** How many of the test principal's allowed calls are shown, the latest. */
    static final int TEST_PRINCIPAL_ROWS = 200;
    /** How many other decisions are shown at most, the latest. */
    static final int OTHER_ROWS = 5000;

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private IamReport() {}

    /** Adds the decisions section and the roles to the report. */
    public static void contribute(Report report, DecisionLog log, IamBackend iam, String testPrincipalArn) {
        decisions(report, log, testPrincipalArn);
        roles(report, iam);
    }

    private static void decisions(Report report, DecisionLog log, String testPrincipalArn) {
        List<AuthorizationDecision> all = log.decisions();
        if (all.isEmpty()) {
            return;
        }
        int denied = 0;
        int others = 0;
        int testAllowed = 0;
        Set<String> principals = new LinkedHashSet<>();
        for (AuthorizationDecision d : all) {
            boolean test = d.principalArn().equals(testPrincipalArn);
            if (!d.allowed()) {
                denied++;
            }
            if (!test) {
                principals.add(shortPrincipal(d.principalArn()));
            }
            if (!test || !d.allowed()) {
                others++;
            } else {
                testAllowed++;
            }
        }
        // the latest OTHER_ROWS decisions that matter and the latest TEST_PRINCIPAL_ROWS of the test principal's
        List<AuthorizationDecision> shown = new ArrayList<>();
        int keepOthers = OTHER_ROWS;
        int keepTest = TEST_PRINCIPAL_ROWS;
        for (int i = all.size() - 1; i >= 0; i--) {
            AuthorizationDecision d = all.get(i);
            boolean routine = d.principalArn().equals(testPrincipalArn) && d.allowed();
            if (routine ? keepTest-- > 0 : keepOthers-- > 0) {
                shown.add(d);
            }
        }
        Collections.reverse(shown);

        Section s = report.section("iam", "IAM", "Decisions").order(50);
        s.fact("decisions", Integer.toString(all.size()))
                .fact("denied", Integer.toString(denied))
                .fact(
                        "principals other than the test principal",
                        principals.isEmpty() ? "none" : String.join(", ", principals));
        Table t = s.table(
                        "Authorization decisions, oldest first",
                        "time",
                        "principal",
                        "action",
                        "resource",
                        "decision",
                        "why",
                        "times")
                .filterBy("decision");
        AuthorizationDecision previous = null;
        int repeats = 0;
        List<String[]> rows = new ArrayList<>();
        List<Boolean> testRows = new ArrayList<>();
        for (AuthorizationDecision d : shown) {
            if (previous != null && sameCall(previous, d)) {
                repeats++;
                rows.get(rows.size() - 1)[6] = "×" + (repeats + 1);
                continue;
            }
            previous = d;
            repeats = 0;
            rows.add(new String[] {
                TIME.format(d.time()),
                shortPrincipal(d.principalArn()),
                d.action(),
                d.resource(),
                d.allowed() ? "allowed" : "denied",
                why(d),
                ""
            });
            testRows.add(d.principalArn().equals(testPrincipalArn));
        }
        for (int i = 0; i < rows.size(); i++) {
            t.taggedRow(testRows.get(i) ? List.of("test-principal") : List.of(), rows.get(i));
        }
        int omitted = testAllowed - Math.min(testAllowed, TEST_PRINCIPAL_ROWS) + Math.max(0, others - OTHER_ROWS);
        t.note("Every denial and every decision for a role are shown (the latest " + OTHER_ROWS + "), and the latest "
                + TEST_PRINCIPAL_ROWS + " of the test principal's allowed calls (" + omitted + " older ones left out);"
                + " repeats in a row are folded into one with their count.");
    }

    private static void roles(Report report, IamBackend iam) {
        List<Role> roles = iam.listRoles("/");
        if (roles.isEmpty()) {
            return;
        }
        Table t = report.section("resources", "Resources", "Declared resources")
                .order(100)
                .table("IAM roles", "role", "inline policies", "managed policies", "ARN");
        for (Role r : roles) {
            List<String> managed = new ArrayList<>();
            List<String> inline;
            try {
                for (AttachedPolicy p : iam.listAttachedRolePolicies(r.roleName(), null)) {
                    managed.add(p.policyName());
                }
                inline = iam.listRolePolicies(r.roleName());
            } catch (RuntimeException e) {
                continue; // deleted meanwhile
            }
            t.row(r.roleName(), String.join(", ", inline), String.join(", ", managed), r.arn());
        }
    }

    private static boolean sameCall(AuthorizationDecision a, AuthorizationDecision b) {
        return a.principalArn().equals(b.principalArn())
                && a.action().equals(b.action())
                && a.resource().equals(b.resource())
                && a.decision() == b.decision();
    }

    /** {@code orders-task/7f3a9c1e} for a role session, {@code drydock-test} for a user, else the ARN. */
    static String shortPrincipal(String arn) {
        int i = arn.indexOf(":assumed-role/");
        if (i >= 0) {
            return arn.substring(i + ":assumed-role/".length());
        }
        i = arn.indexOf(":user/");
        if (i >= 0) {
            return arn.substring(i + ":user/".length());
        }
        return arn;
    }

    private static String why(AuthorizationDecision d) {
        if (d.allowed()) {
            return d.decidingStatement()
                    .map(s -> "statement " + (s.sid() == null ? "#" + s.statementIndex() : s.sid()) + " of "
                            + s.policyId())
                    .orElse("");
        }
        return d.message().orElse(d.deniedBy().orElse(d.decision().simulatorValue()));
    }
}
