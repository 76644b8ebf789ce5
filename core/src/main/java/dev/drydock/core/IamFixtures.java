package dev.drydock.core;

import dev.drydock.core.iam.policy.MalformedPolicyDocumentException;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.ClasspathResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IAM infrastructure to declare in a {@link Drydock} instance: the programmatic twin of {@code @IamRole}.
 *
 * <pre>{@code
 * Drydock.builder()
 *         .fixture(IamFixtures.role("orders-task").policy("iam/orders-task.json"))
 *         .start();
 * }</pre>
 */
public final class IamFixtures {
    /** The trust policy roles get unless another is given: assumable by ECS tasks. */
    public static final String ECS_TASKS_TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
            + "\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private IamFixtures() {}

    /**
     * An IAM role ({@code arn:aws:iam::<account>:role/<name>}) trusted by {@code ecs-tasks.amazonaws.com} unless
     * {@link RoleFixture#trustPolicy(String)} says otherwise.
     *
     * @param name the role name: 1-64 characters of letters, digits and {@code +=,.@_-}
     */
    public static RoleFixture role(String name) {
        return new RoleFixture(name);
    }

    /** A role to create; see {@link IamFixtures#role(String)}. */
    public static final class RoleFixture implements Fixture {
        private final String name;
        private final Map<String, String> policyResources = new LinkedHashMap<>();
        private final List<String> managedPolicyArns = new ArrayList<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String trustPolicyResource;
        private String permissionsBoundaryArn;
        private String path = "/";

        private RoleFixture(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * An inline, identity-based policy from a classpath resource holding an IAM policy document (JSON). Its
         * policy name is the file's name without extension, e.g. {@code orders-task} for {@code iam/orders-task.json}.
         */
        public RoleFixture policy(String resource) {
            String file = resource.substring(resource.lastIndexOf('/') + 1);
            String policyName = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            policyResources.put(policyName, resource);
            return this;
        }

        /** A managed policy to attach, e.g. {@code arn:aws:iam::aws:policy/AdministratorAccess}. */
        public RoleFixture managedPolicy(String arn) {
            managedPolicyArns.add(arn);
            return this;
        }

        /** A managed policy ARN to use as the role's permissions boundary. */
        public RoleFixture permissionsBoundary(String arn) {
            this.permissionsBoundaryArn = arn;
            return this;
        }

        /** The trust policy, from a classpath resource (default: {@link #ECS_TASKS_TRUST_POLICY}). */
        public RoleFixture trustPolicy(String resource) {
            this.trustPolicyResource = resource;
            return this;
        }

        /** The role's path, e.g. {@code /app/} (default {@code /}). */
        public RoleFixture path(String path) {
            this.path = path;
            return this;
        }

        /** A role tag ({@code aws:ResourceTag} for the role, {@code aws:PrincipalTag} for its sessions). */
        public RoleFixture tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /**
         * CreateRole, then PutRolePolicy for each policy file and AttachRolePolicy for each managed policy, as the test
         * principal; when one fails, what was created is deleted again, so a refused declaration leaves nothing behind.
         */
        @Override
        public void apply(Drydock drydock) {
            Map<String, String> inline = new LinkedHashMap<>();
            policyResources.forEach((policyName, resource) -> inline.put(policyName, read(resource, "policy")));
            String trust =
                    trustPolicyResource == null ? ECS_TASKS_TRUST_POLICY : read(trustPolicyResource, "trust policy");
            AdminCalls admin = drydock.host().adminCalls();
            List<String> put = new ArrayList<>();
            List<String> attached = new ArrayList<>();
            boolean created = false;
            String step = trustPolicyResource;
            String stepKind = "trust policy";
            try {
                admin.call(
                        "iam",
                        CreateRoleRequest.builder()
                                .roleName(name)
                                .path(path)
                                .assumeRolePolicyDocument(trust)
                                .permissionsBoundary(permissionsBoundaryArn)
                                .tags(iamTags())
                                .build(),
                        CreateRoleResponse.class);
                created = true;
                stepKind = "policy";
                for (Map.Entry<String, String> policy : inline.entrySet()) {
                    step = policyResources.get(policy.getKey());
                    admin.call(
                            "iam",
                            PutRolePolicyRequest.builder()
                                    .roleName(name)
                                    .policyName(policy.getKey())
                                    .policyDocument(policy.getValue())
                                    .build(),
                            PutRolePolicyResponse.class);
                    put.add(policy.getKey());
                }
                step = null;
                for (String arn : managedPolicyArns) {
                    admin.call(
                            "iam",
                            AttachRolePolicyRequest.builder()
                                    .roleName(name)
                                    .policyArn(arn)
                                    .build(),
                            AttachRolePolicyResponse.class);
                    attached.add(arn);
                }
            } catch (AwsException e) {
                if (created) {
                    deleteAgain(admin, put, attached);
                }
                if (step != null && e.getCause() instanceof MalformedPolicyDocumentException malformed) {
                    throw malformed(step, stepKind, malformed);
                }
                throw new DrydockException("IAM refuses the role: " + e.errorCode() + ": " + e.getMessage(), e);
            }
        }

        private List<Tag> iamTags() {
            List<Tag> list = new ArrayList<>();
            tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
            return list;
        }

        /** Deletes a role a failed declaration created, with what it got. */
        private void deleteAgain(AdminCalls admin, List<String> inlinePolicies, List<String> attachedArns) {
            for (String arn : attachedArns) {
                admin.call(
                        "iam",
                        DetachRolePolicyRequest.builder()
                                .roleName(name)
                                .policyArn(arn)
                                .build(),
                        DetachRolePolicyResponse.class);
            }
            for (String policyName : inlinePolicies) {
                admin.call(
                        "iam",
                        DeleteRolePolicyRequest.builder()
                                .roleName(name)
                                .policyName(policyName)
                                .build(),
                        DeleteRolePolicyResponse.class);
            }
            admin.call("iam", DeleteRoleRequest.builder().roleName(name).build(), DeleteRoleResponse.class);
        }

        /**
         * IAM answers most policy mistakes with the one message "Syntax errors in policy."; say which file, what is
         * wrong and where.
         */
        private static DrydockException malformed(String resource, String what, MalformedPolicyDocumentException e) {
            String name = resource.startsWith("/") ? resource.substring(1) : resource;
            return new DrydockException(
                    "IAM refuses the " + what + " in '" + resource + "': MalformedPolicyDocument: "
                            + e.getMessage() + " (" + e.detail() + "). Fix the document in src/test/resources/"
                            + name
                            + "; the grammar is at "
                            + "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html.",
                    e);
        }

        @Override
        public String describe() {
            return "IamFixtures.role(\"" + name + "\")";
        }

        private static String read(String resource, String what) {
            return ClasspathResources.read(resource, what);
        }
    }
}
