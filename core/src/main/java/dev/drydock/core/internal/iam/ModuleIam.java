package dev.drydock.core.internal.iam;

import dev.drydock.core.internal.iam.backend.SessionCredentials;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.Iam;
import dev.drydock.core.spi.RoleSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link Iam} service modules get: a view of the account's {@link IamAccess}. */
public final class ModuleIam implements Iam {
    private final IamAccess iam;

    public ModuleIam(IamAccess iam) {
        this.iam = iam;
    }

    @Override
    public String accountId() {
        return iam.accountId();
    }

    @Override
    public Optional<String> roleArn(String nameOrArn) {
        return iam.roleArn(nameOrArn);
    }

    @Override
    public boolean trustsService(String roleArn, String servicePrincipal) {
        return TrustPolicies.allowsService(iam, roleArn, servicePrincipal);
    }

    @Override
    public RoleSession assumeRole(String roleArn, String sessionName, Duration duration) {
        SessionCredentials s = iam.issueSession(roleArn, sessionName, duration, List.of(), Map.of());
        return new RoleSession(
                s.accessKeyId(),
                s.secretAccessKey(),
                s.sessionToken(),
                s.expiration(),
                s.principal().roleArn(),
                new AuthenticatedCaller(s.principal(), s.accessKeyId()));
    }

    @Override
    public Caller testPrincipal() {
        return new AuthenticatedCaller(iam.testPrincipal(), iam.testCredential().accessKeyId());
    }
}
