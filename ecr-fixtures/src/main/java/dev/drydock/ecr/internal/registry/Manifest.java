package dev.drydock.ecr.internal.registry;

import dev.drydock.core.spi.JsonTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An image manifest as a registry checks it on push: Docker Image Manifest V2 Schema 2, a Docker manifest list, an
 * OCI image manifest or an OCI image index (https://github.com/opencontainers/image-spec/blob/main/manifest.md,
 * .../image-index.md, https://distribution.github.io/distribution/spec/manifest-v2-2/).
 *
 * @param mediaType the manifest's media type
 * @param configDigest the config blob's digest (image manifests), or {@code null} for indexes
 * @param configMediaType the config blob's media type (ECR's {@code artifactMediaType}), or {@code null}
 * @param layers the layer blobs' digests in order (image manifests)
 * @param layersSize the sum of the layers' sizes in bytes
 * @param children the digests of the manifests an index lists
 */
public record Manifest(
        String mediaType,
        String configDigest,
        String configMediaType,
        List<String> layers,
        long layersSize,
        List<String> children) {

    public static final String DOCKER_V2 = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    /** The media types Drydock's registry stores. */
    public static final Set<String> MEDIA_TYPES = Set.of(DOCKER_V2, DOCKER_LIST, OCI_MANIFEST, OCI_INDEX);

    /** Whether this manifest lists other manifests (an index or manifest list). */
    public boolean isIndex() {
        return DOCKER_LIST.equals(mediaType) || OCI_INDEX.equals(mediaType);
    }

    /** Every blob the manifest references: config then layers. */
    public List<String> blobs() {
        List<String> all = new ArrayList<>();
        if (configDigest != null) {
            all.add(configDigest);
        }
        all.addAll(layers);
        return all;
    }

    /**
     * Parses and checks a manifest.
     *
     * @param body the manifest bytes
     * @param contentType the {@code Content-Type} it was sent with (or ECR's {@code imageManifestMediaType}), or
     *     {@code null}
     * @throws InvalidManifestException saying what is wrong
     */
    public static Manifest parse(byte[] body, String contentType) {
        Object tree;
        try {
            tree = JsonTree.parse(body);
        } catch (IOException | RuntimeException e) {
            throw new InvalidManifestException("the manifest is not JSON: " + e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> m)) {
            throw new InvalidManifestException("the manifest is not a JSON object");
        }
        if (!Long.valueOf(2).equals(m.get("schemaVersion"))) {
            throw new InvalidManifestException("schemaVersion must be 2 (schema 1 manifests are not supported)");
        }
        String declared = m.get("mediaType") instanceof String s ? s : null;
        String type = contentType == null ? null : contentType.split(";")[0].trim();
        if (type != null
                && (type.isEmpty() || type.equals("application/json") || type.equals("application/octet-stream"))) {
            type = null;
        }
        if (declared != null && type != null && !declared.equals(type)) {
            throw new InvalidManifestException(
                    "the manifest's mediaType " + declared + " differs from its content " + "type " + type);
        }
        String mediaType = declared != null
                ? declared
                : type != null ? type : m.containsKey("manifests") ? OCI_INDEX : OCI_MANIFEST;
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new InvalidManifestException("unsupported manifest media type " + mediaType + "; use one of "
                    + String.join(", ", new TreeSet<>(MEDIA_TYPES)));
        }
        if (DOCKER_LIST.equals(mediaType) || OCI_INDEX.equals(mediaType)) {
            List<String> children = new ArrayList<>();
            for (Map<?, ?> d : descriptors(m.get("manifests"), "manifests")) {
                children.add(digest(d, "manifests"));
            }
            return new Manifest(mediaType, null, null, List.of(), 0, List.copyOf(children));
        }
        if (!(m.get("config") instanceof Map<?, ?> config)) {
            throw new InvalidManifestException("the manifest has no config descriptor");
        }
        String configDigest = digest(config, "config");
        List<String> layers = new ArrayList<>();
        long size = 0;
        for (Map<?, ?> d : descriptors(m.get("layers"), "layers")) {
            layers.add(digest(d, "layers"));
            size += d.get("size") instanceof Long l ? l : 0;
        }
        return new Manifest(
                mediaType,
                configDigest,
                config.get("mediaType") instanceof String s ? s : null,
                List.copyOf(layers),
                size,
                List.of());
    }

    private static List<Map<?, ?>> descriptors(Object value, String member) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidManifestException("the manifest has no " + member + " array");
        }
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> d)) {
                throw new InvalidManifestException(member + " holds something that is not a descriptor object");
            }
            out.add(d);
        }
        return out;
    }

    private static String digest(Map<?, ?> descriptor, String member) {
        if (!(descriptor.get("digest") instanceof String d)
                || !BlobStore.DIGEST.matcher(d).matches()) {
            throw new InvalidManifestException("a descriptor in " + member + " has no valid sha256 digest");
        }
        if (!(descriptor.get("size") instanceof Long)) {
            throw new InvalidManifestException("the descriptor of " + d + " has no size");
        }
        return d;
    }

    /** A manifest the registry refuses. */
    public static final class InvalidManifestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidManifestException(String message) {
            super(message);
        }
    }
}
