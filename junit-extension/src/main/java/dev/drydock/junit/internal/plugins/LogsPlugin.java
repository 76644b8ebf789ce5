package dev.drydock.junit.internal.plugins;

import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.junit.CloudWatchLogGroup;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import dev.drydock.junit.spi.Stage;
import dev.drydock.logs.LogsFixtures;
import dev.drydock.logs.LogsModule;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** What drydock-logs-fixtures brings: {@link CloudWatchLogGroup} and CloudWatch Logs clients. */
public final class LogsPlugin implements DrydockPlugin {
    /** Fails loading this plug-in when drydock-logs-fixtures is not on the classpath. */
    private static final Class<?> MODULE = LogsModule.class;

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public List<AnnotationBinding<?>> annotations() {
        return List.of(AnnotationBinding.of(
                CloudWatchLogGroup.class,
                Stage.STORAGE,
                LogsPlugin::describe,
                "a log group's name is unique in the account and region",
                LogsPlugin::logGroup));
    }

    @Override
    public List<Injectable<?>> injectables() {
        return List.of(Injectable.client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder));
    }

    private static String describe(CloudWatchLogGroup g) {
        return "@CloudWatchLogGroup(name = \"" + g.name() + "\")";
    }

    private static Fixture logGroup(CloudWatchLogGroup g) {
        if (g.retentionInDays() < 0) {
            throw new DrydockException(describe(g) + ": retentionInDays is " + g.retentionInDays() + "; give one of "
                    + "CloudWatch Logs' retention periods in days, or 0 to keep events forever.");
        }
        var fixture = LogsFixtures.logGroup(g.name());
        if (g.retentionInDays() > 0) {
            fixture.retentionInDays(g.retentionInDays());
        }
        for (String stream : g.streams()) {
            fixture.stream(stream);
        }
        return fixture.describedAs(describe(g));
    }
}
