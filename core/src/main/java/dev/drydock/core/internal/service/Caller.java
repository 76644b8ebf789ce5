package dev.drydock.core.internal.service;

/**
 * The authenticated principal behind a request.
 *
 * @param arn the principal ARN, e.g. {@code arn:aws:iam::123456789012:user/drydock-test} or
 *     {@code arn:aws:sts::123456789012:assumed-role/orders-task/1a2b}
 * @param accountId the principal's 12-digit account
 * @param userId the unique id AWS reports for it (GetCallerIdentity's UserId)
 * @param accessKeyId the access key the request was signed with, or {@code null} when unsigned
 */
public record Caller(String arn, String accountId, String userId, String accessKeyId) {
}
