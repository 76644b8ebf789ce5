package dev.drydock.samples;

import dev.drydock.core.AwsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

/** Reads the samples' task definition files (the format of {@code aws ecs register-task-definition --cli-input-json}). */
final class AwsCliTasks {
    private AwsCliTasks() {}

    static RegisterTaskDefinitionRequest definition(String resource) {
        try (InputStream in = AwsCliTasks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + " is not on the test classpath");
            }
            return AwsJson.read(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), RegisterTaskDefinitionRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
