package dev.drydock.ssm;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.BadInputSuite;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * {@link BadInputSuite} for Parameter Store: bad input generated from the Systems Manager model for every operation
 * Drydock implements, and the cases whose exact answer matters (invalid and reserved names, values over 4 KB standard
 * and 8 KB advanced, missing types, too many tags, allowed patterns, data types, filters, labels); never a 5xx,
 * nothing stored.
 */
class SsmBadInputTest extends BadInputSuite {
    /** operation | body | error code | message (empty: not checked). */
    private static final String CASES = """
            PutParameter | {"Name":"/p-{n}","Value":"v","Type":"Bogus"} | ValidationException | 1 validation error detected: Value 'Bogus' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [String, StringList, SecureString]
            PutParameter | {"Name":"bad name","Value":"v","Type":"String"} | ValidationException | Parameter name: can't be prefixed with "aws" or "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_
            PutParameter | {"Name":"/aws/x-{n}","Value":"v","Type":"String"} | AccessDeniedException |
            PutParameter | {"Name":"ssm-x-{n}","Value":"v","Type":"String"} | ValidationException |
            PutParameter | {"Name":"a/b-{n}","Value":"v","Type":"String"} | ValidationException | Parameter name must be a fully qualified name.
            PutParameter | {"Name":"/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16-{n}","Value":"v","Type":"String"} | ValidationException |
            PutParameter | {"Name":"/{n*1000}","Value":"v","Type":"String"} | ValidationException |
            PutParameter | {"Name":"/p-{n}","Value":"{v*4097}","Type":"String"} | ValidationException |
            PutParameter | {"Name":"/p-{n}","Value":"{v*8193}","Type":"String","Tier":"Advanced"} | ValidationException | The specified parameter value is too large. Advanced-tier parameters support a maximum parameter value of 8192 characters.
            PutParameter | {"Name":"/p-{n}","Value":"v"} | ValidationException | A parameter type is required when you create a parameter.
            PutParameter | {"Name":"/p-{n}","Value":"v","Type":"String","Tags":{tags*51:Key:Value}} | TooManyTagsError |
            PutParameter | {"Name":"/p-{n}","Value":"abc","Type":"String","AllowedPattern":"^\\\\d+$"} | ParameterPatternMismatchException | Parameter value, cannot be validated against allowedPattern: ^\\d+$
            PutParameter | {"Name":"/p-{n}","Value":"v","Type":"String","DataType":"Text"} | ValidationException | The following data type is not supported: Text (Data type names are all lowercase.)
            PutParameter | {"Name":"/p-{n}","Value":"v","Type":"String","KeyId":"alias/x"} | ValidationException |
            PutParameter | {"Name":"/p-{n}","Value":"v","Type":"SecureString","KeyId":"alias/does-not-exist"} | InvalidKeyId |
            PutParameter | {"Name":"/p-{n}","Value":"v","Type":"String","Policies":"[]"} | InvalidPolicyTypeException |
            PutParameter | {"Name":"{param}","Value":"v","Overwrite":true,"Tags":[{"Key":"k","Value":"v"}]} | ValidationException |
            PutParameter | {"Name":"/p-{n}","Value":7,"Type":"String"} | SerializationException |
            GetParameter | {} | ValidationException | 1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null
            GetParameters | {"Names":[]} | ValidationException |
            GetParameters | {"Names":["1","2","3","4","5","6","7","8","9","10","11"]} | ValidationException |
            GetParametersByPath | {"Path":"/","MaxResults":11} | ValidationException |
            GetParametersByPath | {"Path":"/","ParameterFilters":[{"Key":"Name","Values":["x"]}]} | InvalidFilterKey |
            DescribeParameters | {"MaxResults":51} | ValidationException |
            DescribeParameters | {"ParameterFilters":[{"Key":"Name","Option":"Sideways","Values":["x"]}]} | InvalidFilterOption |
            DeleteParameters | {"Names":"x"} | SerializationException |
            LabelParameterVersion | {"Name":"{param}","Labels":[]} | ValidationException |
            LabelParameterVersion | {"Name":"{param}","ParameterVersion":99,"Labels":["l"]} | ParameterVersionNotFound |
            UnlabelParameterVersion | {"Name":"{param}","Labels":["l"]} | ValidationException |
            AddTagsToResource | {"ResourceType":"Document","ResourceId":"x","Tags":[{"Key":"k","Value":"v"}]} | InvalidResourceType |
            AddTagsToResource | {"ResourceType":"Bogus","ResourceId":"x","Tags":[{"Key":"k","Value":"v"}]} | ValidationException |
            AddTagsToResource | {"ResourceType":"Parameter","ResourceId":"/missing-{n}","Tags":[{"Key":"k","Value":"v"}]} | InvalidResourceId |
            AddTagsToResource | {"ResourceType":"Parameter","ResourceId":"{param}","Tags":[{"Key":"k","Value":"{n*300}"}]} | ValidationException |
            RemoveTagsFromResource | {"ResourceType":"Parameter","ResourceId":"{param}"} | ValidationException |
            ListTagsForResource | {"ResourceType":"Parameter"} | ValidationException |
            """;

    private SsmClient ssm;
    private final String param = "/bad-input/param";

    SsmBadInputTest() {
        super(SsmClient.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        ssm = drydock.client(SsmClient.builder());
        ssm.putParameter(r -> r.name(param).value("kept").type(ParameterType.STRING));
        ssm.addTagsToResource(r -> r.resourceType("Parameter")
                .resourceId(param)
                .tags(t -> t.key("k").value("v")));
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of("Name", param, "ResourceId", param, "ResourceType", "Parameter", "Path", "/bad-input");
    }

    @Override
    protected List<Case> cases() {
        return jsonCases(CASES, this::fill);
    }

    private String fill(String text) {
        return text.replace("{param}", param);
    }

    @Override
    protected Object state() {
        return List.of(
                ssm.describeParametersPaginator(r -> r.maxResults(50)).stream()
                        .flatMap(p -> p.parameters().stream())
                        .map(ParameterMetadata::toString)
                        .sorted()
                        .toList(),
                ssm.getParameterHistory(r -> r.name(param)).parameters().toString(),
                ssm.listTagsForResource(r -> r.resourceType("Parameter").resourceId(param))
                        .tagList());
    }
}
