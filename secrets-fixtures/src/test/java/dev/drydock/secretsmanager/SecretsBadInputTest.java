package dev.drydock.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.testing.RawJson;
import dev.drydock.core.testing.RawJson.Answer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Malformed and out-of-range input to the Secrets Manager, Parameter Store and KMS operations Drydock implements, sent
 * raw (the SDK refuses most of it): wrong JSON types, missing members, over-long names, invalid characters, values
 * over the size limits (64 KB secrets, 4 KB standard and 8 KB advanced parameters, 4 KB plaintexts), too many tags,
 * unknown enum values. Each answers HTTP 400 with the service's own error and AWS's message, never a 5xx, and stores
 * nothing.
 */
class SecretsBadInputTest extends SecretsFamilyTestBase {
    private static final AtomicInteger N = new AtomicInteger();

    /** service | operation | body | error code | message (empty: not checked). */
    private static final String CASES = """
            sm | CreateSecret | {"Name":5} | SerializationException |
            sm | CreateSecret | {} | ValidationException | 1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null
            sm | CreateSecret | {"Name":"{long513}"} | ValidationException | 1 validation error detected: Value '{long513}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 512
            sm | CreateSecret | {"Name":"bad name!"} | InvalidParameterException | Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!
            sm | CreateSecret | {"Name":"n-{n}","SecretString":"{big65537}"} | ValidationException | 1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536
            sm | CreateSecret | {"Name":"n-{n}","SecretString":"s","SecretBinary":"AAAA"} | InvalidParameterException | You can't specify both a binary secret value and a string secret value in the same secret.
            sm | CreateSecret | {"Name":"n-{n}","SecretString":"s","Tags":{smTags51}} | InvalidParameterException | The request would give the secret 51 tags; a secret can have at most 50 tags.
            sm | CreateSecret | {"Name":"n-{n}","SecretString":"s","Tags":[{"Key":"aws:x","Value":"v"}]} | InvalidParameterException | Invalid tag key: the aws: prefix is reserved for AWS use: aws:x
            sm | CreateSecret | {"Name":"n-{n}","SecretString":"s","ClientRequestToken":"short"} | ValidationException | 1 validation error detected: Value 'short' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 32
            sm | CreateSecret | {"Name":"n-{n}","SecretString":"s","KmsKeyId":"alias/does-not-exist"} | EncryptionFailureException |
            sm | CreateSecret | {"Name":"n-{n}","SecretString":"s","AddReplicaRegions":[{"Region":"eu-west-1"}]} | InvalidParameterException |
            sm | GetSecretValue | {} | ValidationException | 1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null
            sm | GetSecretValue | {"SecretId":"{long2049}"} | ValidationException |
            sm | GetSecretValue | {"SecretId":"missing-{n}"} | ResourceNotFoundException | Secrets Manager can't find the specified secret.
            sm | GetSecretValue | {"SecretId":"{secret}","VersionId":"00000000-0000-0000-0000-000000000000"} | ResourceNotFoundException | Secrets Manager can't find the specified secret value for VersionId: 00000000-0000-0000-0000-000000000000
            sm | PutSecretValue | {"SecretId":"{secret}"} | InvalidRequestException | You must provide either SecretString or SecretBinary.
            sm | PutSecretValue | {"SecretId":"{secret}","SecretString":"{big65537}"} | ValidationException |
            sm | PutSecretValue | {"SecretId":"{secret}","SecretString":"x","VersionStages":[]} | ValidationException |
            sm | UpdateSecret | {"SecretId":"{secret}","Description":"{long2049}"} | ValidationException |
            sm | DescribeSecret | {"SecretId":["x"]} | SerializationException |
            sm | DeleteSecret | {"SecretId":"{secret}","RecoveryWindowInDays":1} | InvalidParameterException | The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).
            sm | DeleteSecret | {"SecretId":"{secret}","RecoveryWindowInDays":"seven"} | SerializationException |
            sm | ListSecrets | {"MaxResults":101} | ValidationException | 1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100
            sm | ListSecrets | {"Filters":[{"Key":"bogus","Values":["x"]}]} | ValidationException |
            sm | ListSecrets | {"SortOrder":"up"} | ValidationException |
            sm | ListSecrets | {"NextToken":"garbage"} | InvalidNextTokenException |
            sm | ListSecretVersionIds | {"SecretId":"{secret}","MaxResults":0} | ValidationException |
            sm | UpdateSecretVersionStage | {"SecretId":"{secret}"} | ValidationException |
            sm | UpdateSecretVersionStage | {"SecretId":"{secret}","VersionStage":"AWSCURRENT","MoveToVersionId":"00000000-0000-0000-0000-000000000009"} | ResourceNotFoundException |
            sm | TagResource | {"SecretId":"{secret}","Tags":[{"Key":"","Value":"v"}]} | ValidationException |
            sm | TagResource | {"SecretId":"{secret}","Tags":{smTags51}} | InvalidParameterException |
            sm | UntagResource | {"SecretId":"{secret}"} | ValidationException | 1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null
            sm | PutResourcePolicy | {"SecretId":"{secret}","ResourcePolicy":"not json"} | MalformedPolicyDocumentException |
            sm | PutResourcePolicy | {"SecretId":"{secret}","ResourcePolicy":"{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"*\\"}]}"} | MalformedPolicyDocumentException |
            sm | GetResourcePolicy | {} | ValidationException |
            sm | DeleteResourcePolicy | {"SecretId":"missing-{n}"} | ResourceNotFoundException |
            sm | ValidateResourcePolicy | {} | ValidationException |
            sm | RestoreSecret | {"SecretId":"missing-{n}"} | ResourceNotFoundException |
            sm | GetRandomPassword | {"PasswordLength":0} | ValidationException |
            sm | GetRandomPassword | {"PasswordLength":"x"} | SerializationException |
            sm | BatchGetSecretValue | {} | InvalidParameterException |
            sm | BatchGetSecretValue | {"SecretIdList":["{secret}"],"Filters":[{"Key":"name","Values":["x"]}]} | InvalidParameterException |
            ssm | PutParameter | {"Name":"/p-{n}","Value":"v","Type":"Bogus"} | ValidationException | 1 validation error detected: Value 'Bogus' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [String, StringList, SecureString]
            ssm | PutParameter | {"Name":"bad name","Value":"v","Type":"String"} | ValidationException | Parameter name: can't be prefixed with "aws" or "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_
            ssm | PutParameter | {"Name":"/aws/x-{n}","Value":"v","Type":"String"} | AccessDeniedException |
            ssm | PutParameter | {"Name":"ssm-x-{n}","Value":"v","Type":"String"} | ValidationException |
            ssm | PutParameter | {"Name":"a/b-{n}","Value":"v","Type":"String"} | ValidationException | Parameter name must be a fully qualified name.
            ssm | PutParameter | {"Name":"/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16-{n}","Value":"v","Type":"String"} | ValidationException |
            ssm | PutParameter | {"Name":"/{long1000}","Value":"v","Type":"String"} | ValidationException |
            ssm | PutParameter | {"Name":"/p-{n}","Value":"{big4097}","Type":"String"} | ValidationException |
            ssm | PutParameter | {"Name":"/p-{n}","Value":"{big8193}","Type":"String","Tier":"Advanced"} | ValidationException | The specified parameter value is too large. Advanced-tier parameters support a maximum parameter value of 8192 characters.
            ssm | PutParameter | {"Name":"/p-{n}","Value":"v"} | ValidationException | A parameter type is required when you create a parameter.
            ssm | PutParameter | {"Name":"/p-{n}","Value":"v","Type":"String","Tags":{ssmTags51}} | TooManyTagsError |
            ssm | PutParameter | {"Name":"/p-{n}","Value":"abc","Type":"String","AllowedPattern":"^\\\\d+$"} | ParameterPatternMismatchException | Parameter value, cannot be validated against allowedPattern: ^\\d+$
            ssm | PutParameter | {"Name":"/p-{n}","Value":"v","Type":"String","DataType":"Text"} | ValidationException | The following data type is not supported: Text (Data type names are all lowercase.)
            ssm | PutParameter | {"Name":"/p-{n}","Value":"v","Type":"String","KeyId":"alias/x"} | ValidationException |
            ssm | PutParameter | {"Name":"/p-{n}","Value":"v","Type":"SecureString","KeyId":"alias/does-not-exist"} | InvalidKeyId |
            ssm | PutParameter | {"Name":"/p-{n}","Value":"v","Type":"String","Policies":"[]"} | InvalidPolicyTypeException |
            ssm | PutParameter | {"Name":"{param}","Value":"v","Overwrite":true,"Tags":[{"Key":"k","Value":"v"}]} | ValidationException |
            ssm | PutParameter | {"Name":"/p-{n}","Value":7,"Type":"String"} | SerializationException |
            ssm | GetParameter | {} | ValidationException | 1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null
            ssm | GetParameter | {"Name":"/missing-{n}"} | ParameterNotFound |
            ssm | GetParameters | {"Names":[]} | ValidationException |
            ssm | GetParameters | {"Names":["1","2","3","4","5","6","7","8","9","10","11"]} | ValidationException |
            ssm | GetParametersByPath | {"Path":"/","MaxResults":11} | ValidationException |
            ssm | GetParametersByPath | {"Path":"/","ParameterFilters":[{"Key":"Name","Values":["x"]}]} | InvalidFilterKey |
            ssm | GetParameterHistory | {"Name":"/missing-{n}"} | ParameterNotFound |
            ssm | DescribeParameters | {"MaxResults":51} | ValidationException |
            ssm | DescribeParameters | {"ParameterFilters":[{"Key":"Name","Option":"Sideways","Values":["x"]}]} | InvalidFilterOption |
            ssm | DeleteParameter | {"Name":"/missing-{n}"} | ParameterNotFound |
            ssm | DeleteParameters | {"Names":"x"} | SerializationException |
            ssm | LabelParameterVersion | {"Name":"{param}","Labels":[]} | ValidationException |
            ssm | LabelParameterVersion | {"Name":"{param}","ParameterVersion":99,"Labels":["l"]} | ParameterVersionNotFound |
            ssm | UnlabelParameterVersion | {"Name":"{param}","Labels":["l"]} | ValidationException |
            ssm | AddTagsToResource | {"ResourceType":"Document","ResourceId":"x","Tags":[{"Key":"k","Value":"v"}]} | InvalidResourceType |
            ssm | AddTagsToResource | {"ResourceType":"Bogus","ResourceId":"x","Tags":[{"Key":"k","Value":"v"}]} | ValidationException |
            ssm | AddTagsToResource | {"ResourceType":"Parameter","ResourceId":"/missing-{n}","Tags":[{"Key":"k","Value":"v"}]} | InvalidResourceId |
            ssm | AddTagsToResource | {"ResourceType":"Parameter","ResourceId":"{param}","Tags":[{"Key":"k","Value":"{long300}"}]} | ValidationException |
            ssm | RemoveTagsFromResource | {"ResourceType":"Parameter","ResourceId":"{param}"} | ValidationException |
            ssm | ListTagsForResource | {"ResourceType":"Parameter"} | ValidationException |
            kms | CreateKey | {"KeySpec":"RSA_2048"} | UnsupportedOperationException |
            kms | CreateKey | {"KeySpec":"BOGUS"} | ValidationException |
            kms | CreateKey | {"Description":"{big8193}"} | ValidationException |
            kms | CreateKey | {"Policy":"not json"} | MalformedPolicyDocumentException |
            kms | CreateKey | {"Tags":[{"TagKey":"aws:x","TagValue":"v"}]} | TagException |
            kms | CreateKey | {"Tags":{kmsTags51}} | LimitExceededException |
            kms | CreateKey | {"MultiRegion":"yes"} | SerializationException |
            kms | DescribeKey | {} | ValidationException | 1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null
            kms | DescribeKey | {"KeyId":"nonsense"} | NotFoundException | Invalid keyId 'nonsense'
            kms | CreateAlias | {"AliasName":"noprefix","TargetKeyId":"{key}"} | InvalidAliasNameException |
            kms | CreateAlias | {"AliasName":"alias/bad name","TargetKeyId":"{key}"} | ValidationException |
            kms | CreateAlias | {"AliasName":"alias/x-{n}","TargetKeyId":"alias/something"} | NotFoundException |
            kms | UpdateAlias | {"AliasName":"alias/missing-{n}","TargetKeyId":"{key}"} | NotFoundException |
            kms | DeleteAlias | {"AliasName":"alias/missing-{n}"} | NotFoundException |
            kms | Encrypt | {"KeyId":"{key}","Plaintext":"{b64of4097}"} | ValidationException |
            kms | Encrypt | {"KeyId":"{key}","Plaintext":"AAAA","EncryptionAlgorithm":"RSAES_OAEP_SHA_256"} | InvalidKeyUsageException |
            kms | Decrypt | {"CiphertextBlob":"AAAA"} | InvalidCiphertextException |
            kms | Decrypt | {} | ValidationException |
            kms | GenerateDataKey | {"KeyId":"{key}","KeySpec":"AES_512"} | ValidationException |
            kms | GenerateDataKey | {"KeyId":"{key}","NumberOfBytes":2000} | ValidationException |
            kms | GenerateRandom | {"NumberOfBytes":2000} | ValidationException |
            kms | ScheduleKeyDeletion | {"KeyId":"{key}","PendingWindowInDays":3} | ValidationException |
            kms | PutKeyPolicy | {"KeyId":"{key}","Policy":"{\\"Statement\\":[]}"} | MalformedPolicyDocumentException |
            kms | PutKeyPolicy | {"KeyId":"{key}","PolicyName":"other","Policy":"{\\"Version\\":\\"2012-10-17\\"}"} | NotFoundException |
            kms | ListKeys | {"Limit":0} | ValidationException |
            kms | ListKeys | {"Marker":"zzz"} | InvalidMarkerException |
            kms | TagResource | {"KeyId":"{key}","Tags":{kmsTags51}} | LimitExceededException |
            kms | UntagResource | {"KeyId":"{key}"} | ValidationException |
            """;

    private final Map<String, RawJson> raw = new HashMap<>();
    private String secret;
    private String param;
    private String key;

    /** One bad request and the error the service answers it with. */
    record Case(String service, String operation, String body, String type, String message) {
        @Override
        public String toString() {
            return service + ":" + operation + " " + (body.length() > 80 ? body.substring(0, 80) + "..." : body)
                    + " -> " + type;
        }
    }

    static Stream<Case> cases() {
        return CASES.lines().filter(l -> !l.isBlank()).map(l -> {
            String[] p = l.split(" \\| ", -1);
            return new Case(
                    p[0].trim(),
                    p[1].trim(),
                    p[2].trim(),
                    p[3].trim().replace(" |", ""),
                    p.length > 4 ? p[4].trim() : "");
        });
    }

    @BeforeAll
    void oneOfEach() {
        raw.put("sm", new RawJson(drydock, "secretsmanager", "secretsmanager"));
        raw.put("ssm", new RawJson(drydock, "ssm", "AmazonSSM"));
        raw.put("kms", new RawJson(drydock, "kms", "TrentService"));
        secret = unique("bad-input-secret");
        sm.createSecret(r -> r.name(secret).secretString("kept"));
        param = "/" + unique("bad-input") + "/param";
        ssm.putParameter(r -> r.name(param).value("kept").type(ParameterType.STRING));
        key = kms.createKey(r -> r.description("bad input")).keyMetadata().keyId();
    }

    private Answer send(Case c) {
        String body = c.body()
                .replace("{secret}", secret)
                .replace("{param}", param)
                .replace("{key}", key)
                .replace("{long513}", "n".repeat(513))
                .replace("{long1000}", "n".repeat(1000))
                .replace("{long2049}", "n".repeat(2049))
                .replace("{long300}", "n".repeat(300))
                .replace("{big4097}", "v".repeat(4097))
                .replace("{big8193}", "v".repeat(8193))
                .replace("{big65537}", "v".repeat(65537))
                .replace("{b64of4097}", Base64.getEncoder().encodeToString(new byte[4097]))
                .replace("{smTags51}", tags(51, "Key", "Value"))
                .replace("{ssmTags51}", tags(51, "Key", "Value"))
                .replace("{kmsTags51}", tags(51, "TagKey", "TagValue"))
                .replace("{n}", Integer.toString(N.incrementAndGet()));
        return raw.get(c.service()).post(c.operation(), body);
    }

    private static String tags(int n, String key, String value) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tags.add("{\"" + key + "\":\"k" + i + "\",\"" + value + "\":\"v\"}");
        }
        return "[" + String.join(",", tags) + "]";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsTheServicesOwnClientErrorNeverAServerError(Case c) {
        Answer a = send(c);
        String expected = c.message().replace("{long513}", "n".repeat(513)).replace("\\\\", "\\");
        RawJson.assertError(a, c.type(), expected.isEmpty() ? null : expected);
        assertThat(a.message()).as("message of %s", a.body()).isNotNull();
    }

    @Test
    void badInputStoresNothing() {
        Map<String, Object> before = snapshot();
        cases().forEach(this::send);
        assertThat(snapshot()).isEqualTo(before);
    }

    private Map<String, Object> snapshot() {
        return Map.of(
                "secrets",
                sm.listSecretsPaginator(r -> r.includePlannedDeletion(true)).stream()
                        .flatMap(p -> p.secretList().stream())
                        .map(s -> s.name() + s.secretVersionsToStages() + s.tags() + s.description())
                        .sorted()
                        .toList(),
                "secret",
                sm.getSecretValue(r -> r.secretId(secret)).secretString(),
                "resourcePolicy",
                String.valueOf(sm.getResourcePolicy(r -> r.secretId(secret)).resourcePolicy()),
                "parameters",
                ssm.describeParametersPaginator(r -> r.maxResults(50)).stream()
                        .flatMap(p -> p.parameters().stream())
                        .map(ParameterMetadata::name)
                        .sorted()
                        .toList(),
                "param",
                ssm.getParameterHistory(r -> r.name(param)).parameters().size() + ":"
                        + ssm.listTagsForResource(
                                        r -> r.resourceType("Parameter").resourceId(param))
                                .tagList(),
                "keys",
                kms.listKeys().keys().stream().map(KeyListEntry::keyId).sorted().toList(),
                "aliases",
                kms.listAliases().aliases().size(),
                "key",
                kms.describeKey(r -> r.keyId(key)).keyMetadata().keyStateAsString()
                        + kms.listResourceTags(r -> r.keyId(key)).tags()
                        + kms.getKeyPolicy(r -> r.keyId(key)).policy().hashCode());
    }
}
