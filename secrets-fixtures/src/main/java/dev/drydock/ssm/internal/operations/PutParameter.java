package dev.drydock.ssm.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.KeyEncryption.EncryptionKey;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.ssm.internal.SsmErrors;
import dev.drydock.ssm.internal.backend.Parameter;
import dev.drydock.ssm.internal.backend.ParameterStore;
import dev.drydock.ssm.internal.backend.ParameterStore.NewVersion;
import dev.drydock.ssm.internal.backend.ParameterVersion;
import dev.drydock.ssm.internal.support.ParameterAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

/**
 * PutParameter, as <a href="https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html">the
 * AWS Systems Manager API reference</a> describes it: a new parameter (Type required) or, with {@code Overwrite}, a new
 * version; Standard values up to 4096 characters, Advanced up to 8192 ({@code Intelligent-Tiering} picks the tier);
 * SecureStrings encrypted under {@code KeyId} or {@code alias/aws/ssm}; {@code AllowedPattern} checked; tags only
 * when creating. {@code ssm:PutParameter} on the parameter with {@code ssm:Overwrite} and request tags (and
 * {@code ssm:AddTagsToResource} when tags are given), then {@code kms:Encrypt}/{@code kms:GenerateDataKey}.
 * Parameter policies are refused (not supported yet).
 */
public final class PutParameter implements Operation<PutParameterRequest, PutParameterResponse> {
    private static final int STANDARD_MAX = 4096;
    private static final int ADVANCED_MAX = 8192;

    private final ParameterAccess access;

    public PutParameter(ParameterAccess access) {
        this.access = access;
    }

    @Override
    public PutParameterResponse call(PutParameterRequest r, CallContext c) {
        ParameterStore store = access.store();
        String name = store.nameOf(r.name());
        store.checkName(name);
        boolean overwrite = Boolean.TRUE.equals(r.overwrite());
        Map<String, String> tags = SsmErrors.TAGS.check(r.tags());
        if (overwrite && !tags.isEmpty()) {
            throw SsmErrors.validation("Invalid request: tags and overwrite can't be used together. To create a "
                    + "parameter with tags, please remove overwrite flag. To update tags for an existing parameter, "
                    + "please use AddTagsToResource or RemoveTagsFromResource.");
        }
        if (r.policies() != null) {
            throw AwsException.client(
                    "InvalidPolicyTypeException",
                    "Drydock does not support parameter policies (Expiration, ExpirationNotification, "
                            + "NoChangeNotification) yet; leave Policies out.");
        }
        Map<String, List<String>> keys = new LinkedHashMap<>(TagConditions.request(tags));
        keys.put("ssm:Overwrite", List.of(Boolean.toString(overwrite)));
        access.authorize(c, "ssm:PutParameter", name, keys);
        if (!tags.isEmpty()) {
            access.authorize(c, "ssm:AddTagsToResource", name, TagConditions.request(tags));
        }
        Optional<ParameterVersion> previous = store.find(name).map(Parameter::latest);
        if (previous.isPresent() && !overwrite) {
            throw SsmErrors.alreadyExists();
        }
        String type = r.typeAsString() != null
                ? r.typeAsString()
                : previous.map(ParameterVersion::type).orElse(null);
        if (type == null) {
            throw SsmErrors.validation("A parameter type is required when you create a parameter.");
        }
        String dataType = r.dataType() != null ? r.dataType() : "text";
        if (!List.of("text", "aws:ec2:image", "aws:ssm:integration").contains(dataType)) {
            throw SsmErrors.validation(
                    "The following data type is not supported: " + dataType + " (Data type names are all lowercase.)");
        }
        if (dataType.equals("aws:ec2:image") && !r.value().matches("ami-[0-9a-f]{8}([0-9a-f]{9})?")) {
            throw SsmErrors.validation("Parameter value " + r.value() + " is not a valid Amazon Machine Image (AMI) "
                    + "ID for data type aws:ec2:image: it must look like ami-12345678 or ami-1234567890abcdef0.");
        }
        if (r.keyId() != null && !type.equals("SecureString")) {
            throw SsmErrors.validation(
                    "KeyId is only valid for SecureString parameters; " + name + " is a " + type + ".");
        }
        String allowedPattern = r.allowedPattern() != null
                ? r.allowedPattern()
                : previous.map(ParameterVersion::allowedPattern).orElse(null);
        if (allowedPattern != null) {
            try {
                if (!Pattern.compile(allowedPattern).matcher(r.value()).matches()) {
                    throw SsmErrors.patternMismatch(allowedPattern);
                }
            } catch (PatternSyntaxException e) {
                throw SsmErrors.invalidAllowedPattern(
                        "The request doesn't meet the regular expression requirement: " + e.getDescription() + ".");
            }
        }
        String tier =
                tier(r.tierAsString(), previous.map(ParameterVersion::tier).orElse(null), r.value());
        int length = r.value().codePointCount(0, r.value().length());
        if (tier.equals("Standard") && length > STANDARD_MAX) {
            throw SsmErrors.validation("Standard tier parameters support a maximum parameter value of 4096 characters. "
                    + "To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For "
                    + "more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/"
                    + "parameter-store-advanced-parameters.html");
        }
        if (length > ADVANCED_MAX) {
            throw SsmErrors.validation("The specified parameter value is too large. Advanced-tier parameters support "
                    + "a maximum parameter value of 8192 characters.");
        }
        NewVersion version;
        if (type.equals("SecureString")) {
            String keyId = r.keyId() != null
                    ? r.keyId()
                    : previous.filter(ParameterVersion::secure)
                            .map(ParameterVersion::keyId)
                            .orElse("alias/aws/ssm");
            EncryptionKey key = access.key(keyId.equals("alias/aws/ssm") ? null : keyId);
            byte[] ciphertext = access.encrypt(c, name, key, tier, r.value());
            version = new NewVersion(
                    type,
                    null,
                    ciphertext,
                    keyId,
                    key.arn(),
                    r.description(),
                    allowedPattern,
                    tier,
                    dataType,
                    c.caller().arn());
        } else {
            version = new NewVersion(
                    type,
                    r.value(),
                    null,
                    null,
                    null,
                    r.description(),
                    allowedPattern,
                    tier,
                    dataType,
                    c.caller().arn());
        }
        ParameterVersion put = store.put(name, version, overwrite, tags);
        return PutParameterResponse.builder()
                .version(put.version())
                .tier(put.tier())
                .build();
    }

    /** The tier a value gets: the request's, else the previous version's, else Standard. */
    private static String tier(String requested, String previous, String value) {
        if ("Intelligent-Tiering".equals(requested)) {
            return value.codePointCount(0, value.length()) > STANDARD_MAX ? "Advanced" : "Standard";
        }
        if (requested != null) {
            return requested;
        }
        return previous != null ? previous : "Standard";
    }
}
