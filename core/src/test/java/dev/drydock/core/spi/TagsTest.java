package dev.drydock.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.Tag;

/** The tag store, tag rules and tag condition keys every service shares; no Docker, no endpoint. */
class TagsTest {
    private static final TagRules RULES = TagRules.builder()
            .maxTags(3)
            .error(v -> AwsException.client("InvalidParameterException", v.kind() + " " + v.key() + " " + v.count()))
            .build();

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void theStoreKeepsEachResourcesTagsInOrderAndFeedsResourceTagConditions() {
        TagStore store = new TagStore(RULES);
        store.put("arn:a", Map.of("team", "shop"));
        store.tag("arn:a", Map.of("env", "test"));
        store.tag("arn:a", Map.of("team", "orders"));
        assertThat(store.tags("arn:a")).containsExactly(entry("team", "orders"), entry("env", "test"));
        assertThat(store.apply("arn:a")).isEqualTo(store.tags("arn:a"));
        assertThat(store.tags("arn:unknown")).isEmpty();
        store.untag("arn:a", List.of("team", "absent"));
        assertThat(store.tags("arn:a")).containsExactly(entry("env", "test"));
        store.remove("arn:a");
        assertThat(store.tags("arn:a")).isEmpty();
    }

    @Test
    void theStoreRefusesMoreTagsThanTheRulesAllowAndChangesNothing() {
        TagStore store = new TagStore(RULES);
        store.put("arn:a", Map.of("a", "1", "b", "2"));
        store.tag("arn:a", Map.of("a", "replaced", "c", "3"));
        assertThatThrownBy(() -> store.tag("arn:a", Map.of("d", "4")))
                .isInstanceOf(AwsException.class)
                .hasMessage("TOO_MANY null 4");
        assertThat(store.tags("arn:a")).hasSize(3).containsEntry("a", "replaced");
        TagStore unlimited = new TagStore(null);
        unlimited.tag("arn:b", Map.of("1", "", "2", "", "3", "", "4", ""));
        assertThat(unlimited.tags("arn:b")).hasSize(4);
    }

    @Test
    void theRulesCheckCountKeysValuesAndTheReservedPrefixInTheServicesWords() {
        assertThat(RULES.check(List.of(tag("team", "shop"), tag("env", null))))
                .containsExactly(entry("team", "shop"), entry("env", ""));
        assertThatThrownBy(() -> RULES.check(List.of(tag("a", ""), tag("b", ""), tag("c", ""), tag("d", ""))))
                .hasMessage("TOO_MANY null 4");
        assertThatThrownBy(() -> RULES.check(List.of(tag("", "v")))).hasMessage("KEY_LENGTH  1");
        assertThatThrownBy(() -> RULES.check(List.of(tag("k".repeat(129), "v"))))
                .hasMessageStartingWith("KEY_LENGTH kkk");
        assertThatThrownBy(() -> RULES.check(List.of(tag("k", "v".repeat(257)))))
                .hasMessage("VALUE_LENGTH k 1");
        assertThatThrownBy(() -> RULES.check(List.of(tag("aws:x", "v")))).hasMessage("RESERVED_PREFIX aws:x 1");
        assertThat(RULES.check(List.of(tag("AWS:x", "v")))).containsKey("AWS:x");
        TagRules ecsLike = TagRules.builder()
                .reservedPrefixIgnoresCase()
                .valueRequired()
                .error(v -> AwsException.client("X", v.kind().name()))
                .build();
        assertThatThrownBy(() -> ecsLike.check(List.of(tag("AWS:x", "v")))).hasMessage("RESERVED_PREFIX");
        assertThatThrownBy(() -> ecsLike.check(List.of(tag("k", null)))).hasMessage("VALUE_LENGTH");
        List<Tag> many = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> many.add(tag("k" + i, "v")));
        assertThat(RULES.checkEach(many)).hasSize(5);
        assertThat(RULES.check(null)).isEmpty();
    }

    @Test
    void requestTagsBecomeRequestTagAndTagKeysConditions() {
        Map<String, List<String>> keys = TagConditions.request(List.of(tag("team", "shop"), tag("env", null)));
        assertThat(keys)
                .containsExactly(
                        entry("aws:RequestTag/team", List.of("shop")),
                        entry("aws:RequestTag/env", List.of("")),
                        entry("aws:TagKeys", List.of("team", "env")));
        assertThat(TagConditions.request(Collections.<Tag>emptyList())).isEmpty();
        assertThat(TagConditions.request((Map<String, String>) null)).isEmpty();
        assertThat(TagConditions.tagKeys(List.of("a", "b"))).containsExactly(entry("aws:TagKeys", List.of("a", "b")));
        assertThat(TagConditions.tagKeys(List.of())).containsExactly(entry("aws:TagKeys", List.of()));
        assertThat(TagConditions.resource("ecs", Map.of("team", "shop")))
                .containsExactly(entry("ecs:ResourceTag/team", List.of("shop")));
    }

    @Test
    void aShapeThatIsNotATagIsRefusedPlainly() {
        assertThatThrownBy(() -> RULES.check(List.of("not a tag"))).isInstanceOf(IllegalArgumentException.class);
    }
}
