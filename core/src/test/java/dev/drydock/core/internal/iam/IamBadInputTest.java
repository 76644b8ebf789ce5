package dev.drydock.core.internal.iam;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.BadInputSuite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Role;

/** {@link BadInputSuite} for IAM: every implemented operation refuses bad input as IAM does and changes nothing. */
class IamBadInputTest extends BadInputSuite {
    private IamClient iam;
    private String roleArn;
    private String policyArn;

    IamBadInputTest() {
        super(IamClient.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        iam = drydock.client(IamClient.builder());
        roleArn = iam.createRole(r -> r.roleName("bad-input").assumeRolePolicyDocument(IamApiTestBase.ECS_TASKS_TRUST))
                .role()
                .arn();
        policyArn = iam.createPolicy(r -> r.policyName("bad-input").policyDocument(IamApiTestBase.ALLOW_ALL))
                .policy()
                .arn();
        iam.attachRolePolicy(r -> r.roleName("bad-input").policyArn(policyArn));
        iam.putRolePolicy(r -> r.roleName("bad-input").policyName("inline").policyDocument(IamApiTestBase.ALLOW_ALL));
        iam.tagRole(r -> r.roleName("bad-input").tags(t -> t.key("team").value("orders")));
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of(
                "RoleName",
                "bad-input",
                "PolicyArn",
                policyArn,
                "PolicyName",
                "inline",
                "PolicySourceArn",
                roleArn,
                "AssumeRolePolicyDocument",
                IamApiTestBase.ECS_TASKS_TRUST,
                "PolicyDocument",
                IamApiTestBase.ALLOW_ALL,
                "VersionId",
                "v1",
                "ActionNames",
                List.of("s3:GetObject"),
                "PolicyInputList",
                List.of(IamApiTestBase.ALLOW_ALL));
    }

    @Override
    protected Object state() {
        Map<String, Object> s = new LinkedHashMap<>();
        List<Object> roles = new ArrayList<>();
        for (Role r : iam.listRoles().roles()) {
            roles.add(List.of(
                    r.roleName(),
                    String.valueOf(r.path()),
                    String.valueOf(r.description()),
                    String.valueOf(r.maxSessionDuration()),
                    iam.getRole(g -> g.roleName(r.roleName())).role().assumeRolePolicyDocument(),
                    iam.listRolePolicies(l -> l.roleName(r.roleName())).policyNames(),
                    iam.listAttachedRolePolicies(l -> l.roleName(r.roleName())).attachedPolicies(),
                    iam.listRoleTags(l -> l.roleName(r.roleName())).tags()));
        }
        s.put("roles", roles);
        s.put(
                "policies",
                iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies().stream()
                        .map(p -> List.of(
                                p.arn(),
                                p.defaultVersionId(),
                                iam.listPolicyVersions(v -> v.policyArn(p.arn()))
                                        .versions()
                                        .size(),
                                iam.listPolicyTags(t -> t.policyArn(p.arn())).tags()))
                        .toList());
        return s;
    }
}
