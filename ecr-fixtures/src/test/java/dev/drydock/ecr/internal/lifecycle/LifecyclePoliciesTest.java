package dev.drydock.ecr.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.registry.BlobStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lifecycle rules on a clock the test moves: ages, untagged images, patterns, rule priority. */
class LifecyclePoliciesTest {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    BlobStore blobs;
    EcrBackend backend;
    LifecyclePolicies policies;

    @BeforeEach
    void setUp() throws Exception {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        blobs = BlobStore.open(Files.createTempDirectory("lifecycle-test"), "test");
        backend = new EcrBackend("123456789012", "us-east-1", clock, blobs);
        backend.createRepository("repo", null, false, null, null, Map.of());
        policies = new LifecyclePolicies(backend);
    }

    @AfterEach
    void tearDown() {
        blobs.close();
    }

    private String push(String tag, String layer) {
        String config = "{\"layer\":\"" + layer + "\"}";
        for (String blob : List.of(layer, config)) {
            backend.addLayer("repo", blobs.put(blob.getBytes(StandardCharsets.UTF_8)));
        }
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"size\":" + config.length()
                + ",\"digest\":\"" + BlobStore.digestOf(config.getBytes(StandardCharsets.UTF_8)) + "\"},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"size\":" + layer.length()
                + ",\"digest\":\"" + BlobStore.digestOf(layer.getBytes(StandardCharsets.UTF_8)) + "\"}]}";
        return backend.putImage("repo", manifest.getBytes(StandardCharsets.UTF_8), null, tag, false)
                .digest();
    }

    @Test
    void sinceImagePushedExpiresOlderImagesAndRulePriorityDecidesWhoOwnsAnImage() {
        String old = push("release-1", "a");
        now.set(now.get().plus(Duration.ofDays(10)));
        String untagged = push(null, "b");
        String recent = push("dev-1", "c");
        now.set(now.get().plus(Duration.ofDays(3)));

        List<LifecyclePolicies.Rule> rules = LifecyclePolicies.parse("{\"rules\":["
                + "{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"release-*\"],"
                + "\"countType\":\"imageCountMoreThan\",\"countNumber\":5},\"action\":{\"type\":\"expire\"}},"
                + "{\"rulePriority\":2,\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\","
                + "\"countUnit\":\"days\",\"countNumber\":1},\"action\":{\"type\":\"expire\"}},"
                + "{\"rulePriority\":3,\"selection\":{\"tagStatus\":\"any\",\"countType\":\"sinceImagePushed\","
                + "\"countUnit\":\"days\",\"countNumber\":7},\"action\":{\"type\":\"expire\"}}]}");
        // release-1 is 13 days old but belongs to rule 1, which keeps five; the untagged one is 3 days old (rule 2)
        assertThat(policies.evaluate("repo", rules))
                .extracting(LifecyclePolicies.Expiry::digest, LifecyclePolicies.Expiry::rulePriority)
                .containsExactly(Tuple.tuple(untagged, 2));
        now.set(now.get().plus(Duration.ofDays(5)));
        assertThat(policies.evaluate("repo", rules))
                .extracting(LifecyclePolicies.Expiry::digest)
                .containsExactlyInAnyOrder(untagged, recent);
        assertThat(old).isNotNull();
    }

    @Test
    void malformedPoliciesAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> LifecyclePolicies.parse("{\"rules\":[{\"rulePriority\":1,\"selection\":"
                        + "{\"tagStatus\":\"tagged\",\"countType\":\"imageCountMoreThan\",\"countNumber\":1},"
                        + "\"action\":{\"type\":\"expire\"}}]}"))
                .isInstanceOf(AwsException.class)
                .hasMessageContaining("tagPrefixList or tagPatternList");
        assertThatThrownBy(() -> LifecyclePolicies.parse("{\"rules\":[{\"rulePriority\":1,\"selection\":"
                        + "{\"tagStatus\":\"any\",\"countType\":\"sinceImagePushed\",\"countNumber\":1},"
                        + "\"action\":{\"type\":\"expire\"}}]}"))
                .isInstanceOf(AwsException.class)
                .hasMessageContaining("countUnit");
        assertThat(Files.exists(Path.of(blobs.root().toString()))).isTrue();
    }
}
