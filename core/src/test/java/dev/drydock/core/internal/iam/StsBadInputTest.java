package dev.drydock.core.internal.iam;

import dev.drydock.core.Drydock;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.testing.BadInputSuite;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@link BadInputSuite} for STS: every implemented operation refuses bad input as STS does and issues no credentials
 * (no AssumeRole or GetSessionToken gets as far as its authorization).
 */
class StsBadInputTest extends BadInputSuite {
    private String roleArn;

    StsBadInputTest() {
        super(StsClient.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        try (IamClient iam = drydock.client(IamClient.builder())) {
            roleArn = iam.createRole(r -> r.roleName("assumable")
                            .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                                    + "\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + drydock.accountId()
                                    + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"))
                    .role()
                    .arn();
        }
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of("RoleArn", roleArn, "RoleSessionName", "session");
    }

    @Override
    protected Object state() {
        List<AuthorizationDecision> issued = drydock.decisionLog()
                .decisions(
                        d -> d.action().equals("sts:AssumeRole") || d.action().equals("sts:GetSessionToken"));
        return issued.size();
    }
}
