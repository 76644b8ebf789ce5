package dev.drydock.junit.internal.plugins;

import dev.drydock.core.Drydock;
import dev.drydock.core.Fixture;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.events.EventStream;
import dev.drydock.core.iam.DecisionLog;
import dev.drydock.junit.IamRole;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import dev.drydock.junit.spi.Stage;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What core brings: {@link IamRole}; the {@link Drydock} instance, its {@link DecisionLog} and {@link EventStream};
 * IAM and STS clients.
 */
public final class CorePlugin implements DrydockPlugin {

    @Override
    public String name() {
        return "core";
    }

    @Override
    public List<AnnotationBinding<?>> annotations() {
        return List.of(AnnotationBinding.of(
                IamRole.class,
                Stage.ROLES,
                r -> "@IamRole(name = \"" + r.name() + "\")",
                "a role's name is unique in the account",
                CorePlugin::role));
    }

    @Override
    public List<Injectable<?>> injectables() {
        return List.of(
                Injectable.value(Drydock.class, d -> d),
                Injectable.value(DecisionLog.class, Drydock::decisionLog),
                Injectable.value(EventStream.class, Drydock::events),
                Injectable.client(IamClient.class, IamClient::builder),
                Injectable.client(StsClient.class, StsClient::builder));
    }

    private static Fixture role(IamRole r) {
        IamFixtures.RoleFixture fixture = IamFixtures.role(r.name()).path(r.path());
        for (String policy : r.policy()) {
            fixture.policy(policy);
        }
        for (String arn : r.managedPolicies()) {
            fixture.managedPolicy(arn);
        }
        if (!r.permissionsBoundary().isEmpty()) {
            fixture.permissionsBoundary(r.permissionsBoundary());
        }
        if (!r.trustPolicy().isEmpty()) {
            fixture.trustPolicy(r.trustPolicy());
        }
        return fixture.describedAs("@IamRole(name = \"" + r.name() + "\")");
    }
}
