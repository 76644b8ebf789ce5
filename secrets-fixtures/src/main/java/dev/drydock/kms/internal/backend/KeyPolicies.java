package dev.drydock.kms.internal.backend;

import dev.drydock.core.iam.policy.MalformedPolicyDocumentException;
import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.iam.policy.PolicySourceType;
import dev.drydock.kms.internal.KmsErrors;

/**
 * The key policies KMS gives keys it creates: the default key policy of a customer managed key created without
 * one, which lets the account's IAM policies control access ("Default key policy",
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html), and the key policies of the AWS
 * managed keys {@code aws/secretsmanager} and {@code aws/ssm}, which let every principal of the account use the key
 * through that service and read its metadata ("How AWS Secrets Manager uses AWS KMS",
 * https://docs.aws.amazon.com/kms/latest/developerguide/services-secrets-manager.html; "How AWS Systems Manager
 * Parameter Store uses AWS KMS", https://docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html).
 * The second statement's Sid gets " (data keys)" appended: AWS's managed policies repeat the first one's Sid, which
 * Drydock's policy grammar (unique Sids, as IAM requires) refuses.
 */
public final class KeyPolicies {
    /** A key's only policy name. */
    public static final String DEFAULT_POLICY_NAME = "default";

    private KeyPolicies() {}

    /** The default key policy: {@code kms:*} to the account ({@code arn:aws:iam::<account>:root}). */
    public static String defaultPolicy(String account) {
        return """
                {
                  "Version" : "2012-10-17",
                  "Id" : "key-default-1",
                  "Statement" : [ {
                    "Sid" : "Enable IAM User Permissions",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "arn:aws:iam::%s:root"
                    },
                    "Action" : "kms:*",
                    "Resource" : "*"
                  } ]
                }""".formatted(account);
    }

    /**
     * The key policy of the AWS managed key of {@code service} ({@code secretsmanager} or {@code ssm}): encryption
     * and decryption for every principal of the account through that service ({@code kms:ViaService}), metadata
     * reads for the account.
     */
    public static String awsManagedPolicy(String service, String account, String region) {
        String label = service.equals("ssm") ? "AWS Systems Manager" : "AWS Secrets Manager";
        return """
                {
                  "Version" : "2012-10-17",
                  "Id" : "auto-%1$s-2",
                  "Statement" : [ {
                    "Sid" : "Allow access through %4$s for all principals in the account that are authorized to use %4$s",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "*"
                    },
                    "Action" : [ "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:CreateGrant", "kms:DescribeKey" ],
                    "Resource" : "*",
                    "Condition" : {
                      "StringEquals" : {
                        "kms:CallerAccount" : "%2$s",
                        "kms:ViaService" : "%1$s.%3$s.amazonaws.com"
                      }
                    }
                  }, {
                    "Sid" : "Allow access through %4$s for all principals in the account that are authorized to use %4$s (data keys)",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "*"
                    },
                    "Action" : "kms:GenerateDataKey*",
                    "Resource" : "*",
                    "Condition" : {
                      "StringEquals" : {
                        "kms:CallerAccount" : "%2$s"
                      },
                      "StringLike" : {
                        "kms:ViaService" : "%1$s.%3$s.amazonaws.com"
                      }
                    }
                  }, {
                    "Sid" : "Allow direct access to key metadata to the account",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "arn:aws:iam::%2$s:root"
                    },
                    "Action" : [ "kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant" ],
                    "Resource" : "*"
                  } ]
                }""".formatted(service, account, region, label);
    }

    /**
     * Parses a key policy.
     *
     * @param keyArn the key's ARN, the policy's id in the decision log
     * @throws dev.drydock.core.spi.AwsException MalformedPolicyDocumentException naming what is wrong
     */
    public static NamedPolicy parse(String keyArn, String json) {
        try {
            return new NamedPolicy(keyArn, PolicySourceType.RESOURCE, PolicyDocument.parse(json, PolicyKind.KEY));
        } catch (MalformedPolicyDocumentException e) {
            throw KmsErrors.malformedPolicy(e.getMessage() + " (" + e.detail() + ")");
        }
    }
}
