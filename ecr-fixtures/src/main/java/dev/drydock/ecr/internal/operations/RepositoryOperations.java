package dev.drydock.ecr.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.RepositoryRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.DeleteRepositoryResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecr.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityRequest;
import software.amazon.awssdk.services.ecr.model.PutImageTagMutabilityResponse;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.Tag;
import software.amazon.awssdk.services.ecr.model.TagResourceRequest;
import software.amazon.awssdk.services.ecr.model.TagResourceResponse;
import software.amazon.awssdk.services.ecr.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecr.model.UntagResourceResponse;

/**
 * Repositories and their tags: CreateRepository, DescribeRepositories, DeleteRepository, PutImageTagMutability,
 * TagResource, UntagResource, ListTagsForResource
 * (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_Operations.html).
 */
public final class RepositoryOperations extends EcrOperations {
    public RepositoryOperations(EcrBackend backend) {
        super(backend);
    }

    /** CreateRepository; {@code ecr:CreateRepository}, and {@code ecr:TagResource} when it carries tags. */
    public CreateRepositoryResponse create(CreateRepositoryRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
        Map<String, String> tags = tags(request.tags());
        Map<String, List<String>> keys = new LinkedHashMap<>();
        tags.forEach((k, v) -> keys.put("aws:RequestTag/" + k, List.of(v)));
        if (!tags.isEmpty()) {
            keys.put("aws:TagKeys", List.copyOf(tags.keySet()));
        }
        authorize(context, "ecr:CreateRepository", name, keys);
        if (!tags.isEmpty()) {
            authorize(context, "ecr:TagResource", name, keys);
        }
        RepositoryRecord r = backend.createRepository(
                name,
                request.imageTagMutabilityAsString(),
                request.imageScanningConfiguration() != null
                        && Boolean.TRUE.equals(
                                request.imageScanningConfiguration().scanOnPush()),
                request.encryptionConfiguration() == null
                        ? null
                        : request.encryptionConfiguration().encryptionTypeAsString(),
                request.encryptionConfiguration() == null
                        ? null
                        : request.encryptionConfiguration().kmsKey(),
                tags);
        return CreateRepositoryResponse.builder().repository(repository(r)).build();
    }

    /** DescribeRepositories: the named repositories, or all (paginated, up to 1000 per page). */
    public DescribeRepositoriesResponse describe(DescribeRepositoriesRequest request, CallContext context) {
        List<Repository> out = new ArrayList<>();
        if (request.hasRepositoryNames() && !request.repositoryNames().isEmpty()) {
            for (String name : request.repositoryNames()) {
                authorize(context, "ecr:DescribeRepositories", name);
                out.add(repository(backend.repository(name)));
            }
            return DescribeRepositoriesResponse.builder().repositories(out).build();
        }
        List<RepositoryRecord> all = backend.repositories();
        for (RepositoryRecord r : all) {
            authorize(context, "ecr:DescribeRepositories", r.name);
            out.add(repository(r));
        }
        Page<Repository> page = Page.of(out, request.maxResults(), request.nextToken(), 100);
        return DescribeRepositoriesResponse.builder()
                .repositories(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    /** DeleteRepository; with images only when {@code force} (they go with it). */
    public DeleteRepositoryResponse delete(DeleteRepositoryRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
        authorize(context, "ecr:DeleteRepository", name);
        RepositoryRecord r = backend.deleteRepository(name, Boolean.TRUE.equals(request.force()));
        return DeleteRepositoryResponse.builder().repository(repository(r)).build();
    }

    /** PutImageTagMutability. */
    public PutImageTagMutabilityResponse putImageTagMutability(
            PutImageTagMutabilityRequest request, CallContext context) {
        String name = required(request.repositoryName(), "repositoryName");
        String mutability = required(request.imageTagMutabilityAsString(), "imageTagMutability");
        authorize(context, "ecr:PutImageTagMutability", name);
        if (!mutability.equals("MUTABLE") && !mutability.equals("IMMUTABLE")) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageTagMutability' failed to satisfy "
                    + "constraint: 'Member must satisfy enum value set: [MUTABLE, IMMUTABLE]'");
        }
        backend.update(name, r -> r.imageTagMutability = mutability);
        return PutImageTagMutabilityResponse.builder()
                .registryId(backend.accountId())
                .repositoryName(name)
                .imageTagMutability(mutability)
                .build();
    }

    /** TagResource on a repository ARN. */
    public TagResourceResponse tagResource(TagResourceRequest request, CallContext context) {
        RepositoryRecord r = byArn(request.resourceArn());
        Map<String, String> tags = tags(request.tags());
        Map<String, List<String>> keys = new LinkedHashMap<>();
        tags.forEach((k, v) -> keys.put("aws:RequestTag/" + k, List.of(v)));
        keys.put("aws:TagKeys", List.copyOf(tags.keySet()));
        authorize(context, "ecr:TagResource", r.name, keys);
        backend.update(r.name, rec -> {
            rec.tags.putAll(tags);
            return null;
        });
        return TagResourceResponse.builder().build();
    }

    /** UntagResource on a repository ARN. */
    public UntagResourceResponse untagResource(UntagResourceRequest request, CallContext context) {
        RepositoryRecord r = byArn(request.resourceArn());
        authorize(context, "ecr:UntagResource", r.name, Map.of("aws:TagKeys", List.copyOf(request.tagKeys())));
        backend.update(r.name, rec -> {
            request.tagKeys().forEach(rec.tags::remove);
            return null;
        });
        return UntagResourceResponse.builder().build();
    }

    /** ListTagsForResource on a repository ARN. */
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request, CallContext context) {
        RepositoryRecord r = byArn(request.resourceArn());
        authorize(context, "ecr:ListTagsForResource", r.name);
        List<Tag> tags = new ArrayList<>();
        backend.update(r.name, rec -> {
            rec.tags.forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
            return null;
        });
        return ListTagsForResourceResponse.builder().tags(tags).build();
    }

    private RepositoryRecord byArn(String arn) {
        required(arn, "resourceArn");
        return backend.findByArn(arn).orElseThrow(() -> {
            String prefix = backend.repositoryArn("");
            if (!arn.startsWith(prefix)) {
                return EcrErrors.invalidParameter("Invalid parameter at 'resourceArn' failed to satisfy "
                        + "constraint: 'Invalid ARN " + arn + "'");
            }
            return EcrErrors.repositoryNotFound(arn.substring(prefix.length()), backend.accountId());
        });
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags != null) {
            for (Tag t : tags) {
                map.put(required(t.key(), "tags.key"), t.value() == null ? "" : t.value());
            }
        }
        return map;
    }
}
