package dev.drydock.junit.lean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A project that depends on drydock-ecs-fixtures alone (no EFS, ECR, secrets, logs, ELB, CloudWatch, Application Auto Scaling, EC2 or EC2 Auto Scaling module): the extension still loads, with the
 * core and ECS plug-ins, runs an ECS test class, and refuses an EFS annotation naming the artifact to add. Runs the
 * extension in a class loader over this test's classpath without the EFS, ECR, secrets, logs, ELB, CloudWatch, Application Auto Scaling, EC2 and EC2 Auto Scaling modules and SDK clients.
 */
class LeanClasspathTest {
    // the EC2 Auto Scaling SDK stays: drydock-ecs-fixtures depends on it (the requests ECS sends Auto Scaling for
    // capacity providers), so every ECS user has it
    private static final Pattern LEFT_OUT = Pattern.compile(
            ".*((efs|ecr|secrets|logs|elb|cloudwatch|scaling|ec2|autoscaling)-fixtures|awssdk[/\\\\](efs|ecr|secretsmanager|ssm|kms|cloudwatchlogs|elasticloadbalancingv2|cloudwatch|applicationautoscaling|ec2)[/\\\\]).*");

    @Test
    void theExtensionWorksWithOnlyTheEcsModule() throws Exception {
        List<URL> urls = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classpath.split(File.pathSeparator)) {
            if (LEFT_OUT.matcher(entry).matches()) {
                leftOut.add(entry);
            } else {
                urls.add(url(entry));
            }
        }
        assertThat(leftOut)
                .as(
                        "the EFS, ECR, secrets, logs, ELB, CloudWatch, Application Auto Scaling, EC2 and EC2 Auto Scaling modules and clients on the classpath")
                .hasSizeGreaterThanOrEqualTo(10);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader lean = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(lean);
            assertThatThrows(lean, "dev.drydock.efs.EfsModule");
            assertThatThrows(lean, "dev.drydock.secretsmanager.SecretsManagerModule");
            assertThatThrows(lean, "dev.drydock.logs.LogsModule");
            assertThatThrows(lean, "dev.drydock.elb.ElbModule");
            assertThatThrows(lean, "dev.drydock.cloudwatch.CloudWatchModule");
            assertThatThrows(lean, "dev.drydock.scaling.ApplicationAutoScalingModule");
            assertThatThrows(lean, "dev.drydock.ec2.Ec2Module");
            assertThatThrows(lean, "dev.drydock.autoscaling.AutoScalingModule");
            String summary = (String)
                    lean.loadClass(LeanRuns.class.getName()).getMethod("run").invoke(null);
            assertThat(summary)
                    .contains("plugins=[core, ecs]")
                    .contains("unavailable=9")
                    .contains("ecs passed=1 failed=0")
                    .contains(
                            "efs failure=EfsWithoutItsModule: @EfsFileSystem needs dev.drydock:drydock-efs-fixtures on the test "
                                    + "classpath: add it as a test dependency")
                    .contains(
                            "secret failure=SecretWithoutItsModule: @Secret needs dev.drydock:drydock-secrets-fixtures "
                                    + "on the test classpath: add it as a test dependency");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static void assertThatThrows(ClassLoader loader, String className) {
        try {
            loader.loadClass(className);
            throw new AssertionError(className + " should not be on the lean classpath");
        } catch (ClassNotFoundException expected) {
            // as it should be
        }
    }

    private static URL url(String entry) {
        try {
            return new File(entry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
