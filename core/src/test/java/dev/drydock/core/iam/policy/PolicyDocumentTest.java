package dev.drydock.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Accessors, positions and immutability of parsed documents. */
class PolicyDocumentTest {

    private static final String TWO_STATEMENTS = String.join(
            "\n",
            "{",
            "  \"Version\": \"2012-10-17\",",
            "  \"Id\": \"orders\",",
            "  \"Statement\": [",
            "    {",
            "      \"Sid\": \"Run\",",
            "      \"Effect\": \"Allow\",",
            "      \"Action\": \"ecs:RunTask\",",
            "      \"Resource\": \"*\",",
            "      \"Condition\": {\"ForAnyValue:StringLike\": {\"aws:TagKeys\": [\"team\", \"env*\"]}, \"Bool\": {\"aws:SecureTransport\": true}}",
            "    },",
            "    {\"Effect\": \"Deny\", \"NotAction\": [\"iam:*\"], \"NotResource\": \"arn:aws:s3:::b\"}",
            "  ]",
            "}");

    @Test
    void exposesElementsAsWritten() {
        PolicyDocument doc = PolicyDocument.parse(TWO_STATEMENTS, PolicyKind.IDENTITY);
        assertThat(doc.version()).contains("2012-10-17");
        assertThat(doc.effectiveVersion()).isEqualTo("2012-10-17");
        assertThat(doc.supportsPolicyVariables()).isTrue();
        assertThat(doc.id()).contains("orders");
        assertThat(doc.kind()).isEqualTo(PolicyKind.IDENTITY);
        assertThat(doc.json()).isSameAs(TWO_STATEMENTS);
        assertThat(doc.statements()).hasSize(2);

        Statement run = doc.statements().get(0);
        assertThat(run.index()).isZero();
        assertThat(run.sid()).isEqualTo("Run");
        assertThat(run.effect()).isEqualTo(Effect.ALLOW);
        assertThat(run.actions()).containsExactly("ecs:RunTask");
        assertThat(run.notActions()).isEmpty();
        assertThat(run.resources()).containsExactly("*");
        assertThat(run.principal()).isNull();
        assertThat(run.conditions()).containsOnlyKeys("ForAnyValue:StringLike", "Bool");
        assertThat(run.conditions().get("ForAnyValue:StringLike"))
                .isEqualTo(Map.of("aws:TagKeys", List.of("team", "env*")));
        assertThat(run.conditions().get("Bool")).isEqualTo(Map.of("aws:SecureTransport", List.of("true")));

        Statement deny = doc.statements().get(1);
        assertThat(deny.sid()).isNull();
        assertThat(deny.effect()).isEqualTo(Effect.DENY);
        assertThat(deny.notActions()).containsExactly("iam:*");
        assertThat(deny.notResources()).containsExactly("arn:aws:s3:::b");
    }

    @Test
    void recordsStatementSourcePositions() {
        PolicyDocument doc = PolicyDocument.parse(TWO_STATEMENTS, PolicyKind.IDENTITY);
        assertThat(doc.statements().get(0).position()).isEqualTo(new SourcePosition(5, 5, 11, 5));
        assertThat(doc.statements().get(1).position()).isEqualTo(new SourcePosition(12, 5, 12, 79));
        assertThat(doc.statements().get(1).position().toString()).isEqualTo("12:5-12:79");
    }

    @Test
    void singleStatementObjectAndAbsentVersion() {
        PolicyDocument doc =
                PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ecs:*\",\"Resource\":\"*\"}}");
        assertThat(doc.version()).isEmpty();
        assertThat(doc.effectiveVersion()).isEqualTo(PolicyDocument.VERSION_2008_10_17);
        assertThat(doc.supportsPolicyVariables()).isFalse();
        assertThat(doc.statements()).singleElement().satisfies(s -> {
            assertThat(s.position().startLine()).isEqualTo(1);
            assertThat(s.position().startColumn()).isEqualTo(14);
        });
    }

    @Test
    void principalElements() {
        PolicyDocument doc = PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":["
                        + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"ecr:BatchGetImage\"},"
                        + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"123456789012\",\"arn:aws:iam::111122223333:role/r\"],"
                        + "\"Service\":\"ecs.amazonaws.com\",\"Federated\":\"cognito-identity.amazonaws.com\","
                        + "\"CanonicalUser\":\"79a59df9\"},\"Action\":\"ecr:*\"}]}",
                PolicyKind.RESOURCE);
        assertThat(doc.statements().get(0).principal().isWildcard()).isTrue();
        PrincipalElement p = doc.statements().get(1).principal();
        assertThat(p.isWildcard()).isFalse();
        assertThat(p.values("AWS")).containsExactly("123456789012", "arn:aws:iam::111122223333:role/r");
        assertThat(p.values("Service")).containsExactly("ecs.amazonaws.com");
        assertThat(p.values("Federated")).containsExactly("cognito-identity.amazonaws.com");
        assertThat(p.values("CanonicalUser")).containsExactly("79a59df9");
        assertThat(p.values()).containsOnlyKeys("AWS", "Service", "Federated", "CanonicalUser");
        assertThat(doc.statements().get(1).resources()).isEmpty();
    }

    @Test
    void collectionsAreImmutable() {
        PolicyDocument doc = PolicyDocument.parse(TWO_STATEMENTS, PolicyKind.IDENTITY);
        assertThatThrownBy(() -> doc.statements().clear()).isInstanceOf(UnsupportedOperationException.class);
        Statement s = doc.statements().get(0);
        assertThatThrownBy(() -> s.actions().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.conditions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.conditions().get("Bool").clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void kindIsRequired() {
        assertThatThrownBy(() -> PolicyDocument.parse("{}", null)).isInstanceOf(NullPointerException.class);
    }
}
