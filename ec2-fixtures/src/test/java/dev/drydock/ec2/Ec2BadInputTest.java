package dev.drydock.ec2;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.BadInputSuite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;

/**
 * {@link BadInputSuite} for EC2's launch templates: bad input generated from EC2's model for every operation Drydock
 * implements, and EC2's own rules (a name in use, unknown templates and versions, both id and name, unknown filters),
 * each answered with EC2's error in the EC2 error form, nothing stored.
 */
class Ec2BadInputTest extends BadInputSuite {
    private Ec2Client ec2;
    private String id;

    Ec2BadInputTest() {
        super(Ec2Client.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        ec2 = drydock.client(Ec2Client.builder());
        id = ec2.createLaunchTemplate(r -> r.launchTemplateName("bad-input")
                        .launchTemplateData(d -> d.instanceType("m5.large").imageId("ami-12345678")))
                .launchTemplate()
                .launchTemplateId();
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of("LaunchTemplateName", "bad-input");
    }

    @Override
    protected List<Case> cases() {
        var wire = service().wire();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(
                "CreateLaunchTemplate with a name in use",
                wire.query(
                        "CreateLaunchTemplate",
                        Map.of("LaunchTemplateName", "bad-input", "LaunchTemplateData.InstanceType", "t3.micro")),
                "InvalidLaunchTemplateName.AlreadyExistsException",
                "Launch template name already in use."));
        cases.add(new Case(
                "DescribeLaunchTemplates of an unknown id",
                wire.query("DescribeLaunchTemplates", Map.of("LaunchTemplateId.1", "lt-0123456789abcdef0")),
                "InvalidLaunchTemplateId.NotFound",
                "The specified launch template, with template ID lt-0123456789abcdef0, does not exist."));
        cases.add(new Case(
                "DescribeLaunchTemplates of an unknown name",
                wire.query("DescribeLaunchTemplates", Map.of("LaunchTemplateName.1", "absent")),
                "InvalidLaunchTemplateName.NotFoundException",
                "The specified launch template, with template name absent, does not exist."));
        cases.add(new Case(
                "DescribeLaunchTemplates with an unknown filter",
                wire.query("DescribeLaunchTemplates", Map.of("Filter.1.Name", "owner", "Filter.1.Value.1", "x")),
                "InvalidParameterValue",
                "The filter 'owner' is invalid...."));
        cases.add(new Case(
                "CreateLaunchTemplateVersion from a version that does not exist",
                wire.query(
                        "CreateLaunchTemplateVersion",
                        Map.of(
                                "LaunchTemplateName", "bad-input",
                                "SourceVersion", "7",
                                "LaunchTemplateData.InstanceType", "t3.micro")),
                "InvalidLaunchTemplateId.VersionNotFound",
                null));
        cases.add(new Case(
                "DeleteLaunchTemplate with both id and name",
                wire.query("DeleteLaunchTemplate", Map.of("LaunchTemplateId", id, "LaunchTemplateName", "bad-input")),
                "InvalidParameterCombination",
                null));
        cases.add(new Case(
                "DeleteLaunchTemplate with neither id nor name",
                wire.query("DeleteLaunchTemplate", Map.of()),
                "MissingParameter",
                null));
        cases.add(new Case(
                "DeleteLaunchTemplate of a malformed id",
                wire.query("DeleteLaunchTemplate", Map.of("LaunchTemplateId", "template-1")),
                "InvalidLaunchTemplateId.Malformed",
                null));
        return cases;
    }

    @Override
    protected Object state() {
        Map<String, Object> s = new LinkedHashMap<>();
        for (LaunchTemplate t : ec2.describeLaunchTemplates().launchTemplates()) {
            s.put(t.launchTemplateId(), t);
            s.put(
                    t.launchTemplateId() + " versions",
                    ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(t.launchTemplateId()))
                            .launchTemplateVersions());
        }
        return s;
    }
}
