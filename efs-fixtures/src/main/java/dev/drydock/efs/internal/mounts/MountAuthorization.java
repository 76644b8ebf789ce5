package dev.drydock.efs.internal.mounts;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.iam.policy.PolicySourceType;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.efs.internal.backend.EfsBackend;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM authorization of an NFS client's mount, as EFS does when a task's volume sets {@code iam: ENABLED}: the task
 * role's session is evaluated for {@code elasticfilesystem:ClientMount}, {@code ClientWrite} and
 * {@code ClientRootAccess} on the file system, with the file system policy as its resource-based policy, or, when the
 * file system has none, EFS's default policy, which allows all three to any principal (see
 * <a href="https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html">Using IAM to control NFS
 * access to Amazon EFS</a>). Every decision goes to the decision log, as operation {@code ClientMount} etc. of
 * service {@code elasticfilesystem}.
 */
public final class MountAuthorization {
    /**
     * EFS's default file system policy, in force when the file system has none; parsed on first use (the policy parser
     * loads Jackson databind, which Drydock's start must not wait for).
     */
    private static final class DefaultPolicy {
        static final NamedPolicy POLICY = new NamedPolicy(
                "EFS default file system policy",
                PolicySourceType.RESOURCE,
                PolicyDocument.parse(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":["
                                + "\"elasticfilesystem:ClientRootAccess\",\"elasticfilesystem:ClientWrite\","
                                + "\"elasticfilesystem:ClientMount\"],\"Condition\":{\"Bool\":{"
                                + "\"elasticfilesystem:AccessedViaMountTarget\":\"true\"}}}]}",
                        PolicyKind.RESOURCE));
    }

    private final ServiceContext context;

    public MountAuthorization(ServiceContext context) {
        this.context = context;
    }

    /** What a task role may do on a file system. */
    public record Grants(boolean mount, boolean write, boolean rootAccess) {}

    /**
     * Evaluates the three client actions for a session of {@code roleArn} named after the task.
     *
     * @param taskId the task id (the session name, as the task's credentials use)
     * @param roleArn the task role
     * @param view the file system (and access point) being mounted
     * @param transitEncryption whether the mount uses TLS ({@code aws:SecureTransport})
     */
    public Grants evaluate(String taskId, String roleArn, EfsBackend.MountView view, boolean transitEncryption) {
        Caller caller =
                context.iam().assumeRole(roleArn, taskId, Duration.ofHours(1)).caller();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("elasticfilesystem:AccessedViaMountTarget", List.of("true"));
        if (view.accessPoint() != null) {
            keys.put(
                    "elasticfilesystem:AccessPointArn",
                    List.of(view.accessPoint().arn()));
        }
        NamedPolicy policy = view.policy() != null ? view.policy() : DefaultPolicy.POLICY;
        boolean mount = allowed("ClientMount", caller, view, keys, policy, transitEncryption);
        boolean write = mount && allowed("ClientWrite", caller, view, keys, policy, transitEncryption);
        boolean root = mount && allowed("ClientRootAccess", caller, view, keys, policy, transitEncryption);
        return new Grants(mount, write, root);
    }

    private boolean allowed(
            String action,
            Caller caller,
            EfsBackend.MountView view,
            Map<String, List<String>> keys,
            NamedPolicy policy,
            boolean secure) {
        try {
            context.callContext("elasticfilesystem", action, caller, "127.0.0.1", secure)
                    .authorize("elasticfilesystem:" + action, view.fileSystemArn(), keys, policy, context.accountId());
            return true;
        } catch (AwsException e) {
            return false;
        }
    }
}
