package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TaskSecretResolver;
import dev.drydock.core.spi.TaskSecretResolver.RegistryCredentials;
import dev.drydock.core.spi.TaskSecretResolver.SecretFailure;
import dev.drydock.core.spi.TaskSecretResolver.TaskSecret;
import dev.drydock.core.spi.TaskSecretResolver.TaskSecretsRequest;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.TaskRecord;
import dev.drydock.ecs.internal.lifecycle.TaskPreparation.StartFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Secret;

/**
 * What a task reads with its execution role before its containers start, as Fargate does ("Pass sensitive data to an
 * Amazon ECS container", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html;
 * "Using non-AWS container images in Amazon ECS",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html): every container's {@code secrets}
 * (and {@code logConfiguration.secretOptions}), all at once, and the {@code repositoryCredentials} of each container
 * that has them. ECS depends on core only: the reads go through the {@link TaskSecretResolver} that
 * {@code drydock-secrets-fixtures} provides; without it such a task fails to start with a reason naming the artifact.
 * A read that fails stops the task with the resolver's reason, Fargate's {@code ResourceInitializationError: unable to
 * pull secrets or registry auth: ...}.
 */
final class ContainerSecrets {
    static final String ARTIFACT = "dev.drydock:drydock-secrets-fixtures";

    private final ServiceContext context;

    ContainerSecrets(ServiceContext context) {
        this.context = context;
    }

    /**
     * Reads every container's secrets.
     *
     * @return each container's secret environment variables (name to value), by container name; empty for a task
     *     without secrets
     * @throws StartFailure with Fargate's stopped reason when one cannot be read
     */
    Map<String, Map<String, String>> resolve(TaskRecord task) throws StartFailure {
        List<TaskSecret> all = new ArrayList<>();
        for (ContainerRecord c : task.containers()) {
            all.addAll(secrets(c.definition()));
        }
        if (all.isEmpty()) {
            return Map.of();
        }
        TaskSecretResolver resolver = resolver("secrets");
        Map<String, String> values;
        try {
            values = resolver.resolve(new TaskSecretsRequest(task.arn(), TaskPreparation.executionRole(task), all));
        } catch (SecretFailure e) {
            throw new StartFailure(e.getMessage(), null, null);
        }
        Map<String, Map<String, String>> byContainer = new LinkedHashMap<>();
        for (ContainerRecord c : task.containers()) {
            Map<String, String> env = new LinkedHashMap<>();
            for (Secret s : c.definition().secrets()) {
                env.put(s.name(), values.getOrDefault(s.name(), ""));
            }
            byContainer.put(c.name(), env);
        }
        return byContainer;
    }

    /**
     * Reads the registry credentials of a container with {@code repositoryCredentials}.
     *
     * @throws StartFailure with Fargate's stopped reason (and the container's) when they cannot be read
     */
    RegistryCredentials registryCredentials(TaskRecord task, ContainerRecord c) throws StartFailure {
        String secret = c.definition().repositoryCredentials().credentialsParameter();
        TaskSecretResolver resolver = resolver("repositoryCredentials");
        try {
            return resolver.registryCredentials(secret, TaskPreparation.executionRole(task), task.id());
        } catch (SecretFailure e) {
            throw new StartFailure(e.getMessage(), c.name(), e.getMessage());
        }
    }

    /** A container's {@code secrets}, then its log configuration's {@code secretOptions}. */
    private static List<TaskSecret> secrets(ContainerDefinition d) {
        List<TaskSecret> secrets = new ArrayList<>();
        d.secrets().forEach(s -> secrets.add(new TaskSecret(s.name(), s.valueFrom())));
        if (d.logConfiguration() != null) {
            d.logConfiguration().secretOptions().forEach(s -> secrets.add(new TaskSecret(s.name(), s.valueFrom())));
        }
        return secrets;
    }

    private TaskSecretResolver resolver(String field) throws StartFailure {
        return context.module(TaskSecretResolver.class)
                .orElseThrow(() -> new StartFailure(
                        "ResourceInitializationError: unable to pull secrets or registry auth: the task definition's "
                                + "'" + field + "' are read from AWS Secrets Manager or AWS Systems Manager Parameter "
                                + "Store, which Drydock serves in " + ARTIFACT + ": add it as a test dependency.",
                        null,
                        null));
    }
}
