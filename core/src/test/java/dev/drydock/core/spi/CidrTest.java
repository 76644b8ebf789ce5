package dev.drydock.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8,10.255.1.2,true",
        "10.0.0.0/8,11.0.0.1,false",
        "172.16.0.0/12,172.31.255.255,true",
        "172.16.0.0/12,172.32.0.0,false",
        "192.0.2.7,192.0.2.7,true",
        "192.0.2.7,192.0.2.8,false",
        "0.0.0.0/0,203.0.113.9,true",
        "2001:db8::/32,2001:DB8:ffff::1,true",
        "2001:db8::/32,2001:db9::1,false",
        "::/0,::1,true",
        "::1,0:0:0:0:0:0:0:1,true",
        // IPv4 and IPv6 never contain each other
        "::/0,10.0.0.1,false",
        "0.0.0.0/0,::1,false",
        // an IPv4-mapped IPv6 address is IPv6 (as IAM's IpAddress operator has always had it)
        "::ffff:192.0.2.0/120,::ffff:192.0.2.9,true",
        "::ffff:192.0.2.0/120,::ffff:c000:209,true",
        "::ffff:192.0.2.0/120,::ffff:192.0.3.9,false",
        "192.0.2.0/24,::ffff:192.0.2.9,false",
        "::ffff:192.0.2.0/120,192.0.2.9,false",
        // a zone id names an interface, not an address: ignored in an address
        "fe80::/10,fe80::1%eth0,true",
        "fe80::1,fe80::1%25,true",
        "fe80::/10,fe80::1%,false",
        // anything but an address literal is in no block
        "10.0.0.0/8,not-an-ip,false",
        "10.0.0.0/8,localhost,false",
        "10.0.0.0/8,10.0.0.256,false",
        "10.0.0.0/8,10.0.0,false"
    })
    void contains(String block, String address, boolean expected) {
        assertThat(Cidr.parse(block).contains(address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "300.1.1.1",
                "example.com",
                "localhost",
                "10.0.0.0/33",
                "::/129",
                "10.0.0.0/",
                "10.0.0.0/-1",
                "10.0.0.0/+8",
                "1::2::3",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7",
                "12345::",
                "::ffff:1.2.3",
                "fe80::%eth0/64",
                "fe80::1%eth0",
                "[::1]",
                "1.2.3.4.5",
                "01.2.3.4.5",
                ""
            })
    void refusesWhatIsNotABlock(String text) {
        assertThat(Cidr.tryParse(text)).isNull();
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a CIDR block");
    }

    @Test
    void addressesAreReadWithoutLookingUpNamesAndKeepTheirFamily() {
        assertThat(Cidr.address("10.1.2.3")).containsExactly(10, 1, 2, 3);
        assertThat(Cidr.address("::ffff:10.1.2.3")).hasSize(16);
        assertThat(Cidr.address("::ffff:10.1.2.3")).endsWith(0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3);
        assertThat(Cidr.address("fe80::1%eth0")).isEqualTo(Cidr.address("fe80::1"));
        assertThat(Cidr.address("localhost")).isNull();
        assertThat(Cidr.address(null)).isNull();
    }

    @Test
    void anInetAddressIsComparedAsTheJdkMadeIt() throws Exception {
        // the JDK turns IPv4-mapped text into an Inet4Address: a client connecting over IPv4 is IPv4
        InetAddress mapped = InetAddress.getByName("::ffff:192.0.2.9");
        assertThat(Cidr.parse("192.0.2.0/24").contains(mapped)).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8::5")))
                .isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").contains((InetAddress) null)).isFalse();
    }

    @Test
    void blocksAreMaskedEqualAndKeepTheirText() {
        assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(Cidr.parse("10.1.2.3/8")).hasSameHashCodeAs(Cidr.parse("10.0.0.0/8"));
        assertThat(Cidr.parse("10.0.0.0/8")).isNotEqualTo(Cidr.parse("10.0.0.0/9"));
        assertThat(Cidr.parse(" 10.1.2.3/8 ").toString()).isEqualTo("10.1.2.3/8");
        assertThat(Cidr.parse("2001:db8::/32").prefixLength()).isEqualTo(32);
        assertThat(Cidr.parse("192.0.2.7").prefixLength()).isEqualTo(32);
        assertThat(Cidr.parse("::1").prefixLength()).isEqualTo(128);
    }
}
