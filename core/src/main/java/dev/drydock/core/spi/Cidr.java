package dev.drydock.core.spi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); an address without a prefix length is a
 * block of one address. Parsing is textual: a host name is never looked up. IPv4 and IPv6 never contain each other.
 * Immutable.
 */
public final class Cidr {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

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

    /** Parses a block, or answers {@code null} when {@code text} is not one. */
    public static Cidr tryParse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = address(address);
        if (bytes == null) {
            return null;
        }
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                return null;
            }
        }
        return new Cidr(mask(bytes, prefix), prefix, t);
    }

    /** The bytes of an IPv4 or IPv6 address literal, or {@code null} when {@code text} is not one. */
    public static byte[] address(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !IPV6.matcher(text).matches()) {
            return null;
        }
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** The prefix length, e.g. 8 for {@code 10.0.0.0/8}. */
    public int prefixLength() {
        return prefix;
    }

    /** Whether {@code address} (an IP address literal) is in the block; false for anything else. */
    public boolean contains(String address) {
        byte[] bytes = address(address);
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
