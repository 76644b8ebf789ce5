package dev.drydock.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.internal.protocol.RestJsonCodec.UriTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The REST-JSON request URI templates and query strings (the body is {@link SdkPojoJson}'s, tested with EFS). */
class RestJsonCodecTest {

    @Test
    void templatesMatchLiteralSegmentsAndDecodeVariables() {
        UriTemplate t = new UriTemplate("/2015-02-01/resource-tags/{ResourceId}");
        assertThat(t.match("/2015-02-01/resource-tags/arn%3Aaws%3Aelasticfilesystem%3Aus-east-1%3A123456789012"
                        + "%3Afile-system%2Ffs-0123"))
                .isEqualTo(
                        Map.of("ResourceId", "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123"));
        assertThat(t.match("/2015-02-01/resource-tags")).isNull();
        assertThat(t.match("/2015-02-01/resource-tags/x/y")).isNull();
        assertThat(t.match("/2015-02-01/file-systems/x")).isNull();
        assertThat(t.literalSegments()).isEqualTo(2);
    }

    @Test
    void aMoreLiteralTemplateIsMoreSpecific() {
        UriTemplate policy = new UriTemplate("/2015-02-01/file-systems/{FileSystemId}/policy");
        UriTemplate fs = new UriTemplate("/2015-02-01/file-systems/{FileSystemId}");
        assertThat(policy.match("/2015-02-01/file-systems/fs-1/policy")).containsEntry("FileSystemId", "fs-1");
        assertThat(fs.match("/2015-02-01/file-systems/fs-1/policy")).isNull();
        assertThat(policy.literalSegments()).isGreaterThan(fs.literalSegments());
    }

    @Test
    void greedyVariablesTakeTheRestOfThePath() {
        UriTemplate t = new UriTemplate("/objects/{Key+}?x-id=GetObject");
        assertThat(t.pattern()).isEqualTo("/objects/{Key+}");
        assertThat(t.match("/objects/a/b%20c")).isEqualTo(Map.of("Key", "a/b c"));
    }

    @Test
    void queryParametersKeepEveryValueInOrder() {
        assertThat(RestJsonCodec.parseQuery("tagKeys=a&tagKeys=b%2Bc&MaxItems=5&flag"))
                .containsEntry("tagKeys", List.of("a", "b+c"))
                .containsEntry("MaxItems", List.of("5"))
                .containsEntry("flag", List.of(""));
        assertThat(RestJsonCodec.parseQuery(null)).isEmpty();
    }
}
