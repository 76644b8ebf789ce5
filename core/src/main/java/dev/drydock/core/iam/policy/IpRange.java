package dev.drydock.core.iam.policy;

/**
 * An IPv4 or IPv6 CIDR block for the {@code IpAddress}/{@code NotIpAddress} operators ("IAM JSON policy elements:
 * Condition operators", IP address section). An address without a prefix length means /32 (IPv4) or /128 (IPv6).
 * Parsing is purely textual (no DNS): dotted-quad IPv4, and IPv6 in full, {@code ::}-compressed, or with an
 * embedded IPv4 tail. IPv4 and IPv6 never match each other.
 */
final class IpRange {

    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** @return the range, or null when the text is not a valid address or CIDR block. */
    static IpRange parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        String addr = slash >= 0 ? t.substring(0, slash) : t;
        byte[] bytes = parseAddress(addr);
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
        return new IpRange(bytes, prefix);
    }

    boolean contains(String address) {
        byte[] a = parseAddress(address == null ? "" : address.trim());
        if (a == null || a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rem = prefix % 8;
        if (rem == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rem)) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** @return 4 or 16 bytes, or null when not a literal address. */
    static byte[] parseAddress(String s) {
        if (s.indexOf(':') >= 0) {
            return parseV6(s);
        }
        return parseV4(s);
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

    private static byte[] parseV6(String s) {
        int zone = s.indexOf('%');
        if (zone >= 0) {
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
        if (dbl < 0 && groups != 8) {
            return null;
        }
        if (dbl >= 0 && groups > 7) {
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
}
