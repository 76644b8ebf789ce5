package dev.drydock.core;

import dev.drydock.core.internal.protocol.SdkPojoJson;
import dev.drydock.core.spi.AwsException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkPojo;

/**
 * AWS SDK v2 model objects to and from the JSON the AWS JSON protocols put on the wire (the member names of the
 * API reference, timestamps as epoch seconds). Reads the files AWS's tools take, e.g. a task definition in the
 * format of {@code aws ecs register-task-definition --cli-input-json}:
 *
 * <pre>{@code
 * RegisterTaskDefinitionRequest request = AwsJson.read(json, RegisterTaskDefinitionRequest.class);
 * }</pre>
 */
public final class AwsJson {
    private AwsJson() {}

    /**
     * Reads {@code json} as the given SDK model type. Members the type does not have are ignored, as AWS services
     * ignore them.
     *
     * @param type an SDK v2 model class, e.g. {@code RegisterTaskDefinitionRequest.class}
     * @throws IllegalArgumentException when the text is not JSON or a member has the wrong JSON type, naming it
     */
    public static <T extends SdkPojo> T read(String json, Class<T> type) {
        try {
            return SdkPojoJson.read(json.getBytes(StandardCharsets.UTF_8), type);
        } catch (AwsException e) {
            throw new IllegalArgumentException("Cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes an SDK model object as wire JSON; unset members are left out. */
    public static String write(SdkPojo pojo) {
        return new String(SdkPojoJson.write(pojo), StandardCharsets.UTF_8);
    }
}
