package dev.drydock.ecr.internal.support;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.ecr.internal.backend.EcrBackend;
import java.util.Optional;

/** Repository policies as IAM evaluates them: the resource-based policy of a repository. */
public final class RepositoryPolicies {
    private RepositoryPolicies() {}

    /** The repository policy of a repository, parsed, if it exists and has one. */
    public static Optional<NamedPolicy> of(EcrBackend backend, String repository) {
        return backend.findRepository(repository)
                .map(r -> r.policyText)
                .map(text -> NamedPolicy.of(
                        backend.repositoryArn(repository),
                        "resource",
                        PolicyDocument.parse(text, PolicyKind.RESOURCE)));
    }
}
