package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.internal.iam.support.PolicySimulator;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;

/**
 * SimulateCustomPolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html. The
 * policies given (PolicyInputList, PermissionsBoundaryPolicyInputList, ResourcePolicy); CallerArn (an IAM user; when
 * absent, a placeholder user of the account, {@code user/PolicySimulatorCaller}); ActionNames x ResourceArns;
 * ContextEntries; Marker/MaxItems. See {@link PolicySimulator}.
 */
public final class SimulateCustomPolicy extends IamOperation
        implements Operation<SimulateCustomPolicyRequest, SimulateCustomPolicyResponse> {
    public SimulateCustomPolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public SimulateCustomPolicyResponse call(SimulateCustomPolicyRequest request, CallContext context) {
        context.authorize("iam:SimulateCustomPolicy", "*");
        List<NamedPolicy> identity = new ArrayList<>(
                PolicySimulator.inputPolicies(request.policyInputList(), "PolicyInputList", PolicyKind.IDENTITY));
        NamedPolicy boundary = PolicySimulator.inputBoundary(request.permissionsBoundaryPolicyInputList());
        NamedPolicy resourcePolicy = PolicySimulator.inputResourcePolicy(request.resourcePolicy());
        if (resourcePolicy != null && request.callerArn() == null) {
            throw IamErrors.invalidInput("Invalid caller - Caller must be an IAM user " + "in this context.");
        }
        String caller = PolicySimulator.caller(
                request.callerArn(),
                null,
                resourcePolicy != null,
                "arn:aws:iam::" + iam.accountId() + ":user/PolicySimulatorCaller");
        List<EvaluationResult> results = new PolicySimulator(iam.accountId(), identity, boundary, resourcePolicy)
                .simulate(
                        caller,
                        request.actionNames(),
                        request.resourceArns(),
                        PolicySimulator.context(request.contextEntries()),
                        PolicySimulator.resourceOwner(request.resourceOwner()));
        Page<EvaluationResult> page = page(results, request.marker(), request.maxItems());
        return SimulateCustomPolicyResponse.builder()
                .evaluationResults(page.items())
                .isTruncated(page.truncated())
                .marker(page.nextToken())
                .build();
    }

    /** Simulation results are paged by position. */
    static Page<EvaluationResult> page(List<EvaluationResult> results, String marker, Integer maxItems) {
        return IamErrors.PAGINATOR.page(results, maxItems, marker);
    }
}
