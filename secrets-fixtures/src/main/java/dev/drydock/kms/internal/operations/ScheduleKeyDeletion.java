package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;

/**
 * ScheduleKeyDeletion, as
 * <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html">the AWS KMS API
 * reference</a> describes it: the key is PendingDeletion for {@code PendingWindowInDays} (7-30, default 30) days,
 * then deleted with its aliases (a day is shortened by the setting {@code secrets.day-length}).
 * {@code kms:ScheduleKeyDeletion} on the key, with {@code kms:ScheduleKeyDeletionPendingWindowInDays}.
 */
public final class ScheduleKeyDeletion implements Operation<ScheduleKeyDeletionRequest, ScheduleKeyDeletionResponse> {
    private final KeyAccess access;

    public ScheduleKeyDeletion(KeyAccess access) {
        this.access = access;
    }

    @Override
    public ScheduleKeyDeletionResponse call(ScheduleKeyDeletionRequest r, CallContext c) {
        int days = r.pendingWindowInDays() == null ? 30 : r.pendingWindowInDays();
        if (days < 7 || days > 30) {
            throw KmsErrors.validation("1 validation error detected: Value '" + days + "' at 'pendingWindowInDays' "
                    + "failed to satisfy constraint: Member must have value "
                    + (days < 7 ? "greater than or equal to 7" : "less than or equal to 30"));
        }
        KmsKey key = access.backend().key(r.keyId(), false);
        access.authorize(
                c,
                "kms:ScheduleKeyDeletion",
                key,
                Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", List.of(Integer.toString(days))));
        KmsKey pending = access.backend().scheduleDeletion(key.keyId(), days);
        return ScheduleKeyDeletionResponse.builder()
                .keyId(pending.arn())
                .deletionDate(pending.deletionDate())
                .keyState(pending.state())
                .pendingWindowInDays(days)
                .build();
    }
}
