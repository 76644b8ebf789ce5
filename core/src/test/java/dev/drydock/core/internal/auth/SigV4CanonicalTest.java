package dev.drydock.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit tests of the canonicalization rules of "Create a signed AWS API request" for non-S3 services. */
class SigV4CanonicalTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|/",
                "/|/",
                "//|/",
                "/./|/",
                "/a/./b/../c|/a/c",
                "/a/b/../../..|/",
                "//example//|/example/",
                "/example space/|/example%20space/",
                "/fs%20one|/fs%2520one",
                "/a%2Fb|/a%252Fb",
                "/-._~|/-._~",
                "/a:b@c!$&'()*+,;=|/a%3Ab%40c%21%24%26%27%28%29%2A%2B%2C%3B%3D",
                "/caf\u00e9|/caf%C3%A9",
            })
    void canonicalUriNormalizesThenEncodesAgain(String rawPath, String expected) {
        assertThat(SigV4Canonical.canonicalUri(rawPath)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|''",
                "b=2&a=1|a=1&b=2",
                "a=2&a=1&a=10|a=1&a=10&a=2",
                "Param-3=x&Param=y|Param=y&Param-3=x",
                "flag&empty=|empty=&flag=",
                "a=b%20c|a=b%20c",
                "a=b+c|a=b%20c",
                "a=b%2Bc|a=b%2Bc",
                "a=%2a%7e|a=%2A~",
                "a=*!|a=%2A%21",
                "%E1%88%B4=bar|%E1%88%B4=bar",
                "a=1&&b=2|a=1&b=2",
                "a=%zz|a=%25zz",
            })
    void canonicalQueryDecodesReencodesAndSorts(String rawQuery, String expected) {
        assertThat(SigV4Canonical.canonicalQueryString(SigV4Canonical.parseQuery(rawQuery), Set.of()))
                .isEqualTo(expected);
    }

    @Test
    void presignedQueryLeavesOutTheSignature() {
        assertThat(SigV4Canonical.canonicalQueryString(
                        SigV4Canonical.parseQuery("X-Amz-Signature=abc&Action=x&X-Amz-Date=1"),
                        Set.of(SigV4AuthParameters.X_AMZ_SIGNATURE)))
                .isEqualTo("Action=x&X-Amz-Date=1");
    }

    @Test
    void headerValuesAreTrimmedCollapsedAndJoined() {
        assertThat(SigV4Canonical.canonicalHeaderValue(List.of("  a   b\tc  ", "value1\r\n  value2", "", "x")))
                .isEqualTo("a b c,value1 value2,,x");
    }

    @Test
    void uriEncodeUsesUppercaseHexAndKeepsUnreserved() {
        assertThat(SigV4Canonical.uriEncode("aZ09-._~ /\u00ff".getBytes(StandardCharsets.UTF_8), false))
                .isEqualTo("aZ09-._~%20%2F%C3%BF");
        assertThat(SigV4Canonical.uriEncode("a/b".getBytes(StandardCharsets.UTF_8), true))
                .isEqualTo("a/b");
    }

    @Test
    void signingKeyMatchesAwsDocumentationExample() {
        // "Examples of how to derive a signing key for Signature Version 4" (AWS General Reference).
        byte[] key = SigV4Crypto.signingKey(
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam", "aws4_request");

        assertThat(SigV4Crypto.hex(key)).isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }
}
