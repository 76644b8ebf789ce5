package dev.drydock.secretsmanager.internal.tasks;

import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.Iam;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.core.spi.TaskSecretResolver.RegistryCredentials;
import dev.drydock.core.spi.TaskSecretResolver.SecretFailure;
import dev.drydock.core.spi.TaskSecretResolver.TaskSecret;
import dev.drydock.core.spi.TaskSecretResolver.TaskSecretsRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Reads a task's secrets as Fargate does before it creates the containers ("Pass sensitive data to an Amazon ECS
 * container", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html), as a
 * session of the task's execution role named after the task: Parameter Store references with
 * {@code ssm:GetParameters} in batches of 10 with decryption, Secrets Manager ARNs with
 * {@code secretsmanager:GetSecretValue} (with the ARN's optional {@code :json-key:version-stage:version-id}), each
 * call authorized and recorded as an API call is.
 *
 * <p>Failures carry the stopped reason Fargate gives: its prefix {@code ResourceInitializationError: unable to pull
 * secrets or registry auth: execution resource retrieval failed: }, then per source:
 *
 * <ul>
 *   <li>Parameter Store: {@code unable to retrieve secrets from ssm: service call has been retried 1 time(s): } and
 *       either {@code invalid ssm parameters: <names>} (a parameter that does not exist; quoted from a Fargate task in
 *       public project notes) or SSM's error as the AWS SDK for Go v1 prints it, {@code <Code>: <message> status code:
 *       400, request id: <id>} (aws/copilot-cli#3104: {@code AccessDeniedException: User: ... is not authorized to
 *       perform: ssm:GetParameters ...}; a SecureString whose key the role may not use gives KMS's
 *       {@code AccessDeniedException: The ciphertext refers to a customer master key ... (Service: AWSKMS; ...)} as
 *       SSM passes it on).</li>
 *   <li>Secrets Manager: {@code unable to retrieve secret from asm: service call has been retried 1 time(s): failed
 *       to fetch secret <arn> from secrets manager: <Code>: <message> status code: 400, request id: <id>}
 *       (GiamPy5/terraform-aws-directus#10, a denied {@code kms:Decrypt}: {@code AccessDeniedException: Access to KMS
 *       is not allowed status code: 400, request id: ...}); a JSON key the secret lacks: {@code retrieved secret from
 *       Secrets Manager did not contain json key <key>} (the ECS agent, aws/amazon-ecs-agent agent/asm/asm.go).</li>
 *   <li>Registry credentials: {@code unable to get registry auth from asm: service call has been retried 1 time(s): }
 *       then the agent's {@code asm fetching secret from the service for <secret>: ...}, {@code asm fetching
 *       authorization data: ...}, {@code asm fetching username|password: AuthorizationData is malformed, empty field}
 *       (agent/asm/asm.go).</li>
 * </ul>
 */
public final class TaskSecrets {
    private static final String PREFIX = "ResourceInitializationError: unable to pull secrets or registry auth: ";
    private static final String RETRIEVAL = PREFIX + "execution resource retrieval failed: ";
    private static final String RETRIED = "service call has been retried 1 time(s): ";

    private final Iam iam;
    private final AdminCalls calls;

    /**
     * @param iam opens the execution role's sessions
     * @param calls runs Secrets Manager's and Parameter Store's handlers as those sessions, recorded in the decision log
     */
    public TaskSecrets(Iam iam, AdminCalls calls) {
        this.iam = iam;
        this.calls = calls;
    }

    /** See {@link dev.drydock.core.spi.TaskSecretResolver#resolve}. */
    public Map<String, String> resolve(TaskSecretsRequest request) {
        Caller role = session(request.executionRole(), request.taskId(), "secrets");
        Map<String, String> values = new LinkedHashMap<>();
        List<TaskSecret> fromSsm = new ArrayList<>();
        List<TaskSecret> fromAsm = new ArrayList<>();
        for (TaskSecret s : request.secrets()) {
            (s.valueFrom().startsWith("arn:aws:secretsmanager:") ? fromAsm : fromSsm).add(s);
        }
        Map<String, String> parameters = parameters(role, fromSsm);
        for (TaskSecret s : request.secrets()) {
            values.put(s.name(), parameters.containsKey(s.valueFrom()) ? parameters.get(s.valueFrom()) : null);
        }
        for (TaskSecret s : fromAsm) {
            values.put(s.name(), secret(role, s.valueFrom()));
        }
        return values;
    }

    /** Reads Parameter Store references with GetParameters (WithDecryption), 10 names per call. */
    private Map<String, String> parameters(Caller role, List<TaskSecret> secrets) {
        List<String> names = new ArrayList<>(
                new LinkedHashSet<>(secrets.stream().map(TaskSecret::valueFrom).toList()));
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i += 10) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + 10));
            String requestId = UUID.randomUUID().toString();
            GetParametersResponse r;
            try {
                r = calls.callAs(
                        role,
                        requestId,
                        "ssm",
                        GetParametersRequest.builder()
                                .names(batch)
                                .withDecryption(true)
                                .build(),
                        GetParametersResponse.class);
            } catch (AwsException e) {
                throw new SecretFailure(
                        RETRIEVAL + "unable to retrieve secrets from ssm: " + RETRIED + describe(e, requestId));
            }
            if (!r.invalidParameters().isEmpty()) {
                throw new SecretFailure(RETRIEVAL + "unable to retrieve secrets from ssm: " + RETRIED
                        + "invalid ssm parameters: " + String.join(",", r.invalidParameters()));
            }
            for (String name : batch) {
                for (Parameter p : r.parameters()) {
                    if (names(p, name)) {
                        values.put(name, p.value());
                    }
                }
            }
        }
        return values;
    }

    /** Whether a parameter GetParameters returned is the one {@code reference} (a name or an ARN) named. */
    private static boolean names(Parameter p, String reference) {
        if (reference.startsWith("arn:")) {
            return reference.equals(p.arn());
        }
        return reference.equals(p.name())
                || reference.equals(p.name().startsWith("/") ? p.name().substring(1) : "/" + p.name());
    }

    /** Reads one Secrets Manager reference: ARN, optionally {@code :json-key:version-stage:version-id}. */
    private String secret(Caller role, String valueFrom) {
        String[] parts = valueFrom.split(":", -1);
        if (parts.length < 7 || parts.length > 10 || !parts[5].equals("secret")) {
            throw new SecretFailure(RETRIEVAL + "unable to retrieve secret from asm: the secret reference '"
                    + valueFrom + "' is not a Secrets Manager secret ARN, optionally followed by "
                    + ":<json-key>:<version-stage>:<version-id>");
        }
        String arn = String.join(":", List.of(parts).subList(0, 7));
        String jsonKey = part(parts, 7);
        String stage = part(parts, 8);
        String versionId = part(parts, 9);
        String requestId = UUID.randomUUID().toString();
        GetSecretValueResponse r;
        try {
            r = calls.callAs(
                    role,
                    requestId,
                    "secretsmanager",
                    GetSecretValueRequest.builder()
                            .secretId(arn)
                            .versionStage(stage)
                            .versionId(versionId)
                            .build(),
                    GetSecretValueResponse.class);
        } catch (AwsException e) {
            throw new SecretFailure(RETRIEVAL + "unable to retrieve secret from asm: " + RETRIED + "failed to fetch "
                    + "secret " + arn + " from secrets manager: " + describe(e, requestId));
        }
        String value = r.secretString() == null ? "" : r.secretString();
        if (jsonKey == null) {
            return value;
        }
        Object tree;
        try {
            tree = JsonTree.parse(value.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SecretFailure(RETRIEVAL + "unable to retrieve secret from asm: " + RETRIED + "invalid character "
                    + "in the secret value of " + arn + ": it is not JSON, so it has no json key " + jsonKey);
        }
        if (!(tree instanceof Map<?, ?> map) || !map.containsKey(jsonKey)) {
            throw new SecretFailure(RETRIEVAL + "unable to retrieve secret from asm: " + RETRIED
                    + "retrieved secret from Secrets Manager did not contain json key " + jsonKey);
        }
        return text(map.get(jsonKey));
    }

    /** A JSON value as the agent prints it ({@code %v}): strings bare, numbers and booleans as written. */
    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value == JsonTree.NULL) {
            return "<nil>";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return new String(JsonTree.write(value), StandardCharsets.UTF_8);
    }

    /** See {@link dev.drydock.core.spi.TaskSecretResolver#registryCredentials}. */
    public RegistryCredentials registryCredentials(String secretId, String executionRole, String taskId) {
        Caller role = session(executionRole, taskId, "registry auth");
        String failed = RETRIEVAL + "unable to get registry auth from asm: " + RETRIED;
        String requestId = UUID.randomUUID().toString();
        GetSecretValueResponse r;
        try {
            r = calls.callAs(
                    role,
                    requestId,
                    "secretsmanager",
                    GetSecretValueRequest.builder().secretId(secretId).build(),
                    GetSecretValueResponse.class);
        } catch (AwsException e) {
            throw new SecretFailure(
                    failed + "asm fetching secret from the service for " + secretId + ": " + describe(e, requestId));
        }
        if (r.secretString() == null || r.secretString().isEmpty()) {
            throw new SecretFailure(failed + "asm fetching authorization data: empty secrets value");
        }
        Map<?, ?> map;
        try {
            Object tree = JsonTree.parse(r.secretString().getBytes(StandardCharsets.UTF_8));
            map = tree instanceof Map<?, ?> m ? m : null;
        } catch (IOException e) {
            map = null;
        }
        if (map == null) {
            throw new SecretFailure(
                    failed + "asm fetching authorization data: unable to unmarshal secret value, invalid schema");
        }
        Object user = map.get("username");
        Object password = map.get("password");
        if (!(user instanceof String u) || u.isEmpty()) {
            throw new SecretFailure(failed + "asm fetching username: AuthorizationData is malformed, empty field");
        }
        if (!(password instanceof String p) || p.isEmpty()) {
            throw new SecretFailure(failed + "asm fetching password: AuthorizationData is malformed, empty field");
        }
        return new RegistryCredentials(u, p);
    }

    /** The execution role's session for the task, or the failure ECS reports when there is none. */
    private Caller session(String executionRole, String taskId, String what) {
        if (executionRole == null || executionRole.isEmpty()) {
            throw new SecretFailure(PREFIX + "the task definition has no executionRoleArn, which a task needs to read "
                    + what + " from AWS Secrets Manager or AWS Systems Manager Parameter Store. Give it an execution "
                    + "role allowed secretsmanager:GetSecretValue and ssm:GetParameters (and kms:Decrypt for a "
                    + "customer managed key).");
        }
        String roleArn = iam.roleArn(executionRole)
                .orElseThrow(() -> new SecretFailure(PREFIX + "ECS was unable to assume the role '" + executionRole
                        + "' that was provided for this task: the role does not exist."));
        return iam.assumeRole(roleArn, taskId, Duration.ofHours(1)).caller();
    }

    /** An error as the Go SDK v1 prints it: {@code Code: message status code: 400, request id: <id>}. */
    private static String describe(AwsException e, String requestId) {
        return e.errorCode() + ": " + e.getMessage() + " status code: " + e.httpStatus() + ", request id: " + requestId;
    }

    private static String part(String[] parts, int i) {
        return parts.length > i && !parts[i].isEmpty() ? parts[i] : null;
    }
}
