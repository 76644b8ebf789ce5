package dev.drydock.secretsmanager;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.BadInputSuite;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * {@link BadInputSuite} for Secrets Manager: bad input generated from its model for every operation Drydock
 * implements, and the cases whose exact answer matters (names with invalid characters, values over 64 KB, too many
 * tags, reserved tag keys, both value kinds, recovery windows, malformed and non-Secrets Manager resource policies);
 * never a 5xx, nothing stored.
 */
class SecretsManagerBadInputTest extends BadInputSuite {
    /** operation | body | error code | message (empty: not checked). */
    private static final String CASES = """
            CreateSecret | {"Name":5} | SerializationException |
            CreateSecret | {} | ValidationException | 1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null
            CreateSecret | {"Name":"{n*513}"} | ValidationException | 1 validation error detected: Value '{n*513}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 512
            CreateSecret | {"Name":"bad name!"} | InvalidParameterException | Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!
            CreateSecret | {"Name":"n-{n}","SecretString":"{v*65537}"} | ValidationException | 1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536
            CreateSecret | {"Name":"n-{n}","SecretString":"s","SecretBinary":"AAAA"} | InvalidParameterException | You can't specify both a binary secret value and a string secret value in the same secret.
            CreateSecret | {"Name":"n-{n}","SecretString":"s","Tags":{tags*51:Key:Value}} | InvalidParameterException | The request would give the secret 51 tags; a secret can have at most 50 tags.
            CreateSecret | {"Name":"n-{n}","SecretString":"s","Tags":[{"Key":"aws:x","Value":"v"}]} | InvalidParameterException | Invalid tag key: the aws: prefix is reserved for AWS use: aws:x
            CreateSecret | {"Name":"n-{n}","SecretString":"s","ClientRequestToken":"short"} | ValidationException | 1 validation error detected: Value 'short' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 32
            CreateSecret | {"Name":"n-{n}","SecretString":"s","KmsKeyId":"alias/does-not-exist"} | EncryptionFailureException |
            CreateSecret | {"Name":"n-{n}","SecretString":"s","AddReplicaRegions":[{"Region":"eu-west-1"}]} | InvalidParameterException |
            GetSecretValue | {} | ValidationException | 1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null
            GetSecretValue | {"SecretId":"{n*2049}"} | ValidationException |
            GetSecretValue | {"SecretId":"missing-{n}"} | ResourceNotFoundException | Secrets Manager can't find the specified secret.
            GetSecretValue | {"SecretId":"{secret}","VersionId":"00000000-0000-0000-0000-000000000000"} | ResourceNotFoundException | Secrets Manager can't find the specified secret value for VersionId: 00000000-0000-0000-0000-000000000000
            PutSecretValue | {"SecretId":"{secret}"} | InvalidRequestException | You must provide either SecretString or SecretBinary.
            PutSecretValue | {"SecretId":"{secret}","SecretString":"{v*65537}"} | ValidationException |
            PutSecretValue | {"SecretId":"{secret}","SecretString":"x","VersionStages":[]} | ValidationException |
            UpdateSecret | {"SecretId":"{secret}","Description":"{n*2049}"} | ValidationException |
            DescribeSecret | {"SecretId":["x"]} | SerializationException |
            DeleteSecret | {"SecretId":"{secret}","RecoveryWindowInDays":1} | InvalidParameterException | The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).
            DeleteSecret | {"SecretId":"{secret}","RecoveryWindowInDays":"seven"} | SerializationException |
            ListSecrets | {"MaxResults":101} | ValidationException | 1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100
            ListSecrets | {"Filters":[{"Key":"bogus","Values":["x"]}]} | ValidationException |
            ListSecrets | {"SortOrder":"up"} | ValidationException |
            ListSecrets | {"NextToken":"garbage"} | InvalidNextTokenException |
            ListSecretVersionIds | {"SecretId":"{secret}","MaxResults":0} | ValidationException |
            UpdateSecretVersionStage | {"SecretId":"{secret}"} | ValidationException |
            UpdateSecretVersionStage | {"SecretId":"{secret}","VersionStage":"AWSCURRENT","MoveToVersionId":"00000000-0000-0000-0000-000000000009"} | ResourceNotFoundException |
            TagResource | {"SecretId":"{secret}","Tags":[{"Key":"","Value":"v"}]} | ValidationException |
            TagResource | {"SecretId":"{secret}","Tags":{tags*51:Key:Value}} | InvalidParameterException |
            UntagResource | {"SecretId":"{secret}"} | ValidationException | 1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null
            PutResourcePolicy | {"SecretId":"{secret}","ResourcePolicy":"not json"} | MalformedPolicyDocumentException |
            PutResourcePolicy | {"SecretId":"{secret}","ResourcePolicy":"{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"*\\"}]}"} | MalformedPolicyDocumentException |
            GetResourcePolicy | {} | ValidationException |
            DeleteResourcePolicy | {"SecretId":"missing-{n}"} | ResourceNotFoundException |
            ValidateResourcePolicy | {} | ValidationException |
            RestoreSecret | {"SecretId":"missing-{n}"} | ResourceNotFoundException |
            GetRandomPassword | {"PasswordLength":0} | ValidationException |
            GetRandomPassword | {"PasswordLength":"x"} | SerializationException |
            BatchGetSecretValue | {} | InvalidParameterException |
            BatchGetSecretValue | {"SecretIdList":["{secret}"],"Filters":[{"Key":"name","Values":["x"]}]} | InvalidParameterException |
            """;

    private SecretsManagerClient sm;
    private String secret;

    SecretsManagerBadInputTest() {
        super(SecretsManagerClient.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        sm = drydock.client(SecretsManagerClient.builder());
        secret = sm.createSecret(r -> r.name("bad-input-secret")
                        .secretString("kept")
                        .tags(t -> t.key("k").value("v")))
                .arn();
        sm.getSecretValue(r -> r.secretId(secret)); // state() reads it too: its LastAccessedDate is set from here on
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of("SecretId", secret);
    }

    @Override
    protected List<Case> cases() {
        return jsonCases(CASES, this::fill);
    }

    private String fill(String text) {
        return text.replace("{secret}", secret);
    }

    @Override
    protected Object state() {
        return List.of(
                sm.listSecretsPaginator(r -> r.includePlannedDeletion(true)).stream()
                        .flatMap(p -> p.secretList().stream())
                        .map(SecretListEntry::toString)
                        .sorted()
                        .toList(),
                sm.getSecretValue(r -> r.secretId(secret)).secretString(),
                String.valueOf(sm.getResourcePolicy(r -> r.secretId(secret)).resourcePolicy()));
    }
}
