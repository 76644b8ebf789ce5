package dev.drydock.core.runtime;

/**
 * A network the runtime created.
 *
 * @param id the runtime's network id
 * @param name its name
 * @param subnet its IPv4 subnet in CIDR form, e.g. {@code 172.18.0.0/16}
 * @param gateway the gateway address, which on a Linux engine is the host's address on that network
 */
public record NetworkInfo(String id, String name, String subnet, String gateway) {}
