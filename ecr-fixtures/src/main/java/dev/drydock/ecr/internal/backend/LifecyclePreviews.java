package dev.drydock.ecr.internal.backend;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lifecycle policy previews StartLifecyclePolicyPreview started, by repository: the policy text each previews
 * (one per repository; a new preview replaces the last). Thread-safe.
 */
public final class LifecyclePreviews {
    private final Map<String, String> byRepository = new ConcurrentHashMap<>();

    /** Records a preview of {@code policyText} for {@code repository}. */
    public void put(String repository, String policyText) {
        byRepository.put(repository, policyText);
    }

    /** The policy text of the repository's preview, or {@code null} when none was started. */
    public String get(String repository) {
        return byRepository.get(repository);
    }
}
