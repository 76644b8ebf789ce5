package dev.drydock.ecr;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.BadInputSuite;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.TagStatus;

/**
 * {@link BadInputSuite} for ECR: bad input generated from ECR's model for every operation Drydock implements, plus
 * the cases the issue reported (10,000 exclusion filters, an unknown encryption type); never a 5xx, nothing stored.
 */
class EcrBadInputTest extends BadInputSuite {
    private EcrClient ecr;
    private String digest;

    EcrBadInputTest() {
        super(EcrClient.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        ecr = drydock.client(EcrClient.builder());
        ecr.createRepository(
                r -> r.repositoryName("bad-input").tags(t -> t.key("team").value("orders")));
        digest = TestImages.push(ecr, "bad-input", "v1", "a layer");
        ecr.setRepositoryPolicy(r -> r.repositoryName("bad-input")
                .policyText("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"ecr:*\"}]}"));
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of("repositoryName", "bad-input", "imageDigest", digest, "imageTag", "v1");
    }

    @Override
    protected List<Case> cases() {
        String filter = "{\"filterType\":\"WILDCARD\",\"filter\":\"v*\"}";
        return List.of(
                jsonCase(
                        "CreateRepository",
                        "{\"repositoryName\":\"new-one\",\"imageTagMutabilityExclusionFilters\":["
                                + String.join(",", Collections.nCopies(10_000, filter)) + "]}",
                        "InvalidParameterException",
                        "Invalid parameter at 'imageTagMutabilityExclusionFilters' failed to satisfy constraint: "
                                + "'Member must have length less than or equal to 5'"),
                jsonCase(
                        "CreateRepository",
                        "{\"repositoryName\":\"new-two\",\"encryptionConfiguration\":{\"encryptionType\":\"ROT13\"}}",
                        "InvalidParameterException",
                        "Invalid parameter at 'encryptionConfiguration.encryptionType' failed to satisfy constraint: "
                                + "'Member must satisfy enum value set: [AES256, KMS, KMS_DSSE]'"),
                jsonCase(
                        "DescribeRepositories",
                        "{\"repositoryNames\":[" + String.join(",", Collections.nCopies(101, "\"r\"")) + "]}",
                        "InvalidParameterException",
                        "Invalid parameter at 'repositoryNames' failed to satisfy constraint: 'Member must have length "
                                + "less than or equal to 100'"),
                jsonCase(
                        "DescribeImages",
                        "{\"repositoryName\":\"bad-input\",\"maxResults\":1001}",
                        "InvalidParameterException",
                        "Invalid parameter at 'maxResults' failed to satisfy constraint: 'Member must have value less "
                                + "than or equal to 1000'"),
                jsonCase(
                        "ListImages",
                        "{}",
                        "ValidationException",
                        "1 validation error detected: Value null at 'repositoryName' failed to satisfy constraint: "
                                + "Member must not be null"));
    }

    @Override
    protected Object state() {
        Map<String, Object> s = new LinkedHashMap<>();
        for (Repository r : ecr.describeRepositories().repositories()) {
            String policy;
            try {
                policy = ecr.getRepositoryPolicy(p -> p.repositoryName(r.repositoryName()))
                        .policyText();
            } catch (RepositoryPolicyNotFoundException e) {
                policy = null;
            }
            s.put(
                    r.repositoryName(),
                    Arrays.asList(
                            r.imageTagMutabilityAsString(),
                            r.encryptionConfiguration(),
                            r.imageScanningConfiguration(),
                            ecr.listTagsForResource(t -> t.resourceArn(r.repositoryArn()))
                                    .tags(),
                            ecr.listImages(i -> i.repositoryName(r.repositoryName())
                                            .filter(f -> f.tagStatus(TagStatus.ANY)))
                                    .imageIds(),
                            policy));
        }
        return s;
    }
}
