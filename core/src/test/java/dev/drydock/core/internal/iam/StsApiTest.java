package dev.drydock.core.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.iam.policy.DecisionType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

/** STS through the real SDK v2 StsClient: who am I, assuming roles, acting with the session's credentials. */
class StsApiTest extends IamApiTestBase {

    /** A role the test principal may assume (its trust policy names the test user), with an inline policy. */
    private static String assumableRole(String name, String policy) {
        String arn = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trusting(testPrincipalArn())))
                .role()
                .arn();
        if (policy != null) {
            iam.putRolePolicy(r -> r.roleName(name).policyName("permissions").policyDocument(policy));
        }
        return arn;
    }

    private static String roleId(String name) {
        return iam.getRole(r -> r.roleName(name)).role().roleId();
    }

    @Test
    void getCallerIdentityNamesTheTestPrincipal() {
        GetCallerIdentityResponse me = sts.getCallerIdentity();
        assertThat(me.account()).isEqualTo(ACCOUNT);
        assertThat(me.arn()).isEqualTo(testPrincipalArn());
        assertThat(me.userId()).startsWith("AIDA");
    }

    @Test
    void assumeRoleAllowedByTheTrustPolicyGivesASessionThatActsAsTheRole() {
        String role = unique("deployer");
        String roleArn = assumableRole(role, allowing("iam:GetRole"));
        Instant before = Instant.now();

        AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("ci-run@1"));

        assertThat(assumed.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/ci-run@1");
        assertThat(assumed.assumedRoleUser().assumedRoleId()).isEqualTo(roleId(role) + ":ci-run@1");
        Credentials c = assumed.credentials();
        assertThat(c.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(c.secretAccessKey()).isNotBlank();
        assertThat(c.sessionToken()).isNotBlank();
        assertThat(c.expiration())
                .isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofHours(1)));
        assertThat(assumed.packedPolicySize()).isNull();

        try (StsClient session = stsAs(c);
                IamClient sessionIam = iamAs(c)) {
            GetCallerIdentityResponse who = session.getCallerIdentity();
            assertThat(who.arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/ci-run@1");
            assertThat(who.userId()).isEqualTo(roleId(role) + ":ci-run@1");
            assertThat(who.account()).isEqualTo(ACCOUNT);

            // The role allows iam:GetRole ...
            assertThat(sessionIam.getRole(r -> r.roleName(role)).role().arn()).isEqualTo(roleArn);
            // ... and nothing else: IAM answers AccessDenied 403, naming the resource as IAM does.
            awsError(
                    () -> sessionIam.deleteRole(r -> r.roleName(role)),
                    IamException.class,
                    "AccessDenied",
                    403,
                    "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/ci-run@1 is not authorized to "
                            + "perform: iam:DeleteRole on resource: role " + role + " because no identity-based policy "
                            + "allows the iam:DeleteRole action");
            awsError(
                    () -> sessionIam.listRoles(),
                    IamException.class,
                    "AccessDenied",
                    403,
                    "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/ci-run@1 is not authorized to "
                            + "perform: iam:ListRoles on resource: arn:aws:iam::" + ACCOUNT + ":role/ because no "
                            + "identity-based policy allows the iam:ListRoles action");
            awsError(
                    () -> sessionIam.listPolicies(),
                    IamException.class,
                    "AccessDenied",
                    403,
                    "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/ci-run@1 is not authorized to "
                            + "perform: iam:ListPolicies on resource: policy path / because no identity-based policy "
                            + "allows the iam:ListPolicies action");
            // GetUser without a name needs a user.
            awsError(
                    () -> sessionIam.getUser(),
                    IamException.class,
                    "ValidationError",
                    400,
                    "Must specify userName when calling with non-User credentials");
        }

        String sessionArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/ci-run@1";
        List<AuthorizationDecision> decisions = drydock.decisionLog().decisionsFor(role);
        assertThat(decisions)
                .extracting(AuthorizationDecision::action, AuthorizationDecision::decision)
                .contains(
                        Tuple.tuple("iam:GetRole", DecisionType.ALLOWED),
                        Tuple.tuple("iam:DeleteRole", DecisionType.IMPLICIT_DENY));
        AuthorizationDecision denied = decisions.stream()
                .filter(d -> d.action().equals("iam:DeleteRole"))
                .findFirst()
                .orElseThrow();
        assertThat(denied.principalArn()).isEqualTo(sessionArn);
        assertThat(denied.resource()).isEqualTo(roleArn);
        assertThat(denied.deniedBy()).contains("identity based");
        AuthorizationDecision assume = drydock.decisionLog()
                .decisions(
                        d -> d.action().equals("sts:AssumeRole") && d.resource().equals(roleArn))
                .get(0);
        assertThat(assume.allowed()).isTrue();
        assertThat(assume.service()).isEqualTo("sts");
        assertThat(assume.principalArn()).isEqualTo(testPrincipalArn());
        assertThat(assume.context()).containsEntry("sts:RoleSessionName", List.of("ci-run@1"));
        assertThat(assume.decidingStatement())
                .hasValueSatisfying(s -> assertThat(s.policyId()).isEqualTo(role));
    }

    @Test
    void assumeRoleIsDeniedWhenTheTrustPolicyDoesNotAllowTheCaller() {
        // The test principal is an administrator, but the role trusts only ECS tasks.
        String role = unique("task-only");
        String roleArn = iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(ECS_TASKS_TRUST))
                .role()
                .arn();
        awsError(
                () -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("nope")),
                StsException.class,
                "AccessDenied",
                403,
                "User: " + testPrincipalArn() + " is not authorized to perform: sts:AssumeRole on " + "resource: "
                        + roleArn + " because no role trust policy allows the sts:AssumeRole action");
        String missing = "arn:aws:iam::" + ACCOUNT + ":role/" + unique("never-created");
        awsError(
                () -> sts.assumeRole(r -> r.roleArn(missing).roleSessionName("nope")),
                StsException.class,
                "AccessDenied",
                403,
                "User: " + testPrincipalArn() + " is not authorized to perform: sts:AssumeRole on " + "resource: "
                        + missing + " because no role trust policy allows the sts:AssumeRole action");
    }

    @Test
    void assumeRoleNeedsTheCallersOwnPermissionWhenTheTrustPolicyNamesOnlyTheAccount() {
        // Trust: the account. A session of a role whose policies do not allow sts:AssumeRole may not assume it.
        String target = unique("account-trusted");
        String targetArn = iam.createRole(r -> r.roleName(target).assumeRolePolicyDocument(trusting(ACCOUNT)))
                .role()
                .arn();
        String caller = unique("caller");
        String callerArn = assumableRole(caller, allowing("iam:GetRole"));
        Credentials c =
                sts.assumeRole(r -> r.roleArn(callerArn).roleSessionName("s1")).credentials();
        try (StsClient session = stsAs(c)) {
            awsError(
                    () -> session.assumeRole(r -> r.roleArn(targetArn).roleSessionName("s2")),
                    StsException.class,
                    "AccessDenied",
                    403,
                    "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/" + caller + "/s1 is not "
                            + "authorized to perform: sts:AssumeRole on resource: " + targetArn + " because no "
                            + "identity-based policy allows the sts:AssumeRole action");
        }
        assertThat(drydock.decisionLog()
                        .decisions(d -> d.action().equals("sts:AssumeRole")
                                && d.resource().equals(targetArn)))
                .singleElement()
                .satisfies(d -> assertThat(d.decision()).isEqualTo(DecisionType.IMPLICIT_DENY));

        // With sts:AssumeRole in its policy, it may (role chaining), for at most an hour.
        String chained = unique("chainer");
        String chainedArn = assumableRole(chained, allowing("sts:AssumeRole"));
        Credentials c2 =
                sts.assumeRole(r -> r.roleArn(chainedArn).roleSessionName("s1")).credentials();
        try (StsClient session = stsAs(c2)) {
            assertThat(session.assumeRole(r -> r.roleArn(targetArn).roleSessionName("s2"))
                            .assumedRoleUser()
                            .arn())
                    .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + target + "/s2");
            awsError(
                    () -> session.assumeRole(
                            r -> r.roleArn(targetArn).roleSessionName("s3").durationSeconds(7200)),
                    StsException.class,
                    "ValidationError",
                    400,
                    "The requested DurationSeconds exceeds the 1 hour "
                            + "session limit for roles assumed by role chaining.");
        }
    }

    @Test
    void sessionPoliciesNarrowTheSession() {
        String role = unique("broad");
        String roleArn = assumableRole(role, ALLOW_ALL);
        String sessionPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"iam:GetRole\",\"Resource\":\"*\"}]}";
        AssumeRoleResponse assumed =
                sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("narrow").policy(sessionPolicy));
        assertThat(assumed.packedPolicySize()).isBetween(1, 100);
        try (IamClient session = iamAs(assumed.credentials())) {
            assertThat(session.getRole(r -> r.roleName(role)).role().roleName()).isEqualTo(role);
            awsError(
                    () -> session.listRolePolicies(r -> r.roleName(role)),
                    IamException.class,
                    "AccessDenied",
                    403,
                    "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/narrow is not authorized to perform: "
                            + "iam:ListRolePolicies on resource: role " + role + " because no session policy allows "
                            + "the iam:ListRolePolicies action");
        }
        // A managed policy as a session policy (PolicyArns) narrows the same way.
        String managed = iam.createPolicy(
                        r -> r.policyName(unique("session-managed")).policyDocument(allowing("iam:ListRoleTags")))
                .policy()
                .arn();
        Credentials c = sts.assumeRole(
                        r -> r.roleArn(roleArn).roleSessionName("managed").policyArns(p -> p.arn(managed)))
                .credentials();
        try (IamClient session = iamAs(c)) {
            assertThat(session.listRoleTags(r -> r.roleName(role)).tags()).isEmpty();
            awsError(() -> session.getRole(r -> r.roleName(role)), IamException.class, "AccessDenied", 403, null);
        }
        awsError(
                () -> sts.assumeRole(
                        r -> r.roleArn(roleArn).roleSessionName("bad").policy(ECS_TASKS_TRUST)),
                MalformedPolicyDocumentException.class,
                "MalformedPolicyDocument",
                400,
                "Policy document should not specify a principal.");
    }

    @Test
    void aPermissionsBoundaryDeniesWhatItDoesNotAllow() {
        String role = unique("boundary-limited");
        String roleArn = assumableRole(role, ALLOW_ALL);
        String boundary = iam.createPolicy(
                        r -> r.policyName(unique("read-only-boundary")).policyDocument(allowing("iam:Get*")))
                .policy()
                .arn();
        iam.putRolePermissionsBoundary(r -> r.roleName(role).permissionsBoundary(boundary));
        Credentials c = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("bounded"))
                .credentials();
        try (IamClient session = iamAs(c)) {
            assertThat(session.getRole(r -> r.roleName(role))
                            .role()
                            .permissionsBoundary()
                            .permissionsBoundaryArn())
                    .isEqualTo(boundary);
            awsError(
                    () -> session.tagRole(
                            r -> r.roleName(role).tags(t -> t.key("k").value("v"))),
                    IamException.class,
                    "AccessDenied",
                    403,
                    "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/bounded is not "
                            + "authorized to perform: iam:TagRole on resource: role " + role
                            + " because no permissions "
                            + "boundary allows the iam:TagRole action");
        }
        assertThat(drydock.decisionLog()
                        .decisions(d -> d.action().equals("iam:TagRole")
                                && d.principalArn().endsWith("/bounded")))
                .singleElement()
                .satisfies(d -> assertThat(d.deniedBy()).contains("permissions boundary"));
    }

    @Test
    void sessionTagsBecomePrincipalTagsAndNeedTagSessionInTheTrustPolicy() {
        String role = unique("tag-session");
        String roleArn = assumableRole(role, allowing("iam:GetRole"));
        iam.tagRole(r -> r.roleName(role)
                .tags(software.amazon.awssdk.services.iam.model.Tag.builder()
                        .key("team")
                        .value("from-role")
                        .build()));
        Credentials c = sts.assumeRole(r -> r.roleArn(roleArn)
                        .roleSessionName("tagged")
                        .tags(
                                Tag.builder().key("team").value("from-session").build(),
                                Tag.builder().key("project").value("x").build())
                        .transitiveTagKeys("project"))
                .credentials();
        try (IamClient session = iamAs(c)) {
            session.getRole(r -> r.roleName(role));
        }
        AuthorizationDecision getRole = drydock.decisionLog()
                .decisions(d ->
                        d.action().equals("iam:GetRole") && d.principalArn().endsWith("/" + role + "/tagged"))
                .get(0);
        assertThat(getRole.context())
                .containsEntry("aws:PrincipalTag/team", List.of("from-session"))
                .containsEntry("aws:PrincipalTag/project", List.of("x"));
        assertThat(drydock.decisionLog()
                        .decisions(d -> d.action().equals("sts:TagSession")
                                && d.resource().equals(roleArn)))
                .singleElement()
                .satisfies(d -> assertThat(d.allowed()).isTrue());

        String strict = unique("no-tag-session");
        String strictArn = iam.createRole(r -> r.roleName(strict)
                        .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + testPrincipalArn()
                                + "\"},"
                                + "\"Action\":\"sts:AssumeRole\"}]}"))
                .role()
                .arn();
        awsError(
                () -> sts.assumeRole(r -> r.roleArn(strictArn)
                        .roleSessionName("tt")
                        .tags(t -> t.key("a").value("b"))),
                StsException.class,
                "AccessDenied",
                403,
                "User: " + testPrincipalArn() + " is not authorized to "
                        + "perform: sts:TagSession on resource: " + strictArn + " because no role trust policy allows "
                        + "the sts:TagSession action");
        awsError(
                () -> sts.assumeRole(r -> r.roleArn(roleArn)
                        .roleSessionName("tt")
                        .tags(t -> t.key("a").value("b"), t -> t.key("A").value("c"))),
                StsException.class,
                "InvalidParameterValue",
                400,
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        awsError(
                () -> sts.assumeRole(r -> r.roleArn(roleArn)
                        .roleSessionName("tt")
                        .tags(t -> t.key("a").value("b"))
                        .transitiveTagKeys("z")),
                StsException.class,
                "InvalidParameterValue",
                400,
                "The specified transitive tag key must be included in the requested tags.");
    }

    @Test
    void assumeRoleValidatesItsInputAsSts() {
        String role = unique("validated");
        String roleArn = assumableRole(role, null);
        awsError(
                () -> sts.assumeRole(r -> r.roleArn("nothing-valid-in-here").roleSessionName("s")),
                StsException.class,
                "ValidationError",
                400,
                "nothing-valid-in-here is invalid");
        awsError(
                () -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("Session1:2")),
                StsException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed "
                        + "to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        awsError(
                () -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s")),
                StsException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value 's' at 'roleSessionName' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 2");
        awsError(
                () -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s".repeat(65))),
                StsException.class,
                "ValidationError",
                400,
                null);
        awsError(
                () -> sts.assumeRole(
                        r -> r.roleArn(roleArn).roleSessionName("ok").durationSeconds(600)),
                StsException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value '600' at "
                        + "'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal "
                        + "to 900");
        awsError(
                () -> sts.assumeRole(
                        r -> r.roleArn(roleArn).roleSessionName("ok").durationSeconds(7200)),
                StsException.class,
                "ValidationError",
                400,
                "The requested DurationSeconds exceeds the " + "MaxSessionDuration set for this role.");
        awsError(
                () -> sts.assumeRole(r -> r.roleArn(roleArn)),
                StsException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member "
                        + "must not be null");

        iam.updateRole(r -> r.roleName(role).maxSessionDuration(7200));
        Instant before = Instant.now();
        Credentials c = sts.assumeRole(
                        r -> r.roleArn(roleArn).roleSessionName("long").durationSeconds(7200))
                .credentials();
        assertThat(c.expiration()).isAfter(before.plus(Duration.ofMinutes(119)));
        assertThat(sts.assumeRole(
                                r -> r.roleArn(roleArn).roleSessionName("short").durationSeconds(900))
                        .credentials()
                        .expiration())
                .isBefore(Instant.now().plus(Duration.ofMinutes(16)));
    }

    @Test
    void getSessionTokenGivesTemporaryCredentialsOfTheUser() {
        Credentials c = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
        assertThat(c.accessKeyId()).startsWith("ASIA");
        assertThat(c.expiration()).isBefore(Instant.now().plus(Duration.ofMinutes(16)));
        try (StsClient session = stsAs(c);
                IamClient sessionIam = iamAs(c)) {
            assertThat(session.getCallerIdentity().arn()).isEqualTo(testPrincipalArn());
            awsError(
                    session::getSessionToken,
                    StsException.class,
                    "AccessDenied",
                    403,
                    "Cannot call GetSessionToken with session credentials");
            awsError(
                    sessionIam::listRoles,
                    IamException.class,
                    "InvalidClientTokenId",
                    403,
                    "The security token included in the request is invalid");
        }
        awsError(
                () -> sts.getSessionToken(r -> r.durationSeconds(129601)),
                StsException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy constraint: Member "
                        + "must have value less than or equal to 129600");
    }
}
