package dev.drydock.core.spi;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); an address without a prefix length is a
 * block of one address (/32 or /128). The one IP parser of Drydock: VPC blocks, ELB's source-ip conditions and target
 * addresses, and IAM's {@code IpAddress}/{@code NotIpAddress} condition operators use it. Immutable.
 *
 * <p>Parsing is purely textual (a host name is never looked up): dotted-quad IPv4, and IPv6 in full,
 * {@code ::}-compressed, or with an embedded IPv4 tail. IPv4 and IPv6 never contain each other: an IPv4-mapped IPv6
 * address ({@code ::ffff:192.0.2.9}) is IPv6, inside {@code ::ffff:192.0.2.0/120} and not inside
 * {@code 192.0.2.0/24} (an {@link InetAddress} the JDK made from such text is already IPv4, and is compared as such).
 * An address may carry an IPv6 zone id ({@code fe80::1%eth0}), which names an interface, not an address, and is
 * ignored; a block may not.
 */
public final class Cidr {
    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses a block.
     *
     * @throws IllegalArgumentException when {@code text} is not an IPv4 or IPv6 address with an optional prefix length
     */
    public static Cidr parse(String text) {
        Cidr c = tryParse(text);
        if (c == null) {
            throw new IllegalArgumentException("Not a CIDR block: " + text);
        }
        return c;
    }

    /** Parses a block (surrounding white space ignored), or answers {@code null} when {@code text} is not one. */
    public static Cidr tryParse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (address.indexOf('%') >= 0) {
            return null;
        }
        byte[] bytes = address(address);
        if (bytes == null) {
            return null;
        }
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                return null;
            }
        }
        return new Cidr(mask(bytes, prefix), prefix, t);
    }

    /**
     * The bytes of an IPv4 (4 bytes) or IPv6 (16 bytes) address literal, or {@code null} when {@code text} is not one.
     * An IPv6 zone id ({@code %eth0}) is ignored; an IPv4-mapped IPv6 address stays 16 bytes.
     */
    public static byte[] address(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    }

    /** The prefix length, e.g. 8 for {@code 10.0.0.0/8}. */
    public int prefixLength() {
        return prefix;
    }

    /**
     * Whether {@code address} (an IP address literal; surrounding white space ignored) is in the block; false for
     * anything else.
     */
    public boolean contains(String address) {
        byte[] bytes = address(address == null ? null : address.trim());
        return bytes != null && contains(bytes);
    }

    /** Whether {@code address} is in the block. */
    public boolean contains(InetAddress address) {
        return address != null && contains(address.getAddress());
    }

    private boolean contains(byte[] bytes) {
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (bits == 0 ? 0 : 0xFF << (8 - bits)));
        }
        return out;
    }

    private static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                char c = p.charAt(k);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseV6(String text) {
        String s = text;
        int zone = s.indexOf('%');
        if (zone >= 0) {
            if (zone == s.length() - 1) {
                return null; // '%' without a zone id
            }
            s = s.substring(0, zone);
        }
        byte[] v4tail = null;
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.', lastColon) > lastColon) {
            v4tail = parseV4(s.substring(lastColon + 1));
            if (v4tail == null) {
                return null;
            }
            s = s.substring(0, lastColon + 1) + "0:0";
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        String[] h = head.isEmpty() ? new String[0] : head.split(":", -1);
        String[] t = tail.isEmpty() ? new String[0] : tail.split(":", -1);
        int groups = h.length + t.length;
        if (dbl < 0 && groups != 8 || dbl >= 0 && groups > 7) {
            return null;
        }
        byte[] out = new byte[16];
        int idx = 0;
        for (String g : h) {
            if (!putGroup(out, idx++, g)) {
                return null;
            }
        }
        idx = 8 - t.length;
        for (String g : t) {
            if (!putGroup(out, idx++, g)) {
                return null;
            }
        }
        if (v4tail != null) {
            System.arraycopy(v4tail, 0, out, 12, 4);
        }
        return out;
    }

    private static boolean putGroup(byte[] out, int index, String g) {
        if (g.isEmpty() || g.length() > 4) {
            return false;
        }
        int v = 0;
        for (int k = 0; k < g.length(); k++) {
            int d = Character.digit(g.charAt(k), 16);
            if (d < 0) {
                return false;
            }
            v = v * 16 + d;
        }
        out[index * 2] = (byte) (v >> 8);
        out[index * 2 + 1] = (byte) v;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, Arrays.hashCode(network));
    }

    /** The block as given, e.g. {@code 10.0.0.0/8}. */
    @Override
    public String toString() {
        return text;
    }
}
