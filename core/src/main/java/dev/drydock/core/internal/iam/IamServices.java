package dev.drydock.core.internal.iam;

import dev.drydock.core.internal.service.AwsService;
import java.time.Clock;
import java.util.List;

/** The IAM and STS APIs (AWS query protocol) over an {@link IamBackend}. */
public final class IamServices {
    private IamServices() {
    }

    /**
     * The IAM service (signing name {@code iam}) and the STS service ({@code sts}) to register on the endpoint.
     *
     * @param iam the account's IAM state
     * @param region the region STS and {@code aws:RequestedRegion} report
     * @param clock the clock
     */
    public static List<AwsService> create(IamBackend iam, String region, Clock clock) {
        return List.of();
    }
}
