package dev.drydock.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.spi.Cidr;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit tests of the package-private matchers. */
class MatcherTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "*|anything|true",
                "ecs:Describe*|ecs:DescribeClusters|true",
                "ecs:Describe*|ecs:Describe|true",
                "ecs:Describe*|ecs:Delete|false",
                "a*b*c|aXXbYYc|true",
                "a*b*c|aXXbYY|false",
                "*test*|1/2/test/3|true",
                "a?c|abc|true",
                "a?c|ac|false",
                "**|x|true",
                "exact|exact|true",
                "exact|Exact|false"
            })
    void globMatches(String pattern, String value, boolean expected) {
        assertThat(Glob.compile(pattern, false).matches(value)).isEqualTo(expected);
    }

    @Test
    void ignoreCaseGlob() {
        assertThat(Glob.compile("ECS:run*", true).matches("ecs:RunTask")).isTrue();
        assertThat(Glob.compile("ecs:RunTask", true).matches("ECS:RUNTASK")).isTrue();
    }

    @Test
    void templatesEscapeAndSubstitute() {
        Template t = Template.parse("a/${x}/${*}${?}${$}/*", true, true);
        assertThat(t.hasVariables()).isTrue();
        assertThat(t.variableKeys()).containsExactly("x");
        Glob g = t.resolveGlob(k -> k.equals("x") ? "v*" : null, false);
        assertThat(g.matches("a/v*/*?$/anything")).isTrue();
        assertThat(g.matches("a/vX/*?$/anything")).isFalse();
        assertThat(t.resolveGlob(k -> null, false)).isNull();
        Template d = Template.parse("${aws:PrincipalTag/team, 'company-wide'}", true, false);
        assertThat(d.resolveText(k -> null)).isEqualTo("company-wide");
        assertThat(Template.parse("${x}", false, false).resolveText(k -> "v")).isEqualTo("${x}");
    }

    @ParameterizedTest(name = "{0} contains {1} -> {2}")
    @CsvSource({
        "203.0.113.0/24,203.0.113.255,true",
        "203.0.113.0/24,203.0.114.1,false",
        "10.0.0.0/8,10.255.1.2,true",
        "198.51.100.7,198.51.100.7,true",
        "198.51.100.7,198.51.100.8,false",
        "0.0.0.0/0,1.2.3.4,true",
        "2001:DB8:1234:5678::/64,2001:db8:1234:5678:ffff::1,true",
        "2001:DB8:1234:5678::/64,2001:db8:1234:5679::1,false",
        "::1,::1,true",
        "::ffff:192.0.2.0/120,::ffff:192.0.2.9,true",
        "192.0.2.0/24,::ffff:192.0.2.9,false",
        "10.0.0.0/7,11.1.1.1,true",
        "10.0.0.0/7,12.1.1.1,false"
    })
    void ipRanges(String cidr, String address, boolean expected) {
        Cidr r = Cidr.tryParse(cidr);
        assertThat(r).isNotNull();
        assertThat(r.contains(address)).isEqualTo(expected);
    }

    @Test
    void invalidIpText() {
        assertThat(Cidr.tryParse("300.1.1.1")).isNull();
        assertThat(Cidr.tryParse("example.com")).isNull();
        assertThat(Cidr.tryParse("10.0.0.0/33")).isNull();
        assertThat(Cidr.tryParse("1::2::3")).isNull();
        assertThat(Cidr.tryParse("10.0.0.0/8").contains("not-an-ip")).isFalse();
    }

    @Test
    void dates() {
        assertThat(DateValues.parse("2020-04-01T00:00:00Z")).isEqualTo(Instant.parse("2020-04-01T00:00:00Z"));
        assertThat(DateValues.parse("2020-04-01T02:00:00+02:00")).isEqualTo(Instant.parse("2020-04-01T00:00:00Z"));
        assertThat(DateValues.parse("2020-04-01T00:00Z")).isEqualTo(Instant.parse("2020-04-01T00:00:00Z"));
        assertThat(DateValues.parse("2020-04-01")).isEqualTo(Instant.parse("2020-04-01T00:00:00Z"));
        assertThat(DateValues.parse("2020-04")).isEqualTo(Instant.parse("2020-04-01T00:00:00Z"));
        assertThat(DateValues.parse("2020")).as("all digits are epoch seconds").isEqualTo(Instant.ofEpochSecond(2020));
        assertThat(DateValues.parse("1585699200")).isEqualTo(Instant.parse("2020-04-01T00:00:00Z"));
        assertThat(DateValues.parse("1585699200.5")).isEqualTo(Instant.parse("2020-04-01T00:00:00.5Z"));
        assertThat(DateValues.parse("2020-04-01T00:00:00.123Z")).isEqualTo(Instant.parse("2020-04-01T00:00:00.123Z"));
        assertThat(DateValues.parse("yesterday")).isNull();
        assertThat(DateValues.parse("234-13")).isNull();
    }

    @Test
    void arnPatterns() {
        ArnPattern p = ArnPattern.of(Glob.compile("arn:aws:ecs:*:123456789012:task-definition/web:*", false));
        assertThat(p.matches("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"))
                .isTrue();
        assertThat(p.matches("arn:aws:ecs:us-east-1:999999999999:task-definition/web:3"))
                .isFalse();
        assertThat(p.matches("arn:aws:ecs:us-east-1")).isFalse();
        ArnPattern shortPattern = ArnPattern.of(Glob.compile("arn:aws:ecs:*", false));
        assertThat(shortPattern.matches("arn:aws:ecs:us-east-1:123456789012:cluster/x"))
                .isTrue();
        assertThat(ArnPattern.of(Glob.compile("*", false)).isMatchAll()).isTrue();
    }
}
